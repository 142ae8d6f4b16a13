import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/result.js';
import { LAB_SCENARIOS } from '../../src/lab/index.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { renderText } from '../../src/report/text.js';
import { runCli } from '../helpers/cli.js';

/**
 * "At 80 columns no output line is longer than 80": every lab scenario as a user runs it (a pipe with
 * COLUMNS=80), then the same reports rendered at 80 and 120 columns in English and Italian.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'zapcheck-width-'));
const runs = new Map<string, { stdout: string; report: Report }>();
const over = (text: string, width: number): string[] =>
  text.split('\n').filter((l) => stringWidth(l) > width);

beforeAll(async () => {
  const queue = [...LAB_SCENARIOS];
  const worker = async (): Promise<void> => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      const file = path.join(dir, `${s.name}.json`);
      const args = ['site', 'Garage Nord', '--lab', s.name, '--json', file];
      if (s.options?.mqttConnect) args.push('--mqtt-connect');
      const run = await runCli(args, { env: { COLUMNS: '80' } });
      runs.set(s.name, { stdout: run.stdout, report: JSON.parse(readFileSync(file, 'utf8')) as Report });
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('no line wider than the terminal', () => {
  for (const s of LAB_SCENARIOS) {
    it(`${s.name}: the run at 80 columns, the report at 80 and 120, English and Italian`, () => {
      const run = runs.get(s.name);
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
