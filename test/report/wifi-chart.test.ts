import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/result.js';
import { createTranslator } from '../../src/i18n/index.js';
import { loadProfile } from '../../src/profile/load.js';
import { buildHandover } from '../../src/report/handover.js';
import { renderHtml } from '../../src/report/html.js';
import {
  allowedBandRanges,
  channelX,
  labelBox,
  chartFromReport,
  renderChannelChartSvg,
  textWidth,
  type LabelBox,
} from '../../src/report/wifi-chart.js';
import { CHART_RUNS, chartReports } from './chart-runs.js';
import { fixture } from './helpers.js';

/**
 * The handover's channel chart, by the geometry of the SVG it writes: the "channels the charger can use"
 * shading covers the profile's channels and nothing beyond channel 11, the threshold lines carry the
 * profile's numbers, and no two labels overlap. The scans are real recordings (fixtures/platform, see
 * PROVENANCE there): a street in Zeist with nine networks on channels 2-13, and a Windows scan with five
 * networks on channel 11, each run through `zapcheck site --lab --scan-file` once per network as the
 * charger's network and once without --ssid. Chromium measures the real text boxes (chromium.test.ts).
 */

const RUNS = CHART_RUNS;
let runs = new Map<string, Report>();
beforeAll(async () => {
  runs = await chartReports();
}, 120_000);

const profile = loadProfile('zaptec-pro');
const t = createTranslator('en');

function svgOf(report: Report, lang: 'en' | 'it' = 'en', p = profile): string {
  const chart = chartFromReport(report, { allowedChannels: p.wifi.channels, thresholds: p.wifi.rssi });
  expect(chart, 'the report has a chart').not.toBeNull();
  return renderChannelChartSvg(chart!, createTranslator(lang));
}

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

interface Text {
  role: string;
  text: string;
  box: LabelBox;
}

/** Every <text> of the SVG with the box its font size, anchor and characters give it. */
function texts(svg: string): Text[] {
  const out: Text[] = [];
  const re =
    /<text x="([\d.-]+)" y="([\d.-]+)" text-anchor="(start|middle|end)" font-size="([\d.]+)"( font-weight="bold")? fill="[^"]+" data-label="([^"]+)">(.*?)<\/text>/g;
  for (const m of svg.matchAll(re)) {
    const [x, y, size] = [Number(m[1]), Number(m[2]), Number(m[4])];
    const text = unescape(m[7]!);
    const anchor = m[3] as 'start' | 'middle' | 'end';
    const box = labelBox({ x, y, anchor, size, bold: m[5] !== undefined, text });
    out.push({ role: m[6]!, text, box });
  }
  expect(out.length, 'every text element is in the known form').toBe(svg.match(/<text/g)?.length ?? 0);
  return out;
}

const overlap = (a: LabelBox, b: LabelBox): boolean =>
  a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function overlapping(list: Text[]): string[] {
  const bad: string[] = [];
  list.forEach((a, i) =>
    list.slice(i + 1).forEach((b) => {
      if (overlap(a.box, b.box)) bad.push(`${a.role} "${a.text}" x ${b.role} "${b.text}"`);
    }),
  );
  return bad;
}

describe('Wi-Fi channel chart', () => {
  it('the "charger can use" shading covers channels 1-11 and stops before 12', () => {
    const svg = svgOf(runs.get('zeist, all visible')!);
    const rects = [
      ...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*data-band="allowed"/g),
    ];
    expect(rects).toHaveLength(1);
    const [x1, x2] = [Number(rects[0]![1]), Number(rects[0]![1]) + Number(rects[0]![2])];
    const labels = texts(svg).filter((l) => l.role === 'channel');
    const label = (n: number) => labels.find((l) => l.text === String(n))!.box;
    expect(x1).toBeLessThan(label(1).x1);
    expect(x2).toBeGreaterThan(label(11).x2);
    expect(x2).toBeLessThan(label(12).x1);
    expect(x2).toBeLessThan((channelX(11) + channelX(12)) / 2 + 0.1);
  });

  it('the shading follows the profile: 1, 6 and 11 are three bands, nothing between them', () => {
    const chart = chartFromReport(runs.get('zeist, all visible')!, {})!;
    const ranges = allowedBandRanges({ ...chart, allowedChannels: [1, 6, 11] });
    expect(ranges).toHaveLength(3);
    for (const ch of [2, 3, 4, 5, 7, 8, 9, 10, 12, 13]) {
      expect(
        ranges.some(([a, b]) => channelX(ch) >= a && channelX(ch) <= b),
        `channel ${ch}`,
      ).toBe(false);
    }
    for (const ch of [1, 6, 11]) {
      expect(
        ranges.some(([a, b]) => channelX(ch) > a && channelX(ch) < b),
        `channel ${ch}`,
      ).toBe(true);
    }
  });

  it("labels the threshold lines with the profile's numbers", () => {
    const report = runs.get('campus, WIFI_IUTB_IOT')!;
    const svg = svgOf(report);
    const roles = texts(svg).map((l) => `${l.role} ${l.text}`);
    expect(roles).toContain('threshold:-67 -67 dBm: good');
    expect(roles).toContain('threshold:-74 -74 dBm: drops out below');
    // Another profile's numbers, through the handover as `report -p` builds it.
    const other = { ...profile, wifi: { ...profile.wifi, rssi: { passDbm: -61, failDbm: -79 } } };
    const html = renderHtml([report], { lang: 'it', profileFor: () => other });
    expect(html).toContain('data-threshold="-61"');
    expect(html).toContain('data-threshold="-79"');
    expect(html).toContain('>-61 dBm: buono</text>');
    expect(html).toContain('>-79 dBm: sotto si disconnette</text>');
    expect(html).not.toContain('data-threshold="-67"');
    expect(buildHandover(report, { lang: 'en', profileFor: () => other }).chart?.thresholds).toEqual({
      passDbm: -61,
      failDbm: -79,
    });
  });

  for (const run of RUNS) {
    it(`${run.name}: no two labels overlap, every label inside the chart (en, it)`, () => {
      const report = runs.get(run.name)!;
      for (const lang of ['en', 'it'] as const) {
        const svg = svgOf(report, lang);
        const list = texts(svg);
        const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!.map((v) => Number(v));
        expect(overlapping(list), lang).toEqual([]);
        for (const l of list) {
          expect(l.box.x1, `${l.role} ${l.text}`).toBeGreaterThanOrEqual(0);
          expect(l.box.x2, `${l.role} ${l.text}`).toBeLessThanOrEqual(w!);
          expect(l.box.y1, `${l.role} ${l.text}`).toBeGreaterThanOrEqual(0);
          expect(l.box.y2, `${l.role} ${l.text}`).toBeLessThanOrEqual(h!);
        }
        // Nothing dropped: every channel with networks has its count, the thresholds their labels,
        // the charger's network its name.
        const chart = chartFromReport(report, {})!;
        const counted = chart.channels.filter((c) => c.count > 0 && c.strongestDbm !== null);
        expect(list.filter((l) => l.role.startsWith('count:'))).toHaveLength(counted.length);
        expect(list.filter((l) => l.role.startsWith('threshold:'))).toHaveLength(2);
        expect(list.filter((l) => l.role === 'recommended')).toHaveLength(chart.recommendedChannel ? 1 : 0);
        if (run.ssid) {
          expect(list.find((l) => l.role === 'target')?.text).toMatch(
            new RegExp(`^${run.ssid} \\(-\\d+ dBm\\)$`),
          );
        }
      }
    });
  }

  it('the count on the charger network’s channel no longer sits on its name (the bug of issue 13)', () => {
    // The recorded campus report of the HTML tests: 6 networks on channel 1, the charger's at -64 dBm.
    const svg = svgOf(fixture('wifi-campus-tcp-8883-dropped.json'));
    const list = texts(svg);
    const name = list.find((l) => l.role === 'target')!;
    expect(name.text).toBe('WIFI_IUTB_IOT (-64 dBm)');
    for (const c of list.filter((l) => l.role.startsWith('count:')))
      expect(overlap(c.box, name.box)).toBe(false);
  });

  it('textWidth grows with the text and with bold', () => {
    expect(textWidth('WIFI_IUTB_IOT', 8, true)).toBeGreaterThan(textWidth('WIFI_IUTB_IOT', 8));
    expect(textWidth('12', 7)).toBeLessThan(textWidth('123', 7));
    expect(t('report.wifi.pass', { dbm: -67 })).toBe('-67 dBm: good');
  });
});
