import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, SurveySpot } from '../../src/core/result.js';
import { loadProfile } from '../../src/profile/load.js';
import { renderHtml } from '../../src/report/html.js';
import { buildHandover } from '../../src/report/handover.js';
import type { SiteEntry } from '../../src/sites/types.js';
import { HOSTILE, fixture, withChecks } from './helpers.js';
import { chartReports } from './chart-runs.js';
import { createTranslator } from '../../src/i18n/index.js';
import { chartFromReport, labelBox, renderChannelChartSvg } from '../../src/report/wifi-chart.js';
import { listenForHits, type HitServer } from '../helpers/hit-server.js';

/**
 * The HTML handover as a person sees it: Debian's chromium, headless, prints it to PDF and takes a
 * screenshot. One A4 page, every word inside the page, the verdict and the nine requirement rows in the
 * printed text and in the DOM after load, and not one request leaving the page. Needs the Debian packages
 * chromium and poppler-utils (pdfinfo, pdftotext); without them it says so loudly and skips.
 * Screenshots are kept in $TMPDIR/zapcheck-chromium/ for a person to look at.
 */

const run = promisify(execFile);

async function have(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args, { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}
const CHROMIUM = (await have('chromium', ['--version'])) ? 'chromium' : null;
const POPPLER = await have('pdfinfo', ['-v']);
const missing = [!CHROMIUM && 'chromium', !POPPLER && 'poppler-utils'].filter(Boolean);
if (missing.length) {
  process.stderr.write(
    `\n!!! test/report/chromium.test.ts: SKIPPED, missing Debian package(s): ${missing.join(', ')} (apt-get install -y ${missing.join(' ')})\n\n`,
  );
}

/** Text of a serialized DOM fragment (Chromium escapes only &, <, > and, in attributes, quotes). */
function domText(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

const KEEP = path.join(os.tmpdir(), 'zapcheck-chromium');

async function chromium(dir: string, args: string[]): Promise<string> {
  const profile = mkdtempSync(path.join(dir, 'profile-'));
  const { stdout } = await run(
    CHROMIUM!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--no-pdf-header-footer',
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { timeout: 60_000, maxBuffer: 20 * 1024 * 1024 },
  );
  return stdout;
}

const profileFor = () => loadProfile('zaptec-pro');
const site: SiteEntry = {
  name: 'Garage Nord',
  line: 2,
  chargers: 8,
  metered: true,
  address: 'Via Roma 1, 20121 Milano',
  notes: 'Router 4G nel locale tecnico, secondo piano',
  installer: { name: 'Giulia Ferraris', company: 'Elettroimpianti Ferraris S.n.c.' },
};

/** The longest installer `--installer` takes (120 characters), with markup that must stay text. */
const LONG_INSTALLER = {
  name: 'Alessandro Colombo-Bianchi <img src=x onerror=alert(1)>',
  company: 'Impianti Elettrici e Tecnologici della Brianza Soc. Coop.',
};

/** The worst page to fit: nothing resolves, a long hostile site name, a Wi-Fi chart, Italian. */
function worstCase(): Report {
  const wifi = fixture('wifi-campus-tcp-8883-dropped.json').checks.find((c) => c.kind === 'wifi')!;
  const broken = withChecks(fixture('lab-dns-servfail.it.json'), (cs) =>
    cs.map((c) => (c.kind === 'wifi' ? { ...wifi, status: 'warn', cause: 'WIFI_WEAK' } : c)),
  );
  return {
    ...broken,
    site: `Condominio Residenziale Santa Maria delle Grazie, scala B ${HOSTILE}`,
    installer: LONG_INSTALLER,
  };
}

const CASES: { name: string; lang: 'en' | 'it'; reports: () => Report[]; verdict: string }[] = [
  { name: 'healthy-en', lang: 'en', reports: () => [fixture('lab-healthy.json')], verdict: 'READY' },
  {
    name: 'wifi-8883-dropped-en',
    lang: 'en',
    reports: () => [fixture('wifi-campus-tcp-8883-dropped.json')],
    verdict: 'NOT READY',
  },
  {
    name: 'tls-intercepted-it',
    lang: 'it',
    reports: () => [fixture('lab-tls-intercepted.it.json')],
    verdict: 'RETE NON PRONTA',
  },
  { name: 'worst-case-it', lang: 'it', reports: () => [worstCase()], verdict: 'RETE NON PRONTA' },
  { name: 'survey-en', lang: 'en', reports: () => [withSurvey()], verdict: 'NOT READY' },
  { name: 'survey-it', lang: 'it', reports: () => [withSurvey()], verdict: 'RETE NON PRONTA' },
];

/** Three surveyed charger positions at -46, -73 and -82 dBm (as `zapcheck survey` keeps them). */
function withSurvey(): Report {
  const spot = (name: string, dbm: number, status: 'pass' | 'warn' | 'fail'): SurveySpot => ({
    spot: name,
    takenAt: '2026-12-01T09:30:00.000Z',
    ssid: 'WIFI_IUTB_IOT',
    bssid: '70:f0:96:d2:e0:62',
    channel: 1,
    band: '2.4',
    samples: [dbm, dbm, dbm, dbm, dbm],
    minDbm: dbm,
    medianDbm: dbm,
    status,
    cause: status === 'pass' ? 'OK' : 'WIFI_WEAK_SIGNAL',
    summary: `signal ${dbm} dBm`,
    remediation: [],
  });
  return {
    ...fixture('lab-healthy.json'),
    verdict: 'not-ready',
    survey: [spot('Bay 1', -46, 'pass'), spot('Bay 2', -73, 'warn'), spot('Bay 3', -82, 'fail')],
  };
}

describe.skipIf(missing.length > 0)('HTML report in headless Chromium', () => {
  let dir: string;
  let witness: HitServer;
  let hits: string[] = [];
  let origin = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-html-'));
    witness = await listenForHits();
    ({ hits, origin } = witness);
  });
  afterAll(async () => {
    await witness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(`${c.name}: one A4 page, nothing outside it, verdict and R1-R9 visible`, async () => {
      const html = path.join(dir, `${c.name}.html`);
      writeFileSync(html, renderHtml(c.reports(), { lang: c.lang, profileFor, siteFor: () => site }));
      const pdf = path.join(dir, `${c.name}.pdf`);
      await chromium(dir, [`--print-to-pdf=${pdf}`, `file://${html}`]);
      const info = (await run('pdfinfo', [pdf])).stdout;
      expect(info).toMatch(/^Pages:\s+1$/m);
      expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);

      // Every word's box lies inside the page.
      const bbox = (await run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 20 * 1024 * 1024 })).stdout;
      const page = /<page width="([\d.]+)" height="([\d.]+)"/.exec(bbox);
      const [w, h] = [Number(page?.[1]), Number(page?.[2])];
      const words = [
        ...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g),
      ];
      expect(words.length).toBeGreaterThan(200);
      const outside = words.filter(
        (m) => Number(m[1]) < 0 || Number(m[2]) < 0 || Number(m[3]) > w || Number(m[4]) > h,
      );
      expect(outside).toEqual([]);

      const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
      expect(text).toContain(c.verdict);
      // The installer (the report's own, else the sites file's) and two signature lines: installer, IT.
      const installer = c.reports()[0]!.installer ?? site.installer!;
      const flat = text.replace(/\s+/g, ' ');
      // In reading order (not -layout, whose columns interleave a wrapped name with its neighbours).
      const read = (await run('pdftotext', [pdf, '-'])).stdout.replace(/\s+/g, ' ');
      expect(read).toContain(`${installer.name}, ${installer.company}`);
      const sign = c.lang === 'it' ? /Firma: _{10,} Data: _{6,}/g : /Signature: _{10,} Date: _{6,}/g;
      expect(flat.match(sign)).toHaveLength(2);
      expect(flat).toContain(c.lang === 'it' ? 'IT del sito' : 'Site IT');
      for (const id of ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'])
        expect(text).toMatch(new RegExp(`^\\s*${id}\\s`, 'm'));

      // The DOM after load: the verdict and every row, rendered (not only in the source).
      const dom = await chromium(dir, ['--dump-dom', `file://${html}`]);
      expect(dom).toMatch(new RegExp(`<div class="label">${c.verdict}</div>`));
      expect(dom.match(/<tr id="req-R\d"/g)).toHaveLength(9);
      // Each row as the page shows it: status, the requirement it fails because of, the words.
      const shown = [
        ...dom.matchAll(
          /<tr id="req-(R\d)" data-status="(\w+)" data-cause="\w+"(?: data-because="(R\d)")?>.*?<td class="detail">(.*?)<\/td><\/tr>/g,
        ),
      ].map((m) => ({ id: m[1], status: m[2], because: m[3] ?? null, summary: domText(m[4] ?? '') }));
      const [report] = c.reports();
      const want = buildHandover(report!, { lang: c.lang, profileFor, siteFor: () => site }).rows.map(
        (r) => ({
          id: r.id,
          status: r.status,
          because: r.because,
          summary: r.summary,
        }),
      );
      expect(shown).toEqual(want);
      if (c.name.startsWith('survey-')) {
        // The spots table as the page shows it, and R1 naming the weakest spot.
        const spots = [
          ...dom.matchAll(
            /<tr id="spot-\d" data-status="(\w+)" data-cause="\w+"><td class="spot">(.*?)<\/td><td class="res">.*?<\/td><td class="dbm">(.*?)<\/td>/g,
          ),
        ].map((m) => [domText(m[2] ?? ''), m[1], m[3]]);
        expect(spots).toEqual([
          ['Bay 1', 'pass', '-46 dBm'],
          ['Bay 2', 'warn', '-73 dBm'],
          ['Bay 3', 'fail', '-82 dBm'],
        ]);
        expect(shown.find((r) => r.id === 'R1')).toMatchObject({ status: 'fail' });
        expect(text).toContain(c.lang === 'en' ? 'nearer to Bay 3' : 'quello esistente a Bay 3');
        for (const dbm of ['-46 dBm', '-73 dBm', '-82 dBm']) expect(text).toContain(dbm);
      }
      if (c.name === 'tls-intercepted-it') {
        expect(shown.find((r) => r.id === 'R4')).toMatchObject({ status: 'fail', because: null });
        expect(shown.find((r) => r.id === 'R6')).toMatchObject({
          status: 'fail',
          because: 'R4',
          summary: 'non superato a causa di R4: il TLS è intercettato da Fortinet FortiGate',
        });
        expect(text).toContain('a causa di R4');
      }

      const png = path.join(dir, `${c.name}.png`);
      await chromium(dir, [
        `--screenshot=${png}`,
        '--window-size=794,1123',
        '--hide-scrollbars',
        `file://${html}`,
      ]);
      expect(statSync(png).size).toBeGreaterThan(20_000);
      expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
      if (!existsSync(KEEP)) (await import('node:fs')).mkdirSync(KEEP, { recursive: true });
      copyFileSync(png, path.join(KEEP, `${c.name}.png`));
    });
  }

  it('the Wi-Fi chart as Chromium lays it out: no two labels overlap, each inside the box it was given', async () => {
    const reports = await chartReports(['zeist, all visible', 'zeist, Sitecom1E447C', 'zeist, H368NDF1690']);
    reports.set('campus', fixture('wifi-campus-tcp-8883-dropped.json'));
    const p = profileFor();
    const svgs: string[] = [];
    for (const report of reports.values()) {
      const chart = chartFromReport(report, { allowedChannels: p.wifi.channels, thresholds: p.wifi.rssi })!;
      for (const lang of ['en', 'it'] as const)
        svgs.push(renderChannelChartSvg(chart, createTranslator(lang)));
    }
    // The page the handover's fonts apply to, and a script that writes every text's measured box.
    const page = path.join(dir, 'chart-boxes.html');
    writeFileSync(
      page,
      `<!doctype html><html><body style='font: 7.6pt "DejaVu Sans", "Liberation Sans", Arial, sans-serif'>${svgs.join('\n')}<script>
const out = [...document.querySelectorAll('svg')].map((svg) => [...svg.querySelectorAll('text')].map((t) => {
  const b = t.getBBox();
  return { role: t.dataset.label, text: t.textContent, x: +t.getAttribute('x'), y: +t.getAttribute('y'),
    anchor: t.getAttribute('text-anchor'), size: +t.getAttribute('font-size'), bold: t.getAttribute('font-weight') === 'bold',
    box: { x1: b.x, y1: b.y, x2: b.x + b.width, y2: b.y + b.height } };
}));
const pre = document.createElement('pre'); pre.id = 'boxes'; pre.textContent = JSON.stringify(out); document.body.append(pre);
</script></body></html>`,
    );
    const dom = await chromium(dir, ['--dump-dom', `file://${page}`]);
    const json = /<pre id="boxes">(.*?)<\/pre>/s.exec(dom)?.[1];
    expect(json, 'the measuring script ran').toBeDefined();
    type Measured = {
      role: string;
      text: string;
      x: number;
      y: number;
      anchor: 'start' | 'middle' | 'end';
      size: number;
      bold: boolean;
      box: { x1: number; y1: number; x2: number; y2: number };
    };
    const charts = JSON.parse(domText(json!)) as Measured[][];
    expect(charts).toHaveLength(svgs.length);
    const overlap = (a: Measured['box'], b: Measured['box']): boolean =>
      a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    for (const texts of charts) {
      expect(texts.length).toBeGreaterThan(20);
      const bad: string[] = [];
      texts.forEach((a, i) => {
        // The real box lies inside the one the layout reserved (so the layout's "no overlap" holds on paper).
        const mine = labelBox(a);
        if (a.box.x1 < mine.x1 || a.box.x2 > mine.x2 || a.box.y1 < mine.y1 || a.box.y2 > mine.y2)
          bad.push(`${a.role} "${a.text}" measured ${JSON.stringify(a.box)} outside ${JSON.stringify(mine)}`);
        for (const b of texts.slice(i + 1)) {
          if (overlap(a.box, b.box)) bad.push(`${a.role} "${a.text}" overlaps ${b.role} "${b.text}"`);
        }
      });
      expect(bad).toEqual([]);
    }
  });

  it('no request leaves the page, even for a hostile SSID naming a URL (and the detector works)', async () => {
    // Positive control: a page that does load something, without our CSP, is seen by the server.
    const control = path.join(dir, 'control.html');
    writeFileSync(control, `<!doctype html><img src="${origin}/control.png">`);
    hits.length = 0;
    await chromium(dir, ['--dump-dom', '--virtual-time-budget=2000', `file://${control}`]);
    expect(hits).toContain('/control.png');

    const report = withChecks(fixture('wifi-campus-tcp-8883-dropped.json'), (cs) => {
      const wifi = cs.find((c) => c.kind === 'wifi')!;
      const payload = `<img src="${origin}/ssid.png"><link rel=stylesheet href="${origin}/x.css">`;
      (wifi.evidence.networks as { ssid: string }[])[0]!.ssid = payload;
      cs[0]!.summary = `<img src="${origin}/summary.png">`;
      return cs;
    });
    const html = path.join(dir, 'hostile.html');
    writeFileSync(
      html,
      renderHtml([{ ...report, site: `<img src="${origin}/site.png">` }], { lang: 'en', profileFor }),
    );
    hits.length = 0;
    await chromium(dir, ['--dump-dom', '--virtual-time-budget=2000', `file://${html}`]);
    await chromium(dir, [`--print-to-pdf=${path.join(dir, 'hostile.pdf')}`, `file://${html}`]);
    expect(hits).toEqual([]);
  });
});
