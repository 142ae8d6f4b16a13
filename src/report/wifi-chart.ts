import type { Json, Report } from '../core/result.js';
import type { Translate } from '../i18n/index.js';
import { escapeMarkup } from './markup.js';

/**
 * The Wi-Fi channel chart of the HTML report: per 2.4 GHz channel, a bar as high as the strongest signal
 * heard there with the number of networks on it; each network's strongest radio as an arc over the
 * channels it occupies; the charger's network in bold blue, the channels the charger may use shaded.
 * Data comes from the `wifi` check's evidence: `chart.channels` (per channel) and `networks[].chosen`
 * (src/checks/wifi/advice.ts), or any plain list of BSS records (`channel`, `signalDbm`, `ssid`). A report
 * without either, or in a shape we do not know, gets a sentence instead of a chart.
 */

export interface ChartNetwork {
  ssid: string;
  channel: number;
  signalDbm: number;
  widthMhz: number;
  target: boolean;
}

export interface ChartChannel {
  channel: number;
  count: number;
  strongestDbm: number | null;
  target: boolean;
}

export interface ChannelChart {
  channels: ChartChannel[];
  networks: ChartNetwork[];
  allowedChannels: number[];
  thresholds: { passDbm: number; failDbm: number } | null;
  recommendedChannel: number | null;
}

type Obj = { [key: string]: Json | undefined };
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (...vs: unknown[]): number | undefined =>
  vs.find((v): v is number => typeof v === 'number' && Number.isFinite(v));
const validChannel = (ch: number | undefined): ch is number =>
  ch !== undefined && Number.isInteger(ch) && ch >= 1 && ch <= 14;
const validDbm = (d: number | undefined): d is number => d !== undefined && d <= 0 && d >= -120;

function toNetwork(item: unknown, targetSsid: string | undefined): ChartNetwork | null {
  if (!isObj(item)) return null;
  // src/checks/wifi/advice.ts evidence: one entry per SSID with its strongest usable radio in `chosen`.
  const record = isObj(item.chosen) ? item.chosen : item;
  const channel = num(record.channel, record.primaryChannel);
  const signalDbm = num(record.signalDbm, record.rssi, record.dbm, record.signal);
  if (!validChannel(channel) || !validDbm(signalDbm)) return null;
  if (record.band !== undefined && record.band !== '2.4' && record.band !== 2.4) return null;
  const ssid = [item.ssid, record.ssid].find((v): v is string => typeof v === 'string') ?? '';
  const flag = [item.target, item.isTarget, item.ours].find((v) => typeof v === 'boolean');
  const target = typeof flag === 'boolean' ? flag : targetSsid !== undefined && ssid === targetSsid;
  const widthMhz = num(record.widthMhz, record.width) ?? 20;
  return { ssid, channel, signalDbm, widthMhz: widthMhz >= 40 ? 40 : 20, target };
}

function listIn(e: Obj): unknown[] {
  const chart = e.channelChart;
  const candidates: unknown[] = [
    e.networks,
    chart,
    isObj(chart) ? (chart.networks ?? chart.bss ?? chart.records) : undefined,
    e.bss,
    e.records,
    isObj(e.scan) ? e.scan.records : undefined,
  ];
  for (const c of candidates) if (Array.isArray(c) && c.length > 0) return c;
  return [];
}

function channelsFrom(e: Obj, networks: ChartNetwork[]): ChartChannel[] {
  const chart = isObj(e.chart) ? e.chart : isObj(e.channelChart) ? e.channelChart : null;
  const listed = chart && Array.isArray(chart.channels) ? chart.channels : null;
  if (listed) {
    const out: ChartChannel[] = [];
    for (const c of listed) {
      if (!isObj(c)) continue;
      const channel = num(c.channel);
      if (!validChannel(channel)) continue;
      const strongest = num(c.strongestDbm);
      out.push({
        channel,
        count: num(c.networks, c.count) ?? 0,
        strongestDbm: validDbm(strongest) ? strongest : null,
        target: c.target === true,
      });
    }
    if (out.length) return out;
  }
  // No per-channel data: derive it from the networks.
  const out: ChartChannel[] = [];
  for (let ch = 1; ch <= 13; ch++) {
    const on = networks.filter((n) => n.channel === ch);
    out.push({
      channel: ch,
      count: on.length,
      strongestDbm: on.length ? Math.max(...on.map((n) => n.signalDbm)) : null,
      target: on.some((n) => n.target),
    });
  }
  return out;
}

function channelsIn(...vs: unknown[]): number[] | null {
  for (const v of vs) {
    if (Array.isArray(v) && v.length && v.every((n): n is number => typeof n === 'number')) return v;
  }
  return null;
}

/** The chart data of a report, or null when its Wi-Fi check carries none we can read. */
export function chartFromReport(
  report: Report,
  defaults: { allowedChannels?: number[]; thresholds?: { passDbm: number; failDbm: number } } = {},
): ChannelChart | null {
  for (const check of report.checks) {
    if (check.kind !== 'wifi') continue;
    const e = check.evidence;
    const target = isObj(e.target) ? e.target : {};
    const ssid = [target.ssid, e.ssid, check.target.host].find((v): v is string => typeof v === 'string');
    const networks = listIn(e)
      .map((item) => toNetwork(item, ssid))
      .filter((n): n is ChartNetwork => n !== null)
      .sort((a, b) => Number(b.target) - Number(a.target) || b.signalDbm - a.signalDbm)
      .slice(0, 40);
    const channels = channelsFrom(e, networks);
    if (!networks.length && !channels.some((c) => c.count > 0 && c.strongestDbm !== null)) continue;
    const chart = isObj(e.chart) ? e.chart : isObj(e.channelChart) ? e.channelChart : {};
    const allowed = channelsIn(chart.allowedChannels, e.allowedChannels) ??
      defaults.allowedChannels ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const rssi = isObj(e.rssi) ? e.rssi : isObj(chart.thresholds) ? chart.thresholds : undefined;
    const passDbm = num(rssi?.passDbm);
    const failDbm = num(rssi?.failDbm);
    const thresholds =
      passDbm !== undefined && failDbm !== undefined ? { passDbm, failDbm } : (defaults.thresholds ?? null);
    const recommended = num(chart.recommendedChannel);
    return {
      channels,
      networks,
      allowedChannels: allowed,
      thresholds,
      recommendedChannel: validChannel(recommended) ? recommended : null,
    };
  }
  return null;
}

const W = 360;
const H = 165;
const LEFT = 30;
const RIGHT = 8;
const TOP = 8;
const BOTTOM = 40;
const MIN_DBM = -100;
const MAX_DBM = -30;
const MIN_MHZ = 2401;
const MAX_MHZ = 2495;

const mhzOf = (channel: number): number => (channel === 14 ? 2484 : 2407 + 5 * channel);
const x = (mhz: number): number => LEFT + ((mhz - MIN_MHZ) / (MAX_MHZ - MIN_MHZ)) * (W - LEFT - RIGHT);
const y = (dbm: number): number =>
  TOP + ((MAX_DBM - Math.max(MIN_DBM, Math.min(MAX_DBM, dbm))) / (MAX_DBM - MIN_DBM)) * (H - TOP - BOTTOM);
const r1 = (n: number): string => n.toFixed(1);

/** Inline SVG; every SSID escaped. Text labels make it readable in black and white. */
export function renderChannelChartSvg(chart: ChannelChart, t: Translate): string {
  const base = y(MIN_DBM);
  const parts: string[] = [];
  const title = escapeMarkup(t('report.wifi.heading'));
  parts.push(
    `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${title}" class="chart">`,
  );
  const lo = Math.min(...chart.allowedChannels);
  const hi = Math.max(...chart.allowedChannels);
  parts.push(
    `<rect x="${r1(x(mhzOf(lo) - 10))}" y="${TOP}" width="${r1(x(mhzOf(hi) + 10) - x(mhzOf(lo) - 10))}" height="${r1(base - TOP)}" fill="#e6f4e6"/>`,
  );
  for (const dbm of [-90, -80, -70, -60, -50, -40]) {
    parts.push(
      `<line x1="${LEFT}" x2="${W - RIGHT}" y1="${r1(y(dbm))}" y2="${r1(y(dbm))}" stroke="#ddd" stroke-width="0.5"/>`,
      `<text x="${LEFT - 3}" y="${r1(y(dbm) + 3)}" text-anchor="end" font-size="8" fill="#555">${dbm}</text>`,
    );
  }
  if (chart.thresholds) {
    for (const [dbm, colour] of [
      [chart.thresholds.passDbm, '#2e7d32'],
      [chart.thresholds.failDbm, '#c62828'],
    ] as const) {
      parts.push(
        `<line x1="${LEFT}" x2="${W - RIGHT}" y1="${r1(y(dbm))}" y2="${r1(y(dbm))}" stroke="${colour}" stroke-width="0.8" stroke-dasharray="3 2"/>`,
      );
    }
  }
  for (let ch = 1; ch <= 14; ch++) {
    parts.push(
      `<text x="${r1(x(mhzOf(ch)))}" y="${r1(base + 10)}" text-anchor="middle" font-size="8" fill="${chart.allowedChannels.includes(ch) ? '#222' : '#999'}">${ch}</text>`,
    );
  }
  parts.push(
    `<line x1="${LEFT}" x2="${W - RIGHT}" y1="${r1(base)}" y2="${r1(base)}" stroke="#888" stroke-width="0.7"/>`,
    `<text x="${r1((LEFT + W - RIGHT) / 2)}" y="${H - 3}" text-anchor="middle" font-size="8" fill="#555">${escapeMarkup(t('report.wifi.axis'))}</text>`,
    `<text x="${LEFT - 3}" y="${TOP + 1}" text-anchor="end" font-size="7" fill="#555">dBm</text>`,
  );
  for (const c of chart.channels) {
    if (c.strongestDbm === null || c.count === 0) continue;
    const cx = x(mhzOf(c.channel));
    const top = y(c.strongestDbm);
    parts.push(
      `<rect x="${r1(cx - 4)}" y="${r1(top)}" width="8" height="${r1(base - top)}" fill="${c.target ? '#90caf9' : '#e0e0e0'}" stroke="${c.target ? '#1565c0' : '#bdbdbd'}" stroke-width="0.5"/>`,
      `<text x="${r1(cx)}" y="${r1(top - 2)}" text-anchor="middle" font-size="7" fill="#333">${c.count}</text>`,
    );
  }
  if (chart.recommendedChannel !== null) {
    parts.push(
      `<text x="${r1(x(mhzOf(chart.recommendedChannel)))}" y="${r1(base + 19)}" text-anchor="middle" font-size="7" fill="#2e7d32">▲ ${escapeMarkup(t('report.wifi.recommended'))}</text>`,
    );
  }
  // Others first, the charger's network last so it is drawn on top.
  const ordered = [...chart.networks].sort((a, b) => Number(a.target) - Number(b.target));
  for (const n of ordered) {
    const centre = n.widthMhz === 40 ? mhzOf(n.channel) + 10 : mhzOf(n.channel);
    const half = n.widthMhz === 40 ? 20 : 11;
    const x1 = x(centre - half);
    const x2 = x(centre + half);
    const peak = y(n.signalDbm);
    const control = 2 * peak - base;
    const stroke = n.target ? '#1565c0' : '#9e9e9e';
    parts.push(
      `<path d="M${r1(x1)} ${r1(base)} Q${r1(x(centre))} ${r1(control)} ${r1(x2)} ${r1(base)}" fill="${n.target ? 'rgba(21,101,192,0.15)' : 'none'}" stroke="${stroke}" stroke-width="${n.target ? 2 : 0.8}"><title>${escapeMarkup(n.ssid || '(hidden)')} · ch ${n.channel} · ${n.signalDbm} dBm</title></path>`,
    );
    if (n.target) {
      parts.push(
        `<text x="${r1(labelX(x(centre), `${truncate(n.ssid, 24)} (${n.signalDbm} dBm)`))}" y="${r1(Math.max(TOP + 8, peak - 3))}" text-anchor="middle" font-size="8" font-weight="bold" fill="#1565c0">${escapeMarkup(truncate(n.ssid, 24))} (${n.signalDbm} dBm)</text>`,
      );
    }
  }
  parts.push('</svg>');
  return parts.join('');
}

/** Keeps a centred label inside the plot (about 4.6 units per bold 8-unit character). */
function labelX(cx: number, label: string): number {
  const half = ([...label].length * 4.6) / 2;
  return Math.min(Math.max(cx, LEFT + 4 + half), W - RIGHT - half);
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
}
