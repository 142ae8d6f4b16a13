import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/result.js';
import { runCli } from '../helpers/cli.js';

/**
 * The issue's "done when", as a user does it: a zapcheck.yaml with three sites; run (the lab stands in
 * for the sites' networks), list, render, diff and hand over, in English and Italian.
 */

const SITES = `sites:
  Garage Nord:
    address: Via Roma 1, Milano
    chargers: 8
    ssid: ZAPTEC-NET
    metered: true
  Condominio Sole:
    chargers: 24
    profile: zaptec-go
  Hotel Lago:
    chargers: 2
`;

describe('sites, history and reports from the command line', () => {
  let dir: string;
  let reports: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-cli-'));
    reports = path.join(dir, 'reports');
    writeFileSync(path.join(dir, 'zapcheck.yaml'), SITES);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const zc = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli(args, { cwd: dir, env: { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env } });

  it('runs keep their JSON in --reports-dir, with the sites file’s defaults and spelling', async () => {
    const first = await zc([
      'site',
      'garage nord',
      '--lab',
      'tcp-8883-dropped',
      '--reports-dir',
      reports,
      '--json',
      '-',
    ]);
    expect(first.code).toBe(1);
    const report = JSON.parse(first.stdout) as Report;
    expect(report.site).toBe('Garage Nord');
    expect(first.stderr).toMatch(/Report saved: .*_garage-nord\.json/);
    const second = await zc(['site', 'Garage Nord', '--lab', '--reports-dir', reports]);
    expect(second.code).toBe(0);
    const third = await zc([
      'site',
      'Condominio Sole',
      '--lab',
      'ntp-blocked',
      '--reports-dir',
      reports,
      '--json',
      '-',
    ]);
    expect((JSON.parse(third.stdout) as Report).profile).toBe('zaptec-go');
    expect(readdirSync(reports).filter((f) => f.endsWith('.json'))).toHaveLength(3);
  });

  it('a lab run without --reports-dir is not kept; --no-history keeps nothing', async () => {
    const run = await zc(['site', 'Hotel Lago', '--lab', '--no-history', '--reports-dir', reports]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('Report saved');
    expect(readdirSync(reports)).toHaveLength(3);
  });

  it('zapcheck sites lists every site with its last verdict', async () => {
    const run = await zc(['sites', '--reports-dir', reports]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Site\s+Chargers\s+Last run\s+Verdict$/);
    // These runs were lab runs: listed as such, never as the real site's verdict.
    const words = (l: string | undefined): string => (l ?? '').replace(/\s+/g, ' ');
    const at = (name: string): string =>
      words(run.stdout.slice(run.stdout.indexOf(name)).split(/\n(?=\S)/)[0]);
    expect(at('Garage Nord')).toMatch(/ 8 .* READY \(LAB: simulated site\)$/);
    expect(at('Condominio Sole')).toMatch(/ 24 .* NOT READY \(LAB: simulated site\)$/);
    expect(lines.find((l) => l.startsWith('Hotel Lago'))).toMatch(/never run/);
    const it = await zc(['sites', '--reports-dir', reports], { LANG: 'it_IT.UTF-8' });
    expect(it.stdout).toMatch(/Hotel Lago\s+2\s+mai verificato/);
    expect(it.stdout).toMatch(/Garage Nord.*RETE PRONTA/);
  });

  it('zapcheck history lists a site’s runs newest first', async () => {
    const run = await zc(['history', 'Garage Nord', '--reports-dir', reports]);
    // Each run is a row, its file on the line beneath (a path is not squeezed into a column).
    const rows = run.stdout
      .trim()
      .split('\n')
      .slice(2)
      .filter((l) => !l.startsWith('  '));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/Garage Nord\s+READY \(LAB: simulated site\)$/);
    expect(rows[1]).toMatch(/Garage Nord\s+NOT READY \(LAB: simulated site\)$/);
    const none = await zc(['history', 'Nowhere', '--reports-dir', reports]);
    expect(none.stdout).toContain('No saved runs for "Nowhere"');
  });

  it('report last <site> renders the latest run as a one-page handover, in Italian too', async () => {
    const out = path.join(dir, 'garage.html');
    const run = await zc([
      'report',
      'last',
      'Garage Nord',
      '-o',
      out,
      '--reports-dir',
      reports,
      '--lang',
      'it',
    ]);
    expect(run.code).toBe(0);
    const html = readdirSync(dir);
    expect(html).toContain('garage.html');
    const md = await zc(['report', 'last', 'Garage Nord', '--format', 'md', '--reports-dir', reports]);
    expect(md.stdout).toContain('# Site network check for EV chargers: Garage Nord');
    expect(md.stdout).toContain('Via Roma 1, Milano');
    expect(md.stdout).toContain('Total: about 2 GB per month');
    const none = await zc(['report', 'last', 'Nowhere', '--reports-dir', reports]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no saved runs for "Nowhere"');
  });

  it('report --diff says what the change fixed', async () => {
    const files = readdirSync(reports)
      .filter((f) => f.includes('garage-nord'))
      .sort()
      .map((f) => path.join(reports, f));
    const run = await zc(['report', files[0]!, files[1]!, '--diff']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Verdict: NOT READY → READY');
    expect(run.stdout).toMatch(
      /Fixed \(\d+\)\n {2}TCP zapcloud\.azure-devices\.net:8883: fail TCP_DROPPED → pass/,
    );
    expect(run.stdout).toContain('Regressed (0)');
    const bad = await zc(['report', files[0]!, '--diff']);
    expect(bad.code).toBe(2);
  });

  it('report --diff exits 1 when the newer run regressed, with the regressions first', async () => {
    const files = readdirSync(reports)
      .filter((f) => f.includes('garage-nord'))
      .sort()
      .map((f) => path.join(reports, f));
    // Newer first, older second: what was fixed now reads as broken again.
    const run = await zc(['report', files[1]!, files[0]!, '--diff']);
    expect(run.code).toBe(1);
    const regressed = run.stdout.slice(run.stdout.indexOf('Regressed'), run.stdout.indexOf('Fixed'));
    expect(regressed).toMatch(/^Regressed \([1-9]\d*\)\n {2}\S.*: pass → fail [A-Z_]+$/m);
    // A check that passed and now cannot be tested (behind the one that broke) regressed too.
    expect(regressed).toMatch(/: pass → not checked SKIPPED$/m);
    expect(run.stdout.indexOf('Regressed')).toBeLessThan(run.stdout.indexOf('Fixed'));
  });

  it('allowlist in csv and Italian text', async () => {
    const csv = await zc(['allowlist', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('\uFEFFHost,Port,UDP/TCP,Protocol,Required,Why');
    // The -o extension picks the format, as in `report`.
    const file = path.join(dir, 'allow.csv');
    expect((await zc(['allowlist', '--lang', 'it', '-o', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^\uFEFFHost;Porta;UDP\/TCP;Protocollo;/);
    expect(csv.stdout).toContain('zapcloud.azure-devices.net,8883,TCP,MQTT over TLS,yes,');
    const it = await zc(['allowlist', '--lang', 'it']);
    expect(it.stdout).toContain('Consentire questi collegamenti per nome host, non per indirizzo IP');
    const wrong = await zc(['allowlist', '--format', 'pdf']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--format: "pdf" is not one of text, csv, json');
  });
});
