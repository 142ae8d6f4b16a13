import { existsSync } from 'node:fs';
import { DEFAULT_SITES_FILE, type SiteEntry, type SitesFile } from '../sites/types.js';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { guardFromEnv } from '../core/guard.js';
import type { SiteContext, SiteOptions } from '../core/context.js';
import { createLabContext } from '../site/lab.js';
import { createRealContext, realEnvironmentOf } from '../site/real.js';
import { planChecks, runChecks } from '../core/runner.js';
import { CHECK_FAMILIES } from '../checks/index.js';
import { loadProfile } from '../profile/load.js';
import type { Translate } from '../i18n/index.js';
import { historyDir, historyDirIsExplicit } from '../history/dir.js';
import { listSpots, spotForReport } from '../history/survey.js';
import { saveRun } from '../history/store.js';
import { createProbes } from '../probes/index.js';
import { buildReport } from '../report/build.js';
import { renderJson } from '../report/json.js';
import { renderTerminal, startProgress } from '../report/terminal.js';
import type { Report, SurveySpot } from '../core/result.js';
import { type CliIO, writeOutput } from './io.js';
import { didYouMean } from './suggest.js';
import { toolVersion } from './version.js';
import type { SiteCommandOptions } from './site.js';
import { resolveLang, parseChargers, parseResolver } from './run-options.js';
import { exitCodeFor } from './exit-code.js';
import { parseDhcpRange } from '../checks/dhcp/headroom.js';

/** A site name is printed and stored: keep it to one printable line. */
function cleanSiteName(name: string, t: Translate): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  if (!cleaned) throw new UsageError(t('err.site.empty'));
  if (cleaned.length > 120) throw new UsageError(t('err.site.long'));
  return cleaned;
}

/**
 * Keeps the run's JSON in the history. Real runs always; lab runs (and runs under the test suite's
 * guard) only into a folder chosen on purpose (--reports-dir / ZAPCHECK_REPORTS_DIR), so simulated
 * sites never crowd a user's list. A failure to save is said on stderr and does not change the exit code.
 */
function keepInHistory(
  report: Report,
  lab: boolean,
  opts: SiteCommandOptions,
  io: CliIO,
  t: Translate,
): void {
  if (opts.history === false) return;
  const explicit = historyDirIsExplicit(io.env, opts.reportsDir);
  if ((lab || io.env.ZAPCHECK_GUARD) && !explicit) return;
  const dir = historyDir({ env: io.env, cwd: io.cwd, override: opts.reportsDir });
  try {
    const file = saveRun(dir, report, renderJson(report));
    io.stderr.write(`${t('history.saved', { file })}\n`);
  } catch (err) {
    const message = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
    io.stderr.write(`${t('history.savefail', { dir, message })}\n`);
  }
}

/**
 * The site's Wi-Fi survey (zapcheck survey), from the same history folder the run is kept in: read where a
 * run would be kept (real runs; lab and test runs only from a folder chosen on purpose).
 */
function siteSurvey(site: string, lab: boolean, opts: SiteCommandOptions, io: CliIO): SurveySpot[] {
  if ((lab || io.env.ZAPCHECK_GUARD) && !historyDirIsExplicit(io.env, opts.reportsDir)) return [];
  const dir = historyDir({ env: io.env, cwd: io.cwd, override: opts.reportsDir });
  return listSpots(dir, site).spots.map(spotForReport);
}

export async function runSite(name: string, opts: SiteCommandOptions, io: CliIO): Promise<number> {
  const { lang, t } = resolveLang(opts.lang, io.env);
  const typed = cleanSiteName(name, t);
  // The sites file gives per-site defaults; options on the command line win.
  // The sites-file reader (YAML with positions, a JSON Schema validator) is loaded only when there is one.
  let sitesFile: SitesFile | null = null;
  let entry: SiteEntry | null = null;
  if (opts.sites !== undefined || existsSync(path.join(io.cwd, DEFAULT_SITES_FILE))) {
    const { findSite, readSitesFile } = await import('../sites/load.js');
    sitesFile = readSitesFile(io.cwd, opts.sites, t);
    entry = findSite(sitesFile, typed);
  }
  if (opts.sites !== undefined && sitesFile && !entry) {
    throw new UsageError(
      t('err.sites.unknown', { site: typed, file: opts.sites }),
      t('err.sites.unknown.hint', { file: opts.sites, names: sitesFile.sites.map((s) => s.name).join(', ') }),
    );
  }
  // The sites file's spelling of the name, so history and reports group one site under one name.
  const site = entry?.name ?? typed;
  const profile = loadProfile(!opts.profileFromCli && entry?.profile ? entry.profile : opts.profile, t);
  const dnsServers = (opts.dnsServer ?? []).map((s) => parseResolver(s, t));
  const deadlineMs = Math.round(opts.deadline * 1000);
  const labScenario = opts.lab === undefined ? null : opts.lab === true ? 'healthy' : opts.lab;
  if (opts.labLatency !== undefined && labScenario === null) {
    throw new UsageError(t('err.lab.latency'));
  }
  const options: SiteOptions = {
    mqttConnect: opts.mqttConnect !== false,
    strict: opts.strict === true,
    extra: { scanFile: opts.scanFile },
  };
  const chargers = parseChargers(opts.chargers, t) ?? entry?.chargers;
  const ssid = opts.ssid ?? entry?.ssid;
  const dhcpRange = opts.dhcpRange ?? entry?.dhcpRange;
  if (chargers !== undefined) options.chargers = chargers;
  if (ssid !== undefined) options.ssid = ssid;
  // A bad --dhcp-range is a usage error here as in `zapcheck dhcp` (the check would report it as its own error).
  if (opts.dhcpRange !== undefined) parseDhcpRange(opts.dhcpRange, t);
  if (dhcpRange !== undefined) options.dhcpRange = dhcpRange;

  const interrupt = new AbortController();
  const onSigint = (): void => interrupt.abort();
  process.once('SIGINT', onSigint);
  process.once('SIGTERM', onSigint);

  let closeLab: (() => Promise<void>) | undefined;
  try {
    const guard = guardFromEnv(io.env, labScenario !== null);
    // --deadline bounds the process: counted from its start, not from here.
    const deadlineFrom = io.startedAt ?? performance.now();
    const base = {
      site,
      profile,
      deadlineMs,
      deadlineFrom,
      guard,
      options,
      lang,
      interrupt: interrupt.signal,
    };
    let ctx: SiteContext;
    if (labScenario !== null) {
      const { startLab, findScenario, LAB_SCENARIOS } = await import('../lab/index.js');
      if (!findScenario(labScenario)) {
        throw new UsageError(
          t('err.lab.unknown', { name: labScenario }),
          didYouMean(
            t,
            labScenario,
            LAB_SCENARIOS.map((s) => s.name),
          ) ?? t('err.lab.unknown.hint', { names: LAB_SCENARIOS.map((s) => s.name).join(', ') }),
        );
      }
      if (dnsServers.length) throw new UsageError(t('err.lab.dns'));
      const lab = await startLab({ profile, scenario: labScenario, latencyMs: opts.labLatency ?? 0 });
      closeLab = () => lab.close();
      ctx = createLabContext(base, lab);
    } else {
      const environment = await realEnvironmentOf(io.env, Math.min(2000, deadlineMs / 3));
      ctx = createRealContext({
        ...base,
        environment,
        env: io.env,
        dnsServers,
        ...(opts.trustRoots ? { trustRootsFile: opts.trustRoots } : {}),
      });
    }

    // Every probe, the Wi-Fi scan and the DHCP facts of a real site included, through the site's signal and guard.
    const probes = createProbes(ctx);
    const startedAt = ctx.clock.now();
    const humanStream = opts.json === '-' ? io.stderr : io.stdout;
    const progress = await startProgress(io.stderr, io.env, planChecks(CHECK_FAMILIES, ctx).length, lang);
    let outcome;
    try {
      outcome = await runChecks(CHECK_FAMILIES, ctx, probes, progress.events, interrupt.signal);
    } finally {
      progress.stop();
    }
    const report = buildReport({
      ctx,
      version: toolVersion(),
      results: outcome.results,
      interrupted: outcome.interrupted,
      startedAt,
      finishedAt: ctx.clock.now(),
      survey: siteSurvey(site, labScenario !== null, opts, io),
    });
    humanStream.write(renderTerminal(report, humanStream, { env: io.env, ascii: opts.ascii === true, lang }));
    if (opts.json) writeOutput(io, opts.json, renderJson(report));
    keepInHistory(report, labScenario !== null, opts, io, t);
    return exitCodeFor(report);
  } finally {
    process.removeListener('SIGINT', onSigint);
    process.removeListener('SIGTERM', onSigint);
    await closeLab?.();
  }
}
