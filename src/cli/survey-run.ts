/**
 * `zapcheck survey <site>`: samples at one spot, judged, printed and kept with the site; --list, --forget.
 * Imported lazily by src/cli/survey.ts. Sleep and clock are injectable so tests never wait.
 */
import { judgeSpot, sampleOf, takeSamples, type Sleep, type SpotSample } from '../checks/wifi/survey.js';
import { EXIT, UsageError } from '../core/errors.js';
import type { SurveySpot } from '../core/result.js';
import { historyDir } from '../history/dir.js';
import { forgetSpot, listSpots, saveSpot, type StoredSpot } from '../history/survey.js';
import type { Translate } from '../i18n/index.js';
import type { createWifiScanProbe } from '../probes/wifi-scan.js';
import { type WifiScanFailureCause } from '../probes/wifi-scan.js';
import { describeScanFailure } from '../checks/wifi/scan-failure.js';
import { loadProfile } from '../profile/load.js';
import { escapeForTerminal } from '../report/escape.js';
import { formatSurveyDate, surveyDbm } from '../report/survey.js';
import { findSite, readSitesFile } from '../sites/load.js';
import type { SiteEntry, SitesFile } from '../sites/types.js';
import { writeOutput, type CliIO } from './io.js';
import { expandScanFiles, scanOnce } from './scan-files.js';
import type { SurveyCommandOptions } from './survey.js';
import { toolVersion } from './version.js';
import { resolveLang } from './run-options.js';

export interface SurveyDeps {
  sleep: Sleep;
  now: () => number;
  /** Reads one sample's scan: a saved file, or a live scan when `file` is undefined. */
  scan?: (file: string | undefined, timeoutMs: number) => ReturnType<ReturnType<typeof createWifiScanProbe>>;
  signal?: AbortSignal;
}

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

const SAMPLE_INTERVAL_MS = 1000;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function cleanName(name: string, t: Translate): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  if (!cleaned) throw new UsageError(t('err.site.empty'));
  if (cleaned.length > 120) throw new UsageError(t('err.site.long'));
  return cleaned;
}

export async function runSurveyCommand(
  typedSite: string,
  opts: SurveyCommandOptions,
  io: CliIO,
  deps: SurveyDeps = { sleep: realSleep, now: () => Date.now() },
): Promise<number> {
  const { lang, t } = resolveLang(opts.lang, io.env);
  const typed = cleanName(typedSite, t);
  const sitesFile: SitesFile | null = readSitesFile(io.cwd, opts.sites, t);
  const entry: SiteEntry | null = findSite(sitesFile, typed);
  if (opts.sites !== undefined && sitesFile && !entry) {
    throw new UsageError(t('err.sites.unknown', { site: typed, file: opts.sites }));
  }
  const site = entry?.name ?? typed;
  const dir = historyDir({ env: io.env, cwd: io.cwd, override: opts.reportsDir });
  const shown = (s: string) => `"${escapeForTerminal(s)}"`;

  if (opts.list) return listCommand(site, dir, opts, io, t, lang);
  if (opts.forget !== undefined) {
    const n = forgetSpot(dir, site, opts.forget);
    if (n === 0) {
      const spots = listSpots(dir, site).spots.map((s) => shown(s.spot));
      throw new UsageError(
        t('err.survey.unknownspot', {
          spot: shown(opts.forget),
          site: shown(site),
          spots: spots.join(', ') || '-',
        }),
      );
    }
    io.stdout.write(`${t('survey.forgot', { spot: shown(opts.forget), site: shown(site), n })}\n`);
    return EXIT.READY;
  }

  if (opts.spot === undefined) throw new UsageError(t('err.survey.nospot'));
  const spot = opts.spot.trim();
  if (!spot || spot.length > 60 || CONTROL.test(spot)) throw new UsageError(t('err.survey.spot'));
  const ssid = opts.ssid ?? entry?.ssid;
  if (ssid === undefined) throw new UsageError(t('err.survey.nossid'));
  if (ssid === '' || Buffer.byteLength(ssid, 'utf8') > 32) throw new UsageError(t('err.ssid'));
  const timeoutMs = Number(opts.timeout ?? '20000');
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 600_000) {
    throw new UsageError(t('err.timeout', { value: String(opts.timeout) }));
  }
  const profile = loadProfile(!opts.profileFromCli && entry?.profile ? entry.profile : opts.profile, t);
  const files = expandScanFiles(opts.scanFile ?? [], io.cwd, t);
  const n = opts.samples ?? (files.length || 5);
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    throw new UsageError(t('err.survey.samples', { value: String(opts.samples) }));
  }

  const scan = deps.scan ?? scanOnce;

  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  process.once('SIGINT', onSigint);
  let lastFailure: { message: string; hint: string } | null = null;
  let results: (SpotSample | null)[];
  try {
    results = await takeSamples({
      n,
      // Saved scans are replayed at once; live samples a second apart.
      intervalMs: files.length ? 0 : SAMPLE_INTERVAL_MS,
      sleep: deps.sleep,
      signal: deps.signal ?? interrupt.signal,
      read: async (i) => {
        const file = files.length ? files[i % files.length] : undefined;
        const res = await scan(file, timeoutMs);
        if (res.ok) return sampleOf(res.value.records, profile.wifi, { ssid, profileName: profile.name, t });
        const cause = res.error.cause as Partial<WifiScanFailureCause> | undefined;
        lastFailure = describeScanFailure(
          cause,
          { message: res.error.message, hint: t('wifi.hint.default') },
          t,
        );
        if (file !== undefined && cause?.reason === 'BAD_FILE') {
          throw new UsageError(
            t('err.scanfile.bad', { message: lastFailure.message }),
            t('err.scanfile.bad.hint'),
          );
        }
        return null;
      },
      onSample: (s, i) => {
        if (io.stderr.isTTY) {
          const dbm = s ? surveyDbm(s.signalDbm, t) : t('survey.notseen');
          io.stderr.write(`\r${t('survey.sample', { i: i + 1, n, dbm })}\u001b[K`);
        }
      },
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
    if (io.stderr.isTTY) io.stderr.write('\r\u001b[K');
  }
  if ((deps.signal ?? interrupt.signal).aborted) return EXIT.INTERRUPTED;
  const samples = results.filter((s): s is SpotSample => s !== null);
  if (!samples.length) {
    const f = lastFailure as { message: string; hint: string } | null;
    throw new UsageError(t('err.survey.noscan', { message: f?.message ?? '' }), f?.hint);
  }
  const v = judgeSpot(spot, ssid, samples, t);
  const reading: StoredSpot = {
    schemaVersion: 1,
    tool: { name: 'zapcheck', version: toolVersion() },
    site,
    profile: profile.id,
    spot,
    takenAt: new Date(deps.now()).toISOString(),
    ssid,
    bssid: v.bssid,
    channel: v.channel,
    band: v.band,
    samples: v.samples,
    minDbm: v.minDbm,
    medianDbm: v.medianDbm,
    status: v.status,
    cause: v.cause,
    summary: escapeForTerminal(v.summary),
    remediation: v.remediation.map((r) => ({ ...r, text: escapeForTerminal(r.text) })),
  };

  const out: string[] = [
    t('survey.heading', { site: shown(site), spot: shown(spot), ssid: shown(ssid) }),
    `  ${t('survey.samples', {
      samples: v.samples.map((s) => (s === null ? '-' : String(s))).join(' '),
      min: v.minDbm ?? '-',
      median: v.medianDbm ?? '-',
    })}`,
  ];
  if (v.bssid !== null || v.channel !== null) {
    out.push(
      `  ${t('survey.where', { bssid: v.bssid ?? '?', channel: v.channel ?? '?', band: v.band ?? '?' })}`,
    );
  }
  out.push(`  ${t(`status.${v.status}`).toUpperCase()}  ${reading.summary}`);
  for (const r of reading.remediation) out.push(`  -> ${r.text}`);
  if (opts.history === false) out.push(t('survey.notkept'));
  else {
    try {
      saveSpot(dir, reading);
      out.push(t('survey.kept', { n: listSpots(dir, site).spots.length, site: escapeForTerminal(site) }));
    } catch (err) {
      const message = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
      io.stderr.write(`${t('survey.keepfail', { dir, message })}\n`);
    }
  }
  const human = `${out.join('\n')}\n`;
  if (opts.json !== undefined) writeOutput(io, opts.json, `${JSON.stringify(reading, null, 2)}\n`);
  (opts.json === '-' ? io.stderr : io.stdout).write(human);
  return v.status === 'fail' ? EXIT.NOT_READY : v.status === 'error' ? EXIT.INTERNAL : EXIT.READY;
}

function listCommand(
  site: string,
  dir: string,
  opts: SurveyCommandOptions,
  io: CliIO,
  t: Translate,
  lang: 'en' | 'it',
): number {
  const { spots } = listSpots(dir, site);
  if (opts.json !== undefined) {
    const view: (SurveySpot & { site: string })[] = spots.map((s) => ({ ...s }));
    writeOutput(io, opts.json, `${JSON.stringify({ site, spots: view }, null, 2)}\n`);
    if (opts.json === '-') return EXIT.READY;
  }
  const name = `"${escapeForTerminal(site)}"`;
  if (!spots.length) {
    io.stdout.write(`${t('survey.list.none', { site: name })}\n`);
    return EXIT.READY;
  }
  const header = [
    t('survey.col.spot'),
    t('survey.col.verdict'),
    t('survey.col.median'),
    t('survey.col.min'),
    t('survey.col.channel'),
    t('survey.col.ssid'),
    t('survey.col.taken'),
  ];
  const rows = spots.map((s) => [
    escapeForTerminal(s.spot),
    t(`status.${s.status}`),
    surveyDbm(s.medianDbm, t),
    surveyDbm(s.minDbm, t),
    s.channel === null ? '-' : String(s.channel),
    escapeForTerminal(s.ssid),
    formatSurveyDate(s.takenAt, lang),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  io.stdout.write(
    `${[t('survey.list.heading', { site: name, n: spots.length }), line(header), ...rows.map(line)].join('\n')}\n`,
  );
  return EXIT.READY;
}
