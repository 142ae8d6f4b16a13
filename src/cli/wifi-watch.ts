/**
 * `zapcheck wifi --watch`: a live signal meter for walking to the charger positions. Each sample rescans
 * with the platform's reader (nmcli / iw / iwlist, system_profiler / airport, netsh) or reads the next
 * saved scan, and shows the target's signal now, its min and median so far, its BSSID and channel, a bar
 * against the profile's thresholds and the wifi check's verdict word. On a terminal the line redraws in
 * place; piped, one line per sample; with --json -, one JSON object per line. Saved scans (--scan-file,
 * repeatable, or a folder) replay in order without waiting and end the meter; live, Ctrl-C ends it.
 */
import { sampleOf, signalBar, signalStats } from '../checks/wifi/survey.js';
import { EXIT, UsageError } from '../core/errors.js';
import type { WifiScanFailureCause } from '../probes/wifi-scan.js';
import { describeScanFailure } from '../checks/wifi/scan-failure.js';
import { loadProfile } from '../profile/load.js';
import { escapeForTerminal } from '../report/escape.js';
import { surveyDbm } from '../report/survey.js';
import { writeOutput, type CliIO } from './io.js';
import { expandScanFiles, scanOnce } from './scan-files.js';
import { realSleep, type SurveyDeps } from './survey-run.js';
import type { WifiCommandOptions } from './wifi.js';
import { resolveLang } from './run-options.js';

export const WATCH_INTERVAL_MS = 1500;

export async function runWifiWatch(
  opts: WifiCommandOptions,
  io: CliIO,
  deps: SurveyDeps = { sleep: realSleep, now: () => Date.now() },
): Promise<number> {
  const { t } = resolveLang(opts.lang, io.env);
  if (opts.ssid !== undefined && (opts.ssid === '' || Buffer.byteLength(opts.ssid, 'utf8') > 32)) {
    throw new UsageError(t('err.ssid'));
  }
  const timeoutMs = Number(opts.timeout ?? '20000');
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 600_000) {
    throw new UsageError(t('err.timeout', { value: String(opts.timeout) }));
  }
  const profile = loadProfile(opts.profile, t);
  const files = expandScanFiles(opts.scanFile ?? [], io.cwd, t);
  const scan = deps.scan ?? scanOnce;
  const jsonLines = opts.json !== undefined;
  const toStdout = opts.json === '-';
  const tty = !toStdout && io.stdout.isTTY === true;
  const interrupt = new AbortController();
  const signal = deps.signal ?? interrupt.signal;
  const onSigint = () => interrupt.abort();
  process.once('SIGINT', onSigint);

  const label = opts.ssid !== undefined ? `"${escapeForTerminal(opts.ssid)}"` : t('watch.any');
  if (!toStdout && !files.length) {
    io.stderr.write(`${t('watch.start', { ssid: label, seconds: WATCH_INTERVAL_MS / 1000 })}\n`);
  }
  const values: (number | null)[] = [];
  const lines: string[] = [];
  let shown = false;
  try {
    for (let i = 0; files.length ? i < files.length : true; i++) {
      if (signal.aborted) break;
      const res = await scan(files[i], timeoutMs);
      if (signal.aborted) break;
      let text: string;
      if (!res.ok) {
        const cause = res.error.cause as Partial<WifiScanFailureCause> | undefined;
        const f = describeScanFailure(cause, { message: res.error.message, hint: t('wifi.hint.default') }, t);
        if (files.length && cause?.reason === 'BAD_FILE') {
          throw new UsageError(t('err.scanfile.bad', { message: f.message }), t('err.scanfile.bad.hint'));
        }
        text = t('wifi.noscan', { message: f.message });
        if (jsonLines)
          lines.push(
            JSON.stringify({ sample: i + 1, at: new Date(deps.now()).toISOString(), error: f.message }),
          );
      } else {
        const s = sampleOf(res.value.records, profile.wifi, {
          ...(opts.ssid !== undefined ? { ssid: opts.ssid } : {}),
          profileName: profile.name,
          t,
        });
        values.push(s.signalDbm);
        const stats = signalStats(values);
        const ssid = s.advice.target.ssid;
        const chosen = s.advice.networks.find((n) => n.ssid === ssid)?.chosen ?? null;
        const name = ssid !== null ? `"${escapeForTerminal(ssid)}"` : label;
        text =
          chosen === null
            ? t('watch.notseen', { ssid: name })
            : t('watch.line', {
                ssid: name,
                bar: signalBar(stats.current, profile.wifi),
                current: surveyDbm(stats.current, t),
                min: surveyDbm(stats.min, t),
                median: surveyDbm(stats.median, t),
                bssid: chosen.bssid ?? '?',
                channel: chosen.channel,
                verdict: t(`status.${s.advice.status}`).toUpperCase(),
              });
        if (jsonLines) {
          lines.push(
            JSON.stringify({
              sample: i + 1,
              at: new Date(deps.now()).toISOString(),
              ssid,
              bssid: chosen?.bssid ?? null,
              channel: chosen?.channel ?? null,
              band: chosen?.band ?? null,
              signalDbm: stats.current,
              minDbm: stats.min,
              medianDbm: stats.median,
              status: s.advice.status,
              cause: s.advice.cause,
            }),
          );
        }
      }
      if (toStdout) io.stdout.write(`${lines[lines.length - 1]}\n`);
      else if (tty) {
        io.stdout.write(`\r${text}\u001b[K`);
        shown = true;
      } else io.stdout.write(`${text}\n`);
      if (!files.length) await deps.sleep(WATCH_INTERVAL_MS, signal);
    }
  } finally {
    process.removeListener('SIGINT', onSigint);
    if (shown) io.stdout.write('\n');
  }
  if (jsonLines && !toStdout) writeOutput(io, opts.json!, lines.map((l) => `${l}\n`).join(''));
  return signal.aborted ? EXIT.INTERRUPTED : EXIT.READY;
}
