import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/result.js';
import { LAB_SCENARIOS } from '../../src/lab/index.js';
import { exe, ROOT, run, runNpmRoute, type Run } from './helpers.js';

/**
 * The Linux x64 executable as an electrician gets it: copied alone into an empty folder and started
 * with an empty environment (no PATH, so no node and no npm to fall back on, no HOME). Everything it
 * needs (code, catalogues, JSON Schemas, version) must come from inside the file.
 */

let dir: string;
let bin: string;
let data: string;
const runExe = (args: readonly string[], cwd = dir): Promise<Run> => run(bin, args, { cwd, env: {} });

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zapcheck-sea-'));
  data = mkdtempSync(path.join(tmpdir(), 'zapcheck-sea-data-'));
  bin = path.join(dir, 'zapcheck-linux-x64');
  copyFileSync(exe('linux-x64'), bin);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const schema = JSON.parse(readFileSync(path.join(ROOT, 'src/schemas/report.schema.json'), 'utf8')) as object;
const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);

describe('zapcheck-linux-x64 alone in an empty folder, empty environment', () => {
  it('--version prints the package version', async () => {
    const r = await runExe(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--help is the same text as the npm route', async () => {
    const [sea, npm] = await Promise.all([runExe(['--help']), runNpmRoute(['--help'])]);
    expect(sea.code).toBe(0);
    expect(sea.stdout).toBe(npm.stdout);
    expect(sea.stdout).toContain('Usage: zapcheck');
  });

  it('site --lab: READY, exit 0, no warning about the experimental SEA', async () => {
    const r = await runExe(['site', '--lab']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^READY\b/m);
    expect(r.code).toBe(0);
  });

  it('site --lab --lang it: the Italian catalogue is inside', async () => {
    const r = await runExe(['site', '--lab', '--lang', 'it']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Non verificato:');
  });

  it('lab --list names the same scenarios as the lab module', async () => {
    const r = await runExe(['lab', '--list', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { name: string }[];
    expect(rows.map((s) => s.name)).toEqual(LAB_SCENARIOS.map((s) => s.name));
  });

  for (const scenario of LAB_SCENARIOS) {
    it(`site --lab ${scenario.name}: ${scenario.verdict}`, async () => {
      const args = ['site', 'Lab test', '--lab', scenario.name, '--json', '-'];
      const r = await runExe(args);
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // never a stack trace
      const report = JSON.parse(r.stdout) as Report;
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      expect(report.environment.labScenario).toBe(scenario.name);
      const byId = new Map(report.checks.map((c) => [c.id, c]));
      for (const e of scenario.expect) {
        const got = byId.get(e.id);
        expect({ id: e.id, status: got?.status, cause: got?.cause }).toEqual({
          id: e.id,
          status: e.status,
          cause: e.cause,
        });
      }
      const named = new Set(scenario.expect.map((e) => e.id));
      for (const c of report.checks) {
        if (named.has(c.id) || c.kind === 'wifi' || c.kind === 'dhcp') continue;
        expect({ id: c.id, status: c.status, cause: c.cause }).toEqual({
          id: c.id,
          status: 'pass',
          cause: 'OK',
        });
      }
      // 1 when a check fails; 3 when only zapcheck's own refusal (its guard) stands in the way; else 0.
      const planned = scenario.expect.map((e) => e.status);
      const code = planned.includes('fail') ? 1 : planned.includes('error') ? 3 : 0;
      expect(r.code).toBe(code);
      expect(report.verdict).toBe(code === 0 ? 'ready' : 'not-ready');
    });
  }

  for (const fixture of [
    'linux/nmcli-t-dev-wifi-list-nmtestsuite-common-C.txt',
    'windows/netsh-wlan-networks-bssid-it-heatmapper.txt',
  ]) {
    it(`wifi --scan-file ${fixture}: the same advice as the npm route`, async () => {
      const file = path.join(ROOT, 'fixtures/platform', fixture);
      const [sea, npm] = await Promise.all([
        runExe(['wifi', '--scan-file', file, '--json', '-']),
        runNpmRoute(['wifi', '--scan-file', file, '--json', '-']),
      ]);
      const parsed = JSON.parse(sea.stdout) as { scan: { format: string }; networks: unknown[] };
      expect(parsed.scan.format).toMatch(fixture.startsWith('linux') ? /^nmcli/ : /^netsh/);
      expect(parsed.networks.length).toBeGreaterThan(0);
      expect(sea.stdout).toBe(npm.stdout);
      expect(sea.code).toBe(npm.code);
      expect(sea.code).not.toBe(2);
    });
  }

  it('report --format html: the printable handover of a lab run, byte for byte the npm route’s', async () => {
    const json = path.join(data, 'garage.json');
    const site = await runExe(['site', 'Garage Nord', '--lab', 'tls-intercepted', '--json', json]);
    expect(site.code).toBe(1);
    const html = path.join(data, 'garage.html');
    const r = await runExe(['report', json, '--format', 'html', '-o', html]);
    expect(r.code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('Garage Nord');
    expect(page).toContain('Fortinet');
    const npmHtml = path.join(data, 'garage-npm.html');
    expect((await runNpmRoute(['report', json, '--format', 'html', '-o', npmHtml])).code).toBe(0);
    expect(page).toBe(readFileSync(npmHtml, 'utf8'));
  });

  it('a profile file with a mistake: the embedded schema names the field, exit 2', async () => {
    const profile = path.join(data, 'bad-profile.yaml');
    writeFileSync(
      profile,
      'id: x\nname: X\nextends: zaptec-pro\nendpoints:\n  - { host: a.example, port: 99999, protocol: https }\n',
    );
    const [sea, npm] = await Promise.all([
      runExe(['site', '--lab', '--profile', profile]),
      runNpmRoute(['site', '--lab', '--profile', profile]),
    ]);
    expect(sea.code).toBe(2);
    expect(sea.stderr).toContain('endpoints.0.port');
    expect(sea.stderr).toBe(npm.stderr);
  });

  it('a sites file with a mistake: file, line and field from the embedded schema, exit 2', async () => {
    writeFileSync(path.join(data, 'zapcheck.yaml'), 'sites:\n  Garage Nord:\n    chargers: many\n');
    const [sea, npm] = await Promise.all([
      runExe(['site', 'Garage Nord', '--lab'], data),
      runNpmRoute(['site', 'Garage Nord', '--lab'], data),
    ]);
    expect(sea.code).toBe(2);
    expect(sea.stderr).toContain('zapcheck.yaml:3');
    expect(sea.stderr).toBe(npm.stderr);
  });

  it('a saved report is checked against the embedded report schema', async () => {
    const broken = path.join(data, 'broken.json');
    writeFileSync(broken, JSON.stringify({ schemaVersion: 1, verdict: 'maybe' }));
    const [sea, npm] = await Promise.all([
      runExe(['report', broken, '--format', 'text']),
      runNpmRoute(['report', broken, '--format', 'text']),
    ]);
    expect(sea.code).toBe(2);
    expect(sea.stderr).toBe(npm.stderr);
  });
});
