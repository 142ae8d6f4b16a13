import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/result.js';
import { LAB_SCENARIOS } from '../../src/lab/index.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { renderText } from '../../src/report/text.js';
import { renderReport } from '../../src/report/index.js';
import { en } from '../../src/i18n/en.js';
import { it as itCatalogue } from '../../src/i18n/it.js';
import { runCli } from '../helpers/cli.js';

/**
 * Every lab scenario run once as a user runs it (a pipe with COLUMNS=80, the JSON saved), then:
 * - "at 80 columns no output line is longer than 80": the run, and the report at 80 and 120 columns;
 * - "an English run rendered with --lang it is Italian throughout": each report rendered in the other
 *   language carries no sentence of its own language's catalogue.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'zapcheck-width-'));
const runs = new Map<string, { stdout: string; report: Report }>();
const over = (text: string, width: number): string[] =>
  text.split('\n').filter((l) => stringWidth(l) > width);

beforeAll(async () => {
  const queue = [...LAB_SCENARIOS];
  const worker = async (): Promise<void> => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      for (const lang of ['en', 'it'] as const) {
        const file = path.join(dir, `${s.name}.${lang}.json`);
        const args = ['site', 'Garage Nord', '--lab', s.name, '--json', file, '--lang', lang];
        const run = await runCli(args, { env: { COLUMNS: '80' } });
        const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
        runs.set(`${s.name}.${lang}`, { stdout: run.stdout, report });
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('no line wider than the terminal', () => {
  for (const s of LAB_SCENARIOS) {
    it(`${s.name}: the run at 80 columns, the report at 80 and 120, English and Italian`, () => {
      const run = runs.get(`${s.name}.en`);
      expect(run, 'the lab run wrote its report').toBeDefined();
      const { stdout, report } = run!;
      expect(stdout).toMatch(/READY|INTERRUPTED/);
      expect(over(stdout, 80)).toEqual([]);
      for (const columns of [80, 120]) {
        for (const lang of ['en', 'it'] as const) {
          const out = renderTerminal(report, { write: () => true, columns }, { env: {}, lang });
          expect(over(out, columns), `${columns} columns, ${lang}`).toEqual([]);
        }
      }
      expect(over(renderText([report], { lang: 'it' }), 80)).toEqual([]);
    });
  }

  it('a site name with wide and combining characters does not push lines over 80', async () => {
    const run = await runCli(
      ['site', '東京 充電所 Café\u0301 '.repeat(6).trim(), '--lab', 'tcp-8883-dropped'],
      {
        env: { COLUMNS: '80' },
      },
    );
    expect(run.stdout).toContain('東京');
    expect(over(run.stdout, 80)).toEqual([]);
  });

  it('the allow-list and the Wi-Fi report fit 80 columns', async () => {
    for (const lang of ['en', 'it']) {
      const allow = await runCli(['allowlist', '--lang', lang], { env: { COLUMNS: '80' } });
      expect(allow.stdout).toContain('zapcloud.azure-devices.net');
      expect(over(allow.stdout, 80)).toEqual([]);
    }
    const scan = path.resolve(
      import.meta.dirname,
      '../../fixtures/platform/linux/iw-wlan0-scan-raspi-campus-bssload-with-prompt.txt',
    );
    const wifi = await runCli(['wifi', '--scan-file', scan], { env: { COLUMNS: '80' } });
    expect(wifi.stdout).toContain('WIFI_IUTB_IOT');
    expect(over(wifi.stdout, 80)).toEqual([]);
  });
});

/**
 * The sentences of one catalogue that the other does not share: the literal text between placeholders,
 * at least three words, and not also a piece of the other catalogue (names such as "Azure IoT Hub").
 */
function sentencesOnlyIn(mine: Record<string, string>, other: Record<string, string | undefined>): string[] {
  const theirs = Object.values(other).join('\n');
  const out = new Set<string>();
  for (const [key, text] of Object.entries(mine)) {
    if (other[key] === text) continue;
    for (const piece of text.split(/\{\w+\}/)) {
      const p = piece.trim().replace(/^[\s,.:;()"“”-]+|[\s,.:;()"“”-]+$/g, '');
      if (p.split(/\s+/).length >= 3 && /[a-z]{3}/.test(p) && !theirs.includes(p)) out.add(p);
    }
  }
  return [...out];
}

describe('a saved report renders in either language, whatever language it was run in', () => {
  const english = sentencesOnlyIn(en, itCatalogue);
  const italian = sentencesOnlyIn(itCatalogue, en);
  it('has catalogue sentences to look for', () => {
    expect(english.length).toBeGreaterThan(200);
    expect(italian.length).toBeGreaterThan(200);
  });
  for (const s of LAB_SCENARIOS) {
    it(`${s.name}: English run in Italian, Italian run in English (text and html)`, () => {
      for (const [runLang, want, forbidden] of [
        ['en', 'it', english],
        ['it', 'en', italian],
      ] as const) {
        const report = runs.get(`${s.name}.${runLang}`)?.report;
        expect(report, 'the lab run wrote its report').toBeDefined();
        for (const c of report!.checks) expect(c.summaryKey, `${c.id} keeps its message key`).toBeDefined();
        for (const format of ['text', 'html'] as const) {
          const out = renderReport(format, [report!], { lang: want });
          const leaks = forbidden.filter((sentence) => out.includes(sentence));
          expect(leaks, `${runLang} run rendered as ${format} in ${want}`).toEqual([]);
        }
      }
    });
  }

  it('an old report without message keys still renders, with its stored text', () => {
    const report = runs.get('tcp-8883-dropped.en')!.report;
    const old: Report = {
      ...report,
      checks: report.checks.map(
        ({ summaryKey: _k, summaryVars: _v, titleKey: _t, titleVars: _tv, ...c }) => ({
          ...c,
          remediation: c.remediation.map((f) => ({ audience: f.audience, text: f.text })),
        }),
      ),
    };
    const out = renderReport('text', [old], { lang: 'it' }).replace(/\s+/g, ' ');
    expect(out).toContain('RETE NON PRONTA');
    expect(out).toContain(report.checks.find((c) => c.status === 'fail')!.summary);
  });
});
