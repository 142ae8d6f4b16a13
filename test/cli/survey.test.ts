import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSurveyCommand } from '../../src/cli/survey-run.js';
import { runWifiWatch } from '../../src/cli/wifi-watch.js';
import type { CliIO } from '../../src/cli/io.js';
import { probeOk } from '../../src/core/errors.js';
import type { Report } from '../../src/core/result.js';
import { parseScanText } from '../../src/platform/wifi/detect.js';
import type { WifiScan } from '../../src/platform/wifi/types.js';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * `zapcheck survey` and `zapcheck wifi --watch` on a machine without Wi-Fi: driven by replayed saved scans
 * (fixtures/survey, a real iw scan with the target's signal set to -46, -73 and -82 dBm) through the built
 * CLI, and in-process by a fake link reader with an injected sleep (no test waits a second).
 */

const SCANS = path.join(ROOT, 'fixtures/survey');
const FILES = [
  '1-iw-scan-campus-iot-46dbm.txt',
  '2-iw-scan-campus-iot-73dbm.txt',
  '3-iw-scan-campus-iot-82dbm.txt',
];
const SSID = 'WIFI_IUTB_IOT';
const schema = JSON.parse(readFileSync(path.join(ROOT, 'src/schemas/report.schema.json'), 'utf8')) as object;
const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);

function fakeIO(cwd: string, tty = false): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: Object.assign({ write: (s: string) => ((out += s), true) }, { isTTY: tty }) as never,
    stderr: Object.assign({ write: (s: string) => ((err += s), true) }, { isTTY: false }) as never,
    env: { ZAPCHECK_GUARD: 'loopback' },
    cwd,
    out: () => out,
    err: () => err,
  };
}

/** A fake link reader: each call returns the next recorded scan, with its signal as recorded. */
function reader(names: string[]) {
  let i = 0;
  const calls: (string | undefined)[] = [];
  const scan = (file: string | undefined) => {
    calls.push(file);
    const text = readFileSync(path.join(SCANS, names[i++ % names.length]!), 'utf8');
    const parsed = parseScanText(text);
    const value: WifiScan = { ...parsed, source: { kind: 'command', command: 'fake link reader' } };
    return Promise.resolve(probeOk(value, 1));
  };
  return { scan, calls };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-survey-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('survey, in process with a fake link reader', () => {
  it('takes 5 samples a second apart by default (injected sleep), judges the median, keeps it privately', async () => {
    const reports = path.join(dir, 'inproc');
    const io = fakeIO(dir);
    const slept: number[] = [];
    const r = reader([FILES[0]!, FILES[0]!, FILES[2]!, FILES[1]!, FILES[0]!]);
    const code = await runSurveyCommand(
      'Garage Nord',
      { spot: 'Bay 1', ssid: SSID, reportsDir: reports },
      io,
      {
        sleep: (ms) => {
          slept.push(ms);
          return Promise.resolve();
        },
        now: () => Date.parse('2026-12-01T10:00:00Z'),
        scan: r.scan,
      },
    );
    expect(code).toBe(0);
    expect(r.calls).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(slept).toEqual([1000, 1000, 1000, 1000]);
    expect(io.out()).toContain('samples -46 -46 -82 -73 -46 dBm; min -82, median -46 dBm');
    expect(io.out()).toContain('PASS');
    const spotDir = path.join(reports, 'survey', 'garage-nord');
    const [file] = readdirSync(spotDir);
    expect(file).toBe('2026-12-01T100000Z_bay-1.json');
    expect(statSync(path.join(spotDir, file!)).mode & 0o777).toBe(0o600);
    expect(statSync(spotDir).mode & 0o777).toBe(0o700);
  });

  it('a weak median fails the spot: exit 1, "move the access point nearer to" it', async () => {
    const io = fakeIO(dir);
    const r = reader([FILES[2]!, FILES[1]!, FILES[2]!]);
    const code = await runSurveyCommand(
      'Garage Nord',
      { spot: 'Bay 9', ssid: SSID, samples: 3, history: false },
      io,
      { sleep: async () => {}, now: () => 0, scan: r.scan },
    );
    expect(code).toBe(1);
    expect(io.out()).toContain('-> Add an access point or move the existing one nearer to Bay 9.');
    expect(io.out()).toContain('Not kept (--no-history).');
  });
});

describe('wifi --watch, in process', () => {
  it('redraws one line in place on a terminal; live samples 1.5 s apart until Ctrl-C', async () => {
    const io = fakeIO(dir, true);
    const ac = new AbortController();
    const r = reader(FILES);
    let n = 0;
    const code = await runWifiWatch({ ssid: SSID }, io, {
      sleep: (ms) => {
        expect(ms).toBe(1500);
        if (++n === 3) ac.abort();
        return Promise.resolve();
      },
      now: () => 0,
      scan: r.scan,
      signal: ac.signal,
    });
    expect(code).toBe(130);
    const out = io.out();
    expect(out.split('\r').length - 1).toBe(3);
    expect(out).toContain('\u001b[K');
    expect(out.endsWith('FAIL\u001b[K\n')).toBe(true);
    expect(out).toMatch(/now -82 dBm {2}min -82 dBm {2}median -73 dBm .* FAIL/);
    expect(io.err()).toContain('Watching "WIFI_IUTB_IOT": a sample every 1.5 s. Ctrl-C ends it.');
  });
});

describe('zapcheck survey and wifi --watch driven by saved scans (the Done-when flow)', () => {
  for (const lang of ['en', 'it'] as const) {
    it(`three spots at -46, -73, -82 dBm: pass, warn, fail (exits 0, 0, 1); the handover lists them (${lang})`, async () => {
      const site = mkdtempSync(path.join(dir, `site-${lang}-`));
      writeFileSync(
        path.join(site, 'zapcheck.yaml'),
        `sites:\n  Garage Nord:\n    ssid: ${SSID}\n    chargers: 3\n`,
      );
      const common = ['--reports-dir', 'reports', '--lang', lang];
      const codes: (number | null)[] = [];
      for (const [i, f] of FILES.entries()) {
        // The SSID comes from zapcheck.yaml's site entry.
        const run = await runCli(
          ['survey', 'Garage Nord', '--spot', `Bay ${i + 1}`, '--scan-file', path.join(SCANS, f), ...common],
          {
            cwd: site,
          },
        );
        expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
        codes.push(run.code);
        expect(run.stdout).toContain(
          lang === 'en'
            ? `Wi-Fi survey of "Garage Nord", spot "Bay ${i + 1}"`
            : `Rilievo Wi-Fi di "Garage Nord", punto "Bay ${i + 1}"`,
        );
      }
      expect(codes).toEqual([0, 0, 1]);

      const list = await runCli(['survey', 'Garage Nord', '--list', ...common], { cwd: site });
      expect(list.code).toBe(0);
      const rows = list.stdout.split('\n').filter((l) => /^\s+Bay \d/.test(l));
      expect(rows).toHaveLength(3);
      const words = lang === 'en' ? ['pass', 'warning', 'fail'] : ['ok', 'avviso', 'non superato'];
      rows.forEach((row, i) => {
        expect(row).toContain(['-46 dBm', '-73 dBm', '-82 dBm'][i]);
        expect(row).toContain(words[i]);
      });

      const watch = await runCli(['wifi', '--watch', '--ssid', SSID, '--scan-file', SCANS, '--lang', lang]);
      expect(watch.code).toBe(0);
      const lines = watch.stdout.trim().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines.map((l) => /(-\d+) dBm/.exec(l)?.[1])).toEqual(['-46', '-73', '-82']);

      const labRun = await runCli(['site', 'Garage Nord', '--lab', ...common, '--json', 'run.json'], {
        cwd: site,
      });
      expect(labRun.code).toBe(1); // Bay 3 fails R1, so the site is not ready
      const report = JSON.parse(readFileSync(path.join(site, 'run.json'), 'utf8')) as Report;
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      expect(report.survey?.map((s) => [s.spot, s.medianDbm, s.status, s.cause])).toEqual([
        ['Bay 1', -46, 'pass', 'OK'],
        ['Bay 2', -73, 'warn', 'WIFI_WEAK_SIGNAL'],
        ['Bay 3', -82, 'fail', 'WIFI_WEAK_SIGNAL'],
      ]);
      expect(report.survey?.[2]).toMatchObject({
        ssid: SSID,
        bssid: '70:f0:96:d2:e0:62',
        channel: 1,
        band: '2.4',
        samples: [-82],
      });
      const r1 = report.requirements?.find((r) => r.id === 'R1');
      expect(r1).toMatchObject({ status: 'fail', cause: 'WIFI_WEAK_SIGNAL', because: null });
      const fix =
        lang === 'en'
          ? 'Add an access point or move the existing one nearer to Bay 3.'
          : 'Aggiungere un access point o avvicinare quello esistente a Bay 3.';
      expect(r1?.summary).toContain('"Bay 3": -82 dBm');
      expect(r1?.summary).toContain(fix);
      // The terminal report says why the site is not ready.
      expect(labRun.stdout).toContain(fix);

      for (const format of ['html', 'md', 'text', 'junit'] as const) {
        const out = await runCli(['report', 'last', 'Garage Nord', '--format', format, ...common], {
          cwd: site,
        });
        expect(out.code, out.stderr).toBe(0);
        const doc = out.stdout;
        for (const dbm of ['-46 dBm', '-73 dBm', '-82 dBm']) expect(doc).toContain(dbm);
        if (format === 'html') {
          expect(doc).toMatch(
            /<tr id="spot-1" data-status="pass" data-cause="OK"><td class="spot">Bay 1<\/td>/,
          );
          expect(doc).toMatch(
            /<tr id="spot-3" data-status="fail" data-cause="WIFI_WEAK_SIGNAL"><td class="spot">Bay 3<\/td>/,
          );
          expect(doc).toMatch(/<tr id="req-R1" data-status="fail"/);
        }
        if (format === 'junit') {
          expect(doc).toMatch(
            /<testcase name="survey:Bay 3" classname="zapcheck.survey"[^>]*>\s*<failure [^>]*type="WIFI_WEAK_SIGNAL"/,
          );
          expect(doc).toContain('<testcase name="survey:Bay 1" classname="zapcheck.survey" time="0.000"/>');
          expect(doc).toContain('<property name="survey.Bay 1" value="pass: -46 dBm"/>');
        } else {
          expect(doc).toContain(fix);
          expect(doc).toContain(
            lang === 'en'
              ? 'Wi-Fi survey: signal at each charger position'
              : 'Rilievo Wi-Fi: segnale in ogni posizione delle stazioni',
          );
        }
      }

      const forget = await runCli(['survey', 'Garage Nord', '--forget', 'Bay 3', ...common], { cwd: site });
      expect(forget.code).toBe(0);
      const after = await runCli(['survey', 'Garage Nord', '--list', '--json', '-', ...common], {
        cwd: site,
      });
      expect((JSON.parse(after.stdout) as { spots: { spot: string }[] }).spots.map((s) => s.spot)).toEqual([
        'Bay 1',
        'Bay 2',
      ]);
    }, 120_000);
  }

  it('wifi --watch --json - writes one JSON object per sample', async () => {
    const run = await runCli(['wifi', '--watch', '--ssid', SSID, '--scan-file', SCANS, '--json', '-']);
    expect(run.code).toBe(0);
    const samples = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(samples.map((s) => [s.signalDbm, s.minDbm, s.medianDbm, s.status])).toEqual([
      [-46, -46, -46, 'pass'],
      [-73, -73, -73, 'warn'],
      [-82, -82, -73, 'fail'],
    ]);
  });

  it('bad input: no spot, no network, a second scan file without --watch, an unknown spot: exit 2, no stack', async () => {
    const reports = path.join(dir, 'bad');
    const cases: [string[], RegExp][] = [
      [['survey', 'X', '--reports-dir', reports, '--ssid', SSID], /--spot/],
      [['survey', 'X', '--spot', 'A', '--reports-dir', reports, '--scan-file', SCANS], /--ssid/],
      [['survey', 'X', '--forget', 'Nope', '--reports-dir', reports], /No spot named "Nope"/],
      [['survey', 'X', '--spot', 'A', '--ssid', SSID, '--samples', '0', '--scan-file', SCANS], /--samples/],
      [
        ['wifi', '--scan-file', path.join(SCANS, FILES[0]!), '--scan-file', path.join(SCANS, FILES[1]!)],
        /--watch/,
      ],
      [['wifi', '--scan-file', SCANS], /--watch/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  }, 60_000);
});
