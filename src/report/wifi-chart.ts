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
/** Channels are 5 MHz apart: a channel's own slice of the axis is its centre ± 2.5 MHz. */
const HALF_STEP_MHZ = 2.5;
/** The strip just above the axis where a channel's count goes when nothing else lets it stand. */
const COUNT_STRIP = 10.5;

const mhzOf = (channel: number): number => (channel === 14 ? 2484 : 2407 + 5 * channel);
const x = (mhz: number): number => LEFT + ((mhz - MIN_MHZ) / (MAX_MHZ - MIN_MHZ)) * (W - LEFT - RIGHT);
const y = (dbm: number): number =>
  TOP + ((MAX_DBM - Math.max(MIN_DBM, Math.min(MAX_DBM, dbm))) / (MAX_DBM - MIN_DBM)) * (H - TOP - BOTTOM);
const r1 = (n: number): string => n.toFixed(1);

/** A text's box in SVG units: x1..x2 wide, y1 (top) .. y2 (baseline plus descent). */
export interface LabelBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * An upper bound of a text's width in SVG units, per character class of DejaVu Sans (the widest of the
 * report's fonts; Liberation Sans and Arial are narrower): digits and capitals 0.72 em, lower case
 * 0.62 em, spaces and punctuation 0.4 em, bold 8 % wider. The Chromium test measures the real boxes.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (/[\s.,:;()'’|!-]/.test(ch)) em += 0.4;
    else if (/[a-z]/.test(ch)) em += ch === 'm' || ch === 'w' ? 0.98 : 0.62;
    else em += ch === 'M' || ch === 'W' ? 1.0 : 0.72;
  }
  return em * size * (bold ? 1.08 : 1) + 1;
}

interface Label {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  size: number;
  bold?: boolean;
  fill: string;
  text: string;
}

/**
 * The box a text takes: its width bound (textWidth) and the font's line box, ascent 0.93 em above the
 * baseline and descent 0.3 em below (DejaVu Sans), plus 0.8 units all round for the whole pixels Chromium
 * rounds glyph boxes to (chromium.test.ts measures every label with getBBox()).
 */
export function labelBox(l: {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  size: number;
  bold?: boolean;
  text: string;
}): LabelBox {
  const w = textWidth(l.text, l.size, l.bold);
  const x1 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
  const pad = 0.8;
  return { x1: x1 - pad, y1: l.y - 0.93 * l.size - pad, x2: x1 + w + pad, y2: l.y + 0.3 * l.size + pad };
}

const boxOf = labelBox;

const overlaps = (a: LabelBox, b: LabelBox): boolean =>
  a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * Lays out labels so no two boxes overlap: each label takes the first of its candidate positions that
 * is free and inside its area, in the order given (the most important labels first). A label with no
 * free position is left out rather than drawn over another.
 */
class LabelLayout {
  readonly placed: { label: Label; box: LabelBox }[] = [];

  fixed(label: Label): void {
    this.placed.push({ label, box: boxOf(label) });
  }

  place(candidates: Label[], area: LabelBox, avoid: LabelBox[] = []): Label | null {
    for (const c of candidates) {
      const box = boxOf(c);
      if (box.x1 < area.x1 || box.x2 > area.x2 || box.y1 < area.y1 || box.y2 > area.y2) continue;
      if (avoid.some((a) => overlaps(a, box))) continue;
      if (this.placed.some((p) => overlaps(p.box, box))) continue;
      this.placed.push({ label: c, box });
      return c;
    }
    return null;
  }
}

function textElement(l: Label, role: string): string {
  return `<text x="${r1(l.x)}" y="${r1(l.y)}" text-anchor="${l.anchor}" font-size="${l.size}"${l.bold ? ' font-weight="bold"' : ''} fill="${l.fill}" data-label="${role}">${escapeMarkup(l.text)}</text>`;
}

/** The allowed channels as runs of neighbours (1-11 is one run; 1, 6, 11 are three). */
function channelRuns(channels: readonly number[]): [number, number][] {
  const sorted = [...new Set(channels)].filter(validChannel).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const ch of sorted) {
    const last = runs[runs.length - 1];
    if (last && ch === last[1] + 1 && ch !== 14) last[1] = ch;
    else runs.push([ch, ch]);
  }
  return runs;
}

/** The x-ranges of the "channels the charger can use" shading (for the chart and its tests). */
export function allowedBandRanges(chart: ChannelChart): [number, number][] {
  return channelRuns(chart.allowedChannels).map(([lo, hi]) => [
    x(mhzOf(lo) - HALF_STEP_MHZ),
    x(mhzOf(hi) + HALF_STEP_MHZ),
  ]);
}

/** Where a channel's number sits on the axis (for tests). */
export const channelX = (channel: number): number => x(mhzOf(channel));

/**
 * Inline SVG; every SSID escaped. Text labels make it readable in black and white; no two labels
 * overlap (LabelLayout), each text carries `data-label` with what it is.
 */
export function renderChannelChartSvg(chart: ChannelChart, t: Translate): string {
  const base = y(MIN_DBM);
  const plot: LabelBox = { x1: LEFT + 1, y1: TOP, x2: W - RIGHT, y2: base - 1 };
  const parts: string[] = [];
  const texts: string[] = [];
  const layout = new LabelLayout();
  const title = escapeMarkup(t('report.wifi.heading'));
  parts.push(
    `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${title}" class="chart">`,
  );
  for (const [x1, x2] of allowedBandRanges(chart)) {
    parts.push(
      `<rect x="${r1(x1)}" y="${TOP}" width="${r1(x2 - x1)}" height="${r1(base - TOP)}" fill="#e6f4e6" data-band="allowed"/>`,
    );
  }
  const fixed = (l: Label, role: string): void => {
    layout.fixed(l);
    texts.push(textElement(l, role));
  };
  for (const dbm of [-90, -80, -70, -60, -50, -40]) {
    parts.push(
      `<line x1="${LEFT}" x2="${W - RIGHT}" y1="${r1(y(dbm))}" y2="${r1(y(dbm))}" stroke="#ddd" stroke-width="0.5"/>`,
    );
    fixed({ x: LEFT - 3, y: y(dbm) + 3, anchor: 'end', size: 8, fill: '#555', text: String(dbm) }, 'tick');
  }
  fixed({ x: LEFT - 3, y: TOP + 1, anchor: 'end', size: 7, fill: '#555', text: 'dBm' }, 'unit');
  for (let ch = 1; ch <= 14; ch++) {
    const fill = chart.allowedChannels.includes(ch) ? '#222' : '#999';
    fixed({ x: x(mhzOf(ch)), y: base + 10, anchor: 'middle', size: 8, fill, text: String(ch) }, 'channel');
  }
  const axis = t('report.wifi.axis');
  fixed({ x: (LEFT + W - RIGHT) / 2, y: H - 4, anchor: 'middle', size: 8, fill: '#555', text: axis }, 'axis');
  parts.push(
    `<line x1="${LEFT}" x2="${W - RIGHT}" y1="${r1(base)}" y2="${r1(base)}" stroke="#888" stroke-width="0.7"/>`,
  );

  const bars = chart.channels.filter((c) => c.strongestDbm !== null && c.count > 0);
  const barTop = new Map<number, number>();
  for (const c of bars) {
    const cx = x(mhzOf(c.channel));
    const top = y(c.strongestDbm!);
    barTop.set(c.channel, top);
    parts.push(
      `<rect x="${r1(cx - 4)}" y="${r1(top)}" width="8" height="${r1(base - top)}" fill="${c.target ? '#90caf9' : '#e0e0e0'}" stroke="${c.target ? '#1565c0' : '#bdbdbd'}" stroke-width="0.5"/>`,
    );
  }
  // Others first, the charger's network last so it is drawn on top.
  const ordered = [...chart.networks].sort((a, b) => Number(a.target) - Number(b.target));
  for (const n of ordered) {
    const centre = n.widthMhz === 40 ? mhzOf(n.channel) + 10 : mhzOf(n.channel);
    const half = n.widthMhz === 40 ? 20 : 11;
    const peak = y(n.signalDbm);
    const control = 2 * peak - base;
    const stroke = n.target ? '#1565c0' : '#9e9e9e';
    parts.push(
      `<path d="M${r1(x(centre - half))} ${r1(base)} Q${r1(x(centre))} ${r1(control)} ${r1(x(centre + half))} ${r1(base)}" fill="${n.target ? 'rgba(21,101,192,0.15)' : 'none'}" stroke="${stroke}" stroke-width="${n.target ? 2 : 0.8}"><title>${escapeMarkup(n.ssid || '(hidden)')} · ch ${n.channel} · ${n.signalDbm} dBm</title></path>`,
    );
  }
  // The strip above the axis is kept for the channel counts, so each count always has a place.
  const strip: LabelBox = { x1: LEFT, y1: base - COUNT_STRIP, x2: W - RIGHT, y2: base + 1 };
  const above: LabelBox = { ...plot, y2: base - COUNT_STRIP };

  // Text never runs through a threshold line: each line is an obstacle for every label.
  const lineBoxes: LabelBox[] = chart.thresholds
    ? [chart.thresholds.passDbm, chart.thresholds.failDbm].map((dbm) => ({
        x1: LEFT,
        x2: W - RIGHT,
        y1: y(dbm) - 0.6,
        y2: y(dbm) + 0.6,
      }))
    : [];

  // 1. The charger's network, named above its channel's bar (higher, lower or beside it when taken).
  for (const n of chart.networks.filter((m) => m.target)) {
    const centre = x(n.widthMhz === 40 ? mhzOf(n.channel) + 10 : mhzOf(n.channel));
    const top = Math.min(barTop.get(n.channel) ?? base, y(n.signalDbm));
    const text = `${truncate(n.ssid || '(hidden)', 24)} (${n.signalDbm} dBm)`;
    const ys: number[] = [];
    for (let yy = top - 3; yy >= TOP + 7; yy -= 9) ys.push(yy);
    for (let yy = top + 12; yy <= base - COUNT_STRIP - 3; yy += 9) ys.push(yy);
    const candidates = ys.flatMap((yy) =>
      [0, -40, 40, -80, 80].map((dx): Label => ({
        x: labelX(centre + dx, text),
        y: yy,
        anchor: 'middle',
        size: 8,
        bold: true,
        fill: '#1565c0',
        text,
      })),
    );
    const got = layout.place(candidates, above, lineBoxes);
    if (got) texts.push(textElement(got, 'target'));
  }

  // 2. The signal thresholds of the profile, each line labelled at one of its ends.
  if (chart.thresholds) {
    const lines = [
      { dbm: chart.thresholds.passDbm, colour: '#2e7d32', key: 'report.wifi.pass' as const },
      { dbm: chart.thresholds.failDbm, colour: '#c62828', key: 'report.wifi.fail' as const },
    ];
    for (const l of lines) {
      const ly = y(l.dbm);
      parts.push(
        `<line x1="${LEFT}" x2="${W - RIGHT}" y1="${r1(ly)}" y2="${r1(ly)}" stroke="${l.colour}" stroke-width="0.8" stroke-dasharray="3 2" data-threshold="${l.dbm}"/>`,
      );
    }
    for (const l of lines) {
      const ly = y(l.dbm);
      const text = t(l.key, { dbm: l.dbm });
      const at = (xx: number, anchor: Label['anchor'], yy: number): Label => ({
        x: xx,
        y: yy,
        anchor,
        size: 6.5,
        fill: l.colour,
        text,
      });
      const candidates: Label[] = [];
      for (const yy of [ly - 3.5, ly + 7.5]) {
        candidates.push(at(W - RIGHT - 1, 'end', yy), at(LEFT + 2, 'start', yy));
        for (let f = 0.1; f < 0.95; f += 0.1)
          candidates.push(at(LEFT + f * (W - LEFT - RIGHT), 'middle', yy));
      }
      const got = layout.place(candidates, above, lineBoxes);
      if (got) texts.push(textElement(got, `threshold:${l.dbm}`));
    }
  }

  // 3. The channel to use, under the axis: the ▲ points at its number.
  if (chart.recommendedChannel !== null) {
    const word = t('report.wifi.recommended');
    const cx = x(mhzOf(chart.recommendedChannel));
    const at = (anchor: 'start' | 'end'): Label => ({
      x: anchor === 'start' ? cx - 3.5 : cx + 3.5,
      y: base + 21,
      anchor,
      size: 7,
      fill: '#2e7d32',
      text: anchor === 'start' ? `▲ ${word}` : `${word} ▲`,
    });
    const got = layout.place([at('start'), at('end')], { x1: 0, y1: base, x2: W, y2: H });
    if (got) texts.push(textElement(got, 'recommended'));
  }

  // 4. How many networks share each channel: over its bar, inside its top, or in the strip above the axis.
  for (const c of bars) {
    const cx = x(mhzOf(c.channel));
    const top = barTop.get(c.channel)!;
    const at = (yy: number): Label => ({
      x: cx,
      y: yy,
      anchor: 'middle',
      size: 7,
      fill: '#333',
      text: String(c.count),
    });
    const got =
      layout.place([top - 2, top + 8, top + 17, top + 26].map(at), above, lineBoxes) ??
      layout.place([at(base - 2.5)], strip);
    if (got) texts.push(textElement(got, `count:${c.channel}`));
  }
  parts.push(...texts, '</svg>');
  return parts.join('');
}

/** Keeps a centred label inside the plot. */
function labelX(cx: number, label: string, size = 8): number {
  const half = textWidth(label, size, true) / 2;
  return Math.min(Math.max(cx, LEFT + 2 + half), W - RIGHT - 1 - half);
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
}
