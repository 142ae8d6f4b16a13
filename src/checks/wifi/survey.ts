import type { Remediation, Status } from '../../core/result.js';
import type { Translate } from '../../i18n/index.js';
import type { BssRecord } from '../../platform/wifi/types.js';
import type { WifiBand, WifiRules } from '../../profile/types.js';
import { adviseWifi, type WifiAdvice, type WifiCause } from './advice.js';

/**
 * The Wi-Fi survey's policy, pure: a few scans taken at one charger position ("spot") become that spot's
 * verdict, with the same thresholds and causes as the wifi check (weak signal, channel out of range, wrong
 * band ...). Zaptec asks for the signal *at each charging station*; one reading where the laptop happens to
 * be is not that.
 *
 * The spot is judged on its median sample (the lower middle one for an even count): one lucky or unlucky
 * reading does not decide it, and min/median are kept for the report.
 */

export interface SpotSample {
  /** dBm of the target network's chosen BSS in this sample, null when it was not seen. */
  signalDbm: number | null;
  advice: WifiAdvice;
}

export interface SpotVerdict {
  status: Status;
  cause: WifiCause;
  summary: string;
  remediation: Remediation[];
  ssid: string;
  bssid: string | null;
  channel: number | null;
  band: WifiBand | null;
  /** Every sample's dBm, in the order taken (null: the network was not seen). */
  samples: (number | null)[];
  minDbm: number | null;
  medianDbm: number | null;
}

/** One scan judged for the target: its chosen BSS and the wifi check's advice. */
export function sampleOf(
  records: readonly BssRecord[],
  rules: WifiRules,
  opts: { ssid?: string; profileName?: string; t?: Translate },
): SpotSample {
  const advice = adviseWifi(records, rules, opts);
  return { signalDbm: chosenOf(advice)?.signalDbm ?? null, advice };
}

function chosenOf(advice: WifiAdvice): BssRecord | null {
  const ssid = advice.target.ssid;
  return advice.networks.find((n) => n.ssid === ssid)?.chosen ?? null;
}

/** The lower median of some numbers (null for none). */
export function lowerMedian(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Current, min and median of the signals seen so far (the live meter's three numbers). */
export function signalStats(values: readonly (number | null)[]): {
  current: number | null;
  min: number | null;
  median: number | null;
} {
  const seen = values.filter((v): v is number => v !== null);
  return {
    current: values.length ? (values[values.length - 1] ?? null) : null,
    min: seen.length ? Math.min(...seen) : null,
    median: lowerMedian(seen),
  };
}

/**
 * The spot's verdict from its samples: the advice of the median sample (a sample that did not see the
 * network counts as the weakest). The remediation for a weak spot names it.
 */
export function judgeSpot(
  spot: string,
  ssid: string,
  samples: readonly SpotSample[],
  t: Translate,
): SpotVerdict {
  if (!samples.length) throw new Error('judgeSpot needs at least one sample');
  const ranked = [...samples].sort((a, b) => (a.signalDbm ?? -Infinity) - (b.signalDbm ?? -Infinity));
  const median = ranked[Math.floor((ranked.length - 1) / 2)]!;
  const chosen = chosenOf(median.advice);
  const stats = signalStats(samples.map((s) => s.signalDbm));
  // Measured where the charger will hang: a weak spot needs an access point nearer to it (the wifi
  // check's "measure where the chargers will hang" is what the survey just did).
  const weak =
    (median.advice.status === 'fail' || median.advice.status === 'warn') &&
    (median.advice.cause === 'WIFI_WEAK_SIGNAL' || median.advice.cause === 'WIFI_SSID_NOT_FOUND');
  const remediation = weak
    ? [{ audience: 'installer' as const, text: t('survey.fix.weak', { spot }) }]
    : [...median.advice.remediation];
  return {
    status: median.advice.status,
    cause: median.advice.cause,
    summary: median.advice.summary,
    remediation,
    ssid,
    bssid: chosen?.bssid ?? null,
    channel: chosen?.channel ?? null,
    band: chosen?.band ?? null,
    samples: samples.map((s) => s.signalDbm),
    minDbm: stats.min,
    medianDbm: stats.median,
  };
}

/**
 * A signal bar against the profile's thresholds: `width` cells from -90 to -30 dBm, filled up to the
 * signal, with `|` where the fail and pass thresholds are (when not filled).
 */
export function signalBar(dbm: number | null, rules: WifiRules, width = 24): string {
  const lo = -90;
  const hi = -30;
  const cell = (v: number) => Math.max(0, Math.min(width, Math.round(((v - lo) / (hi - lo)) * width)));
  const filled = dbm === null ? 0 : cell(dbm);
  const marks = new Set([cell(rules.rssi.failDbm), cell(rules.rssi.passDbm)]);
  let bar = '';
  for (let i = 0; i < width; i++) bar += i < filled ? '#' : marks.has(i) ? '|' : '.';
  return `[${bar}]`;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Takes `n` samples with `read` (a rescan, a link re-read, or the next saved scan), `intervalMs` apart
 * (none after the last). Clock and sleep are injected, so tests do not wait. Stops early, with what it
 * has, when `signal` aborts.
 */
export async function takeSamples<T>(args: {
  n: number;
  intervalMs: number;
  read: (i: number) => Promise<T>;
  sleep: Sleep;
  signal?: AbortSignal;
  onSample?: (value: T, i: number) => void;
}): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < args.n; i++) {
    if (args.signal?.aborted) break;
    const v = await args.read(i);
    out.push(v);
    args.onSample?.(v, i);
    if (i < args.n - 1 && args.intervalMs > 0) await args.sleep(args.intervalMs, args.signal);
  }
  return out;
}
