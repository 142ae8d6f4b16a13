/**
 * The Wi-Fi advice engine: pure, driven by the profile's WifiRules. Input: the BSS records of a scan and the
 * target SSID; output: one verdict per target network (status, stable cause, plain summary, remediation) and
 * the 2.4 GHz channel chart. No I/O, no clock: the same scan always gives the same advice.
 */
import type { Remediation, Status } from '../../core/result.js';
import type { WifiRules, WifiSecurity } from '../../profile/types.js';
import type { BssRecord } from '../../platform/wifi/types.js';
import { createTranslator, type Translate } from '../../i18n/index.js';
import { displaySsid, escapeForDisplay } from '../../core/display.js';

/** The words of the advice come from the message catalogue; English unless a translator is given. */
const ENGLISH: Translate = createTranslator('en');

export type WifiCause =
  | 'OK'
  | 'WIFI_NO_24GHZ'
  | 'WIFI_CHANNEL_OUT_OF_RANGE'
  | 'WIFI_WEAK_SIGNAL'
  | 'WIFI_SIGNAL_UNKNOWN'
  | 'WIFI_SECURITY_UNSUPPORTED'
  | 'WIFI_HIDDEN'
  | 'WIFI_WIDE_CHANNEL'
  | 'WIFI_CONGESTED'
  | 'WIFI_SSID_NOT_FOUND'
  | 'WIFI_NO_SSID'
  | 'WIFI_NO_SCAN';

export interface WifiFinding {
  status: Status;
  cause: WifiCause;
  summary: string;
  remediation: Remediation[];
}

export interface ChannelChartEntry {
  channel: number;
  /** 2.4 GHz BSSs whose primary channel this is (every BSS counted, as a scan lists them). */
  networks: number;
  /** Strongest signal on this channel, dBm. */
  strongestDbm: number | null;
  /** The target network has a BSS on this channel. */
  target: boolean;
  /** Congestion score (channels 1, 6, 11 only): overlapping radios weighted by signal. */
  score?: number;
}

export interface ChannelChart {
  band: '2.4';
  channels: ChannelChartEntry[];
  /** Best of 1, 6 and 11 (lowest score) for the target, null without 2.4 GHz data. */
  recommendedChannel: number | null;
}

export interface NetworkAdvice {
  ssid: string;
  ssidDisplay: string;
  status: Status;
  cause: WifiCause;
  summary: string;
  /** The BSS the verdict is about (strongest usable 2.4 GHz one), when there is one. */
  chosen: BssRecord | null;
  bssCount: number;
  findings: WifiFinding[];
  remediation: Remediation[];
}

export interface WifiAdvice {
  status: Status;
  cause: WifiCause;
  summary: string;
  remediation: Remediation[];
  target: {
    ssid: string | null;
    ssidDisplay: string | null;
    selectedBy: 'option' | 'connected' | 'all-visible';
  };
  networks: NetworkAdvice[];
  chart: ChannelChart;
}

const RANK: Record<Status, number> = { pass: 0, skip: 1, warn: 2, error: 3, fail: 4 };
const worst = (a: Status, b: Status): Status => (RANK[b] > RANK[a] ? b : a);

const SECURITY_NAMES: Record<Exclude<WifiSecurity, 'open'>, string> = {
  wep: 'WEP',
  wpa: 'WPA (TKIP)',
  'wpa2-personal': 'WPA2-Personal',
  'wpa3-personal': 'WPA3-Personal',
  'wpa2-enterprise': 'WPA2-Enterprise (802.1X)',
  'wpa3-enterprise': 'WPA3-Enterprise (802.1X)',
  owe: 'Enhanced Open (OWE)',
};

function securityName(s: WifiSecurity, t: Translate): string {
  return s === 'open' ? t('wifi.security.open.name') : SECURITY_NAMES[s];
}

function dbmText(r: BssRecord, t: Translate): string {
  if (r.signalDbm === null) return t('wifi.signal.unknown');
  return r.signalPercent !== undefined ? `${r.signalDbm} dBm (${r.signalPercent} %)` : `${r.signalDbm} dBm`;
}

/** Radios, not SSIDs: BSSIDs that differ only in the last hex digit on the same channel are one radio. */
function radioKey(r: BssRecord, i: number): string {
  if (!r.bssid || /x/.test(r.bssid) || /^0{2}(:0{2}){5}$/.test(r.bssid)) return `#${i}`;
  return `${r.bssid.slice(0, -1)}@${r.channel}`;
}

/** Share of a 22 MHz 2.4 GHz signal that overlaps a channel `d` channels away (5 MHz steps). */
function overlap(d: number): number {
  return Math.max(0, (22 - 5 * Math.abs(d)) / 22);
}

/** How much a neighbour at this signal disturbs: -65 dBm or stronger counts fully, -95 dBm hardly. */
function signalWeight(dbm: number | null): number {
  if (dbm === null) return 0.5;
  return Math.min(1, Math.max(0.05, (dbm + 95) / 30));
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

export function congestionScores(
  records: readonly BssRecord[],
  ownBssids: ReadonlySet<string>,
  ownSsid: string | null,
): { score: (channel: number) => number; neighbours: number } {
  const ownRadios = new Set<string>();
  records.forEach((r, i) => {
    if (r.bssid && ownBssids.has(r.bssid)) ownRadios.add(radioKey(r, i));
  });
  const radios = new Map<string, BssRecord>();
  records.forEach((r, i) => {
    if (r.band !== '2.4') return;
    if (r.bssid && ownBssids.has(r.bssid)) return;
    if (ownSsid !== null && r.ssid === ownSsid && !r.hidden) return;
    const key = radioKey(r, i);
    if (ownRadios.has(key)) return;
    const prev = radios.get(key);
    if (!prev || (r.signalDbm ?? -200) > (prev.signalDbm ?? -200)) radios.set(key, r);
  });
  const list = [...radios.values()];
  return {
    neighbours: list.length,
    score: (channel) =>
      round2(list.reduce((s, r) => s + overlap(r.channel - channel) * signalWeight(r.signalDbm), 0)),
  };
}

export function buildChannelChart(
  records: readonly BssRecord[],
  targetChannels: ReadonlySet<number>,
  scoreOf: ((ch: number) => number) | null,
  allowed: readonly number[],
): ChannelChart {
  const max = records.some((r) => r.band === '2.4' && r.channel === 14) ? 14 : 13;
  const channels: ChannelChartEntry[] = [];
  for (let ch = 1; ch <= max; ch++) {
    const on = records.filter((r) => r.band === '2.4' && r.channel === ch);
    const strongest = on.reduce<number | null>(
      (m, r) => (r.signalDbm !== null && (m === null || r.signalDbm > m) ? r.signalDbm : m),
      null,
    );
    const entry: ChannelChartEntry = {
      channel: ch,
      networks: on.length,
      strongestDbm: strongest,
      target: targetChannels.has(ch),
    };
    if (scoreOf && [1, 6, 11].includes(ch)) entry.score = scoreOf(ch);
    channels.push(entry);
  }
  let recommendedChannel: number | null = null;
  if (scoreOf) {
    const candidates = [1, 6, 11].filter((c) => allowed.includes(c));
    for (const c of candidates) {
      if (recommendedChannel === null || scoreOf(c) < scoreOf(recommendedChannel)) recommendedChannel = c;
    }
  }
  return { band: '2.4', channels, recommendedChannel };
}

const it = (text: string): Remediation => ({ audience: 'it', text });
const installer = (text: string): Remediation => ({ audience: 'installer', text });

/** Advice for one network (all BSSs of one SSID). */
export function adviseNetwork(
  ssid: string,
  all: readonly BssRecord[],
  rules: WifiRules,
  profileName: string,
  t: Translate = ENGLISH,
): NetworkAdvice {
  const mine = all.filter((r) => r.ssid === ssid && !r.hidden);
  const shown = displaySsid(ssid, false);
  const findings: WifiFinding[] = [];
  const allowed = mine.filter(
    (r) => rules.bands.includes(r.band) && (r.band !== '2.4' || rules.channels.includes(r.channel)),
  );
  const channelList = (rs: readonly BssRecord[]): string =>
    [...new Set(rs.map((r) => r.channel))].sort((a, b) => a - b).join(', ');
  const lo = Math.min(...rules.channels);
  const hi = Math.max(...rules.channels);

  // 1. Band and channel (R1: 2.4 GHz, channel 1-11).
  if (allowed.length === 0) {
    const on24 = mine.filter((r) => r.band === '2.4');
    if (rules.bands.includes('2.4') && on24.length > 0) {
      findings.push({
        status: 'fail',
        cause: 'WIFI_CHANNEL_OUT_OF_RANGE',
        summary: t('wifi.channel.out', { ssid: shown, channels: channelList(on24), lo, hi }),
        remediation: [it(t('wifi.channel.out.fix', { ssid: shown }))],
      });
    } else {
      // "2,4 GHz" in Italian: the band as a number of the language.
      const ghz = (b: string): string => t('wifi.band.ghz', { ghz: Number(b) });
      const bands = [...new Set(mine.map((r) => ghz(r.band)))].join(` ${t('word.and')} `);
      const needed = rules.bands.map(ghz).join(` ${t('word.or')} `);
      findings.push({
        status: 'fail',
        cause: 'WIFI_NO_24GHZ',
        summary: t('wifi.band.none', { ssid: shown, bands, needed, lo, hi }),
        remediation: [it(t('wifi.band.none.fix', { ssid: shown }))],
      });
    }
  }
  const strongest = (rs: readonly BssRecord[]): BssRecord | null =>
    rs.reduce<BssRecord | null>(
      (b, r) => (b === null || (r.signalDbm ?? -999) > (b.signalDbm ?? -999) ? r : b),
      null,
    );
  const chosen = strongest(allowed);

  // 2. Signal at this spot.
  if (chosen) {
    const where = t('wifi.signal.where');
    if (chosen.signalDbm === null) {
      findings.push({
        status: 'warn',
        cause: 'WIFI_SIGNAL_UNKNOWN',
        summary: t('wifi.signal.nodbm', { ssid: shown, channel: chosen.channel }),
        remediation: [installer(t('wifi.signal.nodbm.fix', { where }))],
      });
    } else if (chosen.signalDbm >= rules.rssi.passDbm) {
      findings.push({
        status: 'pass',
        cause: 'OK',
        summary: t('wifi.signal.ok', { signal: dbmText(chosen, t) }),
        remediation: [],
      });
    } else {
      const failing = chosen.signalDbm < rules.rssi.failDbm;
      findings.push({
        status: failing ? 'fail' : 'warn',
        cause: 'WIFI_WEAK_SIGNAL',
        summary: t(failing ? 'wifi.signal.tooweak' : 'wifi.signal.weak', {
          ssid: shown,
          signal: dbmText(chosen, t),
          pass: rules.rssi.passDbm,
          fail: rules.rssi.failDbm,
        }),
        remediation: [installer(where), it(t('wifi.signal.weak.fix'))],
      });
    }
  }

  // 3. Security.
  const secSet = new Set<WifiSecurity>((allowed.length > 0 ? allowed : mine).flatMap((r) => r.security));
  if (secSet.size > 0) {
    const usable = [...secSet].filter((s) => rules.security.includes(s));
    if (usable.length > 0) {
      findings.push({
        status: 'pass',
        cause: 'OK',
        summary: t('wifi.security.ok', { names: [...secSet].map((s) => securityName(s, t)).join(' + ') }),
        remediation: [],
      });
    } else {
      let reason: string;
      let fix: string;
      if (secSet.has('wpa3-personal')) {
        reason = t('wifi.security.wpa3', { profile: profileName });
        fix = t('wifi.security.wpa3.fix', { ssid: shown });
      } else if (secSet.has('wpa2-enterprise') || secSet.has('wpa3-enterprise')) {
        reason = t('wifi.security.enterprise');
        fix = t('wifi.security.enterprise.fix');
      } else if (secSet.has('wep')) {
        reason = t('wifi.security.wep');
        fix = t('wifi.security.wep.fix', { ssid: shown });
      } else if (secSet.has('open') || secSet.has('owe')) {
        reason = t('wifi.security.open');
        fix = t('wifi.security.open.fix', { ssid: shown });
      } else {
        reason = t('wifi.security.other', { list: [...secSet].join(', ') });
        fix = t('wifi.security.other.fix', { ssid: shown });
      }
      findings.push({
        status: 'fail',
        cause: 'WIFI_SECURITY_UNSUPPORTED',
        summary: t('wifi.security.bad', { ssid: shown, reason }),
        remediation: [it(fix)],
      });
    }
  }

  // 4. Hidden SSID: a BSSID of this network that also shows up without a name.
  const myBssids = new Set(mine.map((r) => r.bssid).filter((b): b is string => b !== null));
  const hiddenTwin = all.some((r) => r.hidden && r.bssid !== null && myBssids.has(r.bssid));
  if (!rules.hiddenSsid && hiddenTwin) {
    findings.push({
      status: 'warn',
      cause: 'WIFI_HIDDEN',
      summary: t('wifi.hidden', { ssid: shown }),
      remediation: [it(t('wifi.hidden.fix', { ssid: shown }))],
    });
  }

  // 5. Width on 2.4 GHz.
  if (
    chosen &&
    chosen.band === '2.4' &&
    chosen.widthMhz !== undefined &&
    chosen.widthMhz > rules.maxWidthMhz
  ) {
    findings.push({
      status: 'warn',
      cause: 'WIFI_WIDE_CHANNEL',
      summary: t('wifi.wide', { ssid: shown, width: chosen.widthMhz }),
      remediation: [it(t('wifi.wide.fix', { ssid: shown, max: rules.maxWidthMhz }))],
    });
  }

  // 6. Congestion on 1, 6, 11 (the charger cannot use 12/13, unlike generic analysers).
  if (chosen && chosen.band === '2.4') {
    const { score } = congestionScores(all, myBssids, ssid);
    const candidates = [1, 6, 11].filter((c) => rules.channels.includes(c));
    const best = candidates.reduce<number | null>(
      (b, c) => (b === null || score(c) < score(b) ? c : b),
      null,
    );
    const here = score(chosen.channel);
    if (best !== null && best !== chosen.channel && here >= 1.5 && here - score(best) >= 1) {
      findings.push({
        status: 'warn',
        cause: 'WIFI_CONGESTED',
        summary: t('wifi.congested', {
          ssid: shown,
          channel: chosen.channel,
          score: here,
          best,
          bestScore: score(best),
        }),
        remediation: [it(t('wifi.congested.fix', { best, ssid: shown }))],
      });
    } else if (![1, 6, 11].includes(chosen.channel) && best !== null) {
      findings.push({
        status: 'pass',
        cause: 'OK',
        summary: t('wifi.channel.notideal', { channel: chosen.channel, best }),
        remediation: [],
      });
    }
  }

  let status: Status = 'pass';
  for (const f of findings) status = worst(status, f.status);
  const decisive = findings.find((f) => f.status === status && f.cause !== 'OK');
  const summary =
    decisive?.summary ??
    (chosen
      ? t('wifi.suitable', {
          ssid: shown,
          channel: chosen.channel,
          signal: dbmText(chosen, t),
          security: [...secSet].map((s) => securityName(s, t)).join(' + ') || t('wifi.security.unknown'),
        })
      : t('wifi.noverdict', { ssid: shown }));
  const remediation = findings.filter((f) => f.status !== 'pass').flatMap((f) => f.remediation);
  return {
    ssid,
    ssidDisplay: shown,
    status,
    cause: decisive?.cause ?? 'OK',
    summary,
    chosen,
    bssCount: mine.length,
    findings,
    remediation,
  };
}

/**
 * Advice for a scan: the `ssid` given, else the network the laptop is on, else every visible network
 * (then the verdict is the best network's, and the summary says to choose one with --ssid).
 */
export function adviseWifi(
  records: readonly BssRecord[],
  rules: WifiRules,
  opts: { ssid?: string; profileName?: string; t?: Translate } = {},
): WifiAdvice {
  const t = opts.t ?? ENGLISH;
  const profileName = opts.profileName ?? t('wifi.charger');
  const emptyChart = buildChannelChart(records, new Set(), null, rules.channels);
  if (records.length === 0) {
    return {
      status: 'skip',
      cause: 'WIFI_NO_SCAN',
      summary: t('wifi.empty'),
      remediation: [installer(t('wifi.empty.fix'))],
      target: {
        ssid: opts.ssid ?? null,
        ssidDisplay: opts.ssid === undefined ? null : displaySsid(opts.ssid, false),
        selectedBy: opts.ssid === undefined ? 'all-visible' : 'option',
      },
      networks: [],
      chart: emptyChart,
    };
  }
  let selectedBy: WifiAdvice['target']['selectedBy'];
  let ssids: string[];
  if (opts.ssid !== undefined) {
    selectedBy = 'option';
    let exact = records.some((r) => r.ssid === opts.ssid);
    let name = opts.ssid;
    if (!exact) {
      const folded = records.find((r) => r.ssid.toLowerCase() === opts.ssid?.toLowerCase() && !r.hidden);
      if (folded) {
        name = folded.ssid;
        exact = true;
      }
    }
    if (!exact) {
      const hidden = records.filter((r) => r.hidden).length;
      const shown = displaySsid(opts.ssid, false);
      return {
        status: 'fail',
        cause: 'WIFI_SSID_NOT_FOUND',
        summary:
          hidden > 0
            ? t('wifi.notfound.hidden', { ssid: shown, n: records.length, hidden })
            : t('wifi.notfound', { ssid: shown, n: records.length }),
        remediation: [
          installer(t('wifi.notfound.fix')),
          it(t(hidden > 0 ? 'wifi.notfound.hidden.fix' : 'wifi.notfound.off.fix', { ssid: shown })),
        ],
        target: { ssid: opts.ssid, ssidDisplay: shown, selectedBy },
        networks: [],
        chart: emptyChart,
      };
    }
    ssids = [name];
  } else {
    const connected = records.find((r) => r.connected && !r.hidden && r.ssid !== '');
    if (connected) {
      selectedBy = 'connected';
      ssids = [connected.ssid];
    } else {
      selectedBy = 'all-visible';
      ssids = [...new Set(records.filter((r) => !r.hidden && r.ssid !== '').map((r) => r.ssid))];
    }
  }
  const networks = ssids.map((s) => adviseNetwork(s, records, rules, profileName, t));
  const single = selectedBy !== 'all-visible' && networks.length === 1 ? networks[0] : undefined;
  const targetSsid = single?.ssid ?? null;
  const targetChannels = new Set(
    records
      .filter((r) => targetSsid !== null && r.ssid === targetSsid && r.band === '2.4')
      .map((r) => r.channel),
  );
  const own = new Set(
    records.filter((r) => r.ssid === targetSsid && r.bssid !== null).map((r) => r.bssid as string),
  );
  const { score } = congestionScores(records, own, targetSsid);
  const chart = buildChannelChart(records, targetChannels, score, rules.channels);
  if (single) {
    return {
      status: single.status,
      cause: single.cause,
      summary: single.summary,
      remediation: single.remediation,
      target: { ssid: single.ssid, ssidDisplay: single.ssidDisplay, selectedBy },
      networks,
      chart,
    };
  }
  if (networks.length === 0) {
    return {
      status: 'skip',
      cause: 'WIFI_NO_SCAN',
      summary: t('wifi.onlyhidden', { n: records.length }),
      remediation: [installer(t('wifi.onlyhidden.fix'))],
      target: { ssid: null, ssidDisplay: null, selectedBy },
      networks,
      chart,
    };
  }
  // No site network named and none connected: which network the chargers will join is unknown, so
  // there is no verdict, whatever the visible networks are like (a suitable neighbour proves nothing,
  // an unsuitable one fails nothing). One verdict, whichever scanner made the scan: not checked, with
  // the candidates listed, suitable ones first.
  const ranked = [...networks].sort((a, b) => RANK[a.status] - RANK[b.status]);
  const suitable = ranked.filter((n) => n.status === 'pass' || n.status === 'warn');
  const shown = (suitable.length ? suitable : ranked).slice(0, 6).map((n) => n.ssidDisplay);
  const more = (suitable.length ? suitable : ranked).length - shown.length;
  const list = more > 0 ? `${shown.join(', ')}, +${more}` : shown.join(', ');
  const vars = { ok: suitable.length, total: networks.length, list };
  return {
    status: 'skip',
    cause: 'WIFI_NO_SSID',
    summary: t(suitable.length ? 'wifi.choose' : 'wifi.choose.none', vars),
    remediation: [installer(t('wifi.choose.fix'))],
    target: { ssid: null, ssidDisplay: null, selectedBy },
    networks,
    chart,
  };
}

export { escapeForDisplay };
