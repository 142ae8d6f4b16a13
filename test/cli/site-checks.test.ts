import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** `site --list-checks` and `site --only`: what a run checks, and re-running part of it after IT changed something. */

interface ListJson {
  schemaVersion: number;
  profile: string;
  lang: string;
  checks: { id: string; kind: string; title: string; needs: string[] }[];
}
interface ReportJson {
  verdict: string;
  checks: { id: string; kind: string; status: string; cause: string; summary: string }[];
}

const widest = (text: string): number => Math.max(...text.split('\n').map((l) => [...l].length));
const dir = mkdtempSync(path.join(tmpdir(), 'zapcheck-only-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('site --list-checks', () => {
  it('lists ids, titles and what each needs, wrapped to the width, and runs nothing', async () => {
    const run = await runCli(['site', '--list-checks'], { env: { COLUMNS: '80' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('profile zaptec-pro');
    const flat = run.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain(
      'tls:api.zaptec.com:443 TLS api.zaptec.com:443 needs: dns:api.zaptec.com, tcp:api.zaptec.com:443',
    );
    expect(flat).toContain('tcp:api.zaptec.com:443 TCP api.zaptec.com:443 needs: dns:api.zaptec.com');
    expect(widest(run.stdout)).toBeLessThanOrEqual(80);
    const narrow = await runCli(['site', '--list-checks'], { env: { COLUMNS: '50' } });
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(50);
  });

  it('is the list a run of that profile really reports, in order (--json -)', async () => {
    const list = await runCli(['site', '--list-checks', '--profile', 'zaptec-go', '--json', '-']);
    expect(list.code).toBe(0);
    const json = JSON.parse(list.stdout) as ListJson;
    expect(json).toMatchObject({ schemaVersion: 1, profile: 'zaptec-go', lang: 'en' });
    const run = await runCli(['site', '--deadline', '20', '--lab', '--profile', 'zaptec-go', '--json', '-']);
    const report = JSON.parse(run.stdout) as ReportJson;
    expect(json.checks.map((c) => c.id)).toEqual(report.checks.map((c) => c.id));
    const tls = json.checks.find((c) => c.kind === 'tls')!;
    expect(tls.needs).toContain(tls.id.replace(/^tls:/, 'tcp:'));
  });

  it('in Italian with --lang it', async () => {
    const run = await runCli(['site', '--list-checks', '--lang', 'it']);
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('richiede: dns:api.zaptec.com, tcp:api.zaptec.com:443');
    expect(run.stdout).toContain('Cosa verifica');
    expect(run.stdout).not.toContain('needs:');
  });
});

describe('site --only', () => {
  it('runs the kinds named and what they need; the rest are "not run (--only)", never passed', async () => {
    const run = await runCli(['site', '--deadline', '20', '--lab', '--only', 'dns,ntp', '--json', '-']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ReportJson;
    for (const c of report.checks) {
      if (c.kind === 'dns' || c.kind === 'ntp') expect(c.status, c.id).toBe('pass');
      else
        expect(c, c.id).toMatchObject({ status: 'skip', cause: 'NOT_SELECTED', summary: 'not run (--only)' });
    }
    // The terminal report (on stderr beside --json -): the verdict says what was not checked.
    const verdict = run.stderr.split('\n').find((l) => l.startsWith('READY'))!;
    expect(verdict).toMatch(/not checked: .*TCP, TLS, HTTPS, MQTT/);
    expect(run.stderr).not.toContain('The network will carry the chargers');
    expect(run.stderr).toContain('run it again without --only');
    expect(run.stderr).toMatch(/checks not run \(--only\): IPv4\/proxy, Wi-Fi, DHCP, TCP, TLS, HTTPS, MQTT/);
  });

  it('one check id runs its chain (DNS -> TCP -> TLS) and finds the fault', async () => {
    const run = await runCli([
      'site',
      '--deadline',
      '20',
      '--lab',
      'tls-intercepted',
      '--only',
      'tls:api.zaptec.com:443',
      '--json',
      '-',
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ReportJson;
    const ran = report.checks.filter((c) => c.cause !== 'NOT_SELECTED').map((c) => c.id);
    expect(ran).toEqual(['dns:api.zaptec.com', 'tcp:api.zaptec.com:443', 'tls:api.zaptec.com:443']);
    expect(report.checks.find((c) => c.id === 'tls:api.zaptec.com:443')!.status).toBe('fail');
    expect(report.verdict).toBe('not-ready');
  });

  it('--strict refuses a partial run: what was not run makes it not ready', async () => {
    const run = await runCli(['site', '--deadline', '20', '--lab', '--only', 'dns', '--strict']);
    expect(run.code).toBe(1);
  });

  it('the handover and the JSON file say which checks were not run (Italian too)', async () => {
    const file = path.join(dir, 'only.json');
    const run = await runCli([
      'site',
      '--deadline',
      '20',
      '--lab',
      '--only',
      'mqtt',
      '--json',
      file,
      '--lang',
      'it',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/controlli non eseguiti \(--only\)/);
    const report = JSON.parse(readFileSync(file, 'utf8')) as ReportJson;
    expect(report.checks.find((c) => c.kind === 'ntp')!.summary).toBe('non eseguito (--only)');
    const md = await runCli(['report', file, '--format', 'md', '--lang', 'en']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('not run (--only)');
  });

  it('an unknown name is exit 2 with the closest kind, before anything runs', async () => {
    const run = await runCli(['site', '--deadline', '20', '--lab', '--only', 'dns,tsl']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--only: no check "tsl" in profile zaptec-pro');
    expect(run.stderr).toContain('did you mean tls?');
    expect(run.stdout).toBe('');
    const it = await runCli(['site', '--only', 'ntpp', '--lang', 'it']);
    expect(it.code).toBe(2);
    expect(it.stderr).toContain('forse intendevi ntp?');
    const empty = await runCli(['site', '--deadline', '20', '--lab', '--only', ',']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('kinds: env, wifi, dhcp, dns, ntp, tcp, tls, https, mqtt');
  });

  it('--list-checks --only lists what would run', async () => {
    const run = await runCli(['site', '--list-checks', '--only', 'https:api.zaptec.com:443', '--json', '-']);
    const json = JSON.parse(run.stdout) as ListJson;
    expect(json.checks.map((c) => c.id)).toEqual([
      'dns:api.zaptec.com',
      'tcp:api.zaptec.com:443',
      'tls:api.zaptec.com:443',
      'https:api.zaptec.com:443',
    ]);
  });
});
