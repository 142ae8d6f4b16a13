import { EXIT, UsageError } from '../core/errors.js';
import { guardFromEnv } from '../core/guard.js';
import type { SiteContext, SiteOptions } from '../core/context.js';
import { createLabContext, createRealContext, parseResolver } from '../core/site.js';
import { runChecks } from '../core/runner.js';
import { CHECK_FAMILIES } from '../checks/index.js';
import { loadProfile } from '../profile/load.js';
import { pickLang } from '../i18n/index.js';
import { createProbes } from '../probes/index.js';
import { buildReport } from '../report/build.js';
import { renderJson } from '../report/json.js';
import { renderTerminal, startProgress } from '../report/terminal.js';
import type { Report } from '../core/result.js';
import { type CliIO, writeOutput } from './io.js';
import { toolVersion } from './main.js';
import type { SiteCommandOptions } from './site.js';

/** A site name is printed and stored: keep it to one printable line. */
function cleanSiteName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  if (!cleaned) throw new UsageError('the site name is empty');
  if (cleaned.length > 120) throw new UsageError('the site name is longer than 120 characters');
  return cleaned;
}

export function exitCodeFor(report: Report): number {
  if (report.interrupted) return EXIT.INTERRUPTED;
  if (report.checks.some((c) => c.status === 'error')) {
    // zapcheck itself broke somewhere: a not-ready verdict it cannot stand behind.
    return report.checks.some((c) => c.status === 'fail') ? EXIT.NOT_READY : EXIT.INTERNAL;
  }
  return report.verdict === 'ready' ? EXIT.READY : EXIT.NOT_READY;
}

export async function runSite(name: string, opts: SiteCommandOptions, io: CliIO): Promise<number> {
  const site = cleanSiteName(name);
  const profile = loadProfile(opts.profile);
  const lang = pickLang(opts.lang, io.env);
  if (opts.lang !== undefined && !['en', 'it'].includes(opts.lang)) {
    throw new UsageError(`--lang: "${opts.lang}" is not supported`, 'languages: en, it');
  }
  const dnsServers = (opts.dnsServer ?? []).map(parseResolver);
  const deadlineMs = Math.round(opts.deadline * 1000);
  const labScenario = opts.lab === undefined ? null : opts.lab === true ? 'healthy' : opts.lab;
  if (opts.labLatency !== undefined && labScenario === null) {
    throw new UsageError('--lab-latency only applies with --lab');
  }
  const options: SiteOptions = {
    mqttConnect: opts.mqttConnect === true,
    strict: opts.strict === true,
    extra: { scanFile: opts.scanFile },
  };
  if (opts.chargers !== undefined) options.chargers = opts.chargers;
  if (opts.ssid !== undefined) options.ssid = opts.ssid;
  if (opts.dhcpRange !== undefined) options.dhcpRange = opts.dhcpRange;

  const interrupt = new AbortController();
  const onSigint = (): void => interrupt.abort();
  process.once('SIGINT', onSigint);
  process.once('SIGTERM', onSigint);

  let closeLab: (() => Promise<void>) | undefined;
  try {
    const guard = guardFromEnv(io.env, labScenario !== null);
    const base = { site, profile, deadlineMs, guard, options, lang, interrupt: interrupt.signal };
    let ctx: SiteContext;
    if (labScenario !== null) {
      const { startLab, findScenario, LAB_SCENARIOS } = await import('../lab/index.js');
      if (!findScenario(labScenario)) {
        throw new UsageError(
          `unknown lab scenario "${labScenario}"`,
          `known scenarios: ${LAB_SCENARIOS.map((s) => s.name).join(', ')} (zapcheck lab --list)`,
        );
      }
      if (dnsServers.length) throw new UsageError('--dns-server cannot be combined with --lab');
      const lab = await startLab({ profile, scenario: labScenario, latencyMs: opts.labLatency ?? 0 });
      closeLab = () => lab.close();
      ctx = createLabContext(base, lab);
    } else {
      ctx = createRealContext({
        ...base,
        env: io.env,
        dnsServers,
        ...(opts.trustRoots ? { trustRootsFile: opts.trustRoots } : {}),
      });
    }

    const probes = createProbes(ctx);
    const startedAt = ctx.clock.now();
    const humanStream = opts.json === '-' ? io.stderr : io.stdout;
    const progress = await startProgress(io.stderr, io.env, 0);
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
    });
    humanStream.write(renderTerminal(report, humanStream, { env: io.env, ascii: opts.ascii === true }));
    if (opts.json) writeOutput(io, opts.json, renderJson(report));
    return exitCodeFor(report);
  } finally {
    process.removeListener('SIGINT', onSigint);
    process.removeListener('SIGTERM', onSigint);
    await closeLab?.();
  }
}
