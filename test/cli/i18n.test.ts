import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/result.js';
import { en } from '../../src/i18n/en.js';
import { it as italian } from '../../src/i18n/it.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { runDhcpCommand } from '../../src/cli/dhcp-run.js';
import type { DhcpCommandOptions } from '../../src/cli/dhcp.js';
import type { CliIO } from '../../src/cli/io.js';
import type { GatherDeps } from '../../src/probes/net/gather.js';

/**
 * Italian as a user gets it from the built CLI: `zapcheck site --lab`, `zapcheck wifi` and `zapcheck dhcp`
 * with --lang it (or LANG). Nothing a person reads may carry an English sentence of the catalogue, a key
 * name or an unfilled {placeholder}; codes (causes, ids) stay as they are.
 */

/** The fixed English words of each message (the text between placeholders), long enough to be a sentence. */
const ENGLISH_FRAGMENTS: string[] = Object.entries(en).flatMap(([key, value]) =>
  value
    .split(/\{\w+\}/)
    .map((f) => f.trim())
    // Three words or more, and not kept in Italian on purpose (commands, hosts, option names).
    .filter((f) => f.split(/\s+/).length >= 3 && f.replace(/[^a-z]/gi, '').length >= 12)
    .filter((f) => !(italian as Record<string, string>)[key]?.includes(f)),
);
const KEYS = Object.keys(en).filter((k) => k.includes('.'));

function untranslated(text: string): string[] {
  const problems = ENGLISH_FRAGMENTS.filter((f) => text.includes(f)).map((f) => `English: "${f}"`);
  for (const k of KEYS)
    if (new RegExp(`(^|[\\s:(])${k.replace(/\./g, '\\.')}($|[\\s:),.])`).test(text))
      problems.push(`key: ${k}`);
  const hole = /\{[a-zA-Z]+\}/.exec(text);
  if (hole) problems.push(`placeholder: ${hole[0]}`);
  return problems;
}

const WINDOWS_FIXTURES: Record<string, string> = {
  'route print -4': 'route-print-4-getmac-win10.txt',
  'ipconfig /all': 'ipconfig-all-getmac-win10.txt',
  'arp -a': 'arp-a-en-getmac-win10-multi-interface.txt',
};

/** `zapcheck dhcp` in-process on recorded Windows output; any other command is "not found". */
async function dhcpFromFixtures(
  opts: DhcpCommandOptions,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) =>
    ({ write: (s: string) => (add(s), true) }) as unknown as CliIO['stdout'];
  const io: CliIO = {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    env: { ZAPCHECK_GUARD: 'loopback' },
    cwd: ROOT,
  };
  const gatherDeps: Partial<GatherDeps> = {
    platform: 'win32',
    run: (file, args) => {
      const name = WINDOWS_FIXTURES[[file, ...args].join(' ')];
      return Promise.resolve(
        name === undefined
          ? { ok: false, error: 'NOT_FOUND', message: `${file}: not found` }
          : {
              ok: true,
              stdout: readFileSync(path.join(ROOT, 'fixtures/platform/windows', name), 'utf8'),
              stderr: '',
              code: 0,
            },
      );
    },
    readText: () => Promise.resolve(null),
    listDir: () => Promise.resolve([]),
    interfaces: () => ({}),
  };
  const code = await runDhcpCommand(opts, io, '0.0.0-test', { gatherDeps });
  return { code, stdout, stderr };
}

describe('Italian from the built CLI', () => {
  it('the fragment list is not empty (the test can fail)', () => {
    expect(ENGLISH_FRAGMENTS.length).toBeGreaterThan(200);
    expect(untranslated('The network will carry the chargers.')).not.toEqual([]);
  });

  it('zapcheck site --lab tls-intercepted --lang it --json -: every title, summary and fix in Italian', async () => {
    const args = ['site', 'Garage Nord', '--lab', 'tls-intercepted', '--json', '-'];
    const [enRun, itRun] = await Promise.all([runCli(args), runCli([...args, '--lang', 'it'])]);
    const enReport = JSON.parse(enRun.stdout) as Report;
    const itReport = JSON.parse(itRun.stdout) as Report;
    expect(itRun.code).toBe(enRun.code);
    expect(itReport.verdict).toBe(enReport.verdict);
    expect(itReport.checks.map((c) => [c.id, c.status, c.cause])).toEqual(
      enReport.checks.map((c) => [c.id, c.status, c.cause]),
    );
    const enById = new Map(enReport.checks.map((c) => [c.id, c]));
    const kinds = new Set<string>();
    for (const c of itReport.checks) {
      const e = enById.get(c.id)!;
      kinds.add(c.kind);
      expect(c.summary, `${c.id} summary`).not.toBe(e.summary);
      expect(untranslated(c.summary), `${c.id} summary: ${c.summary}`).toEqual([]);
      expect(untranslated(c.title), `${c.id} title: ${c.title}`).toEqual([]);
      for (const r of c.remediation) expect(untranslated(r.text), `${c.id} fix: ${r.text}`).toEqual([]);
    }
    // The checks this issue translated are in the run and say so in Italian.
    expect([...kinds]).toEqual(expect.arrayContaining(['env', 'wifi', 'dhcp', 'dns', 'tls']));
    const byId = new Map(itReport.checks.map((c) => [c.id, c]));
    expect(byId.get('env:route')?.title).toBe('Percorso IPv4 predefinito (default route)');
    expect(byId.get('env:proxy')?.title).toBe('Nessun proxy necessario');
    expect(byId.get('dhcp')?.title).toBe('DHCP: un indirizzo libero per ogni stazione');
    expect(byId.get('wifi')?.summary).toBe('nessuna scansione Wi-Fi disponibile in questa verifica');
  }, 60_000);

  it('zapcheck wifi --scan-file <fixture> --lang it: verdict, fixes and chart in Italian', async () => {
    const args = [
      'wifi',
      '--scan-file',
      'fixtures/platform/linux/iwlist-scan-accesspoints.txt',
      '--ssid',
      'Ziggo',
    ];
    const [enRun, itRun, envRun] = await Promise.all([
      runCli(args),
      runCli([...args, '--lang', 'it']),
      runCli(args, { env: { LANG: 'it_IT.UTF-8', LC_ALL: '' } }),
    ]);
    expect(itRun.code).toBe(1);
    expect(itRun.stderr).toBe('');
    expect(envRun.stdout).toBe(itRun.stdout);
    expect(itRun.stdout).toMatch(/NON OK\s+WIFI_CHANNEL_OUT_OF_RANGE {2}"Ziggo" è sul canale 13 a 2,4 GHz/);
    expect(itRun.stdout).toMatch(/^Esito: NON OK WIFI_CHANNEL_OUT_OF_RANGE/m);
    expect(itRun.stdout).toMatch(/-> IT del sito \/ router: Nelle impostazioni a 2,4 GHz del router/);
    expect(itRun.stdout).toMatch(/^Canali a 2,4 GHz/m);
    expect(itRun.stdout).toMatch(/> {1,2} *13 \| #+ +\d+ \(non utilizzabile dalla stazione\)/);
    expect(untranslated(itRun.stdout)).toEqual([]);
    expect(enRun.stdout).toMatch(/FAIL\s+WIFI_CHANNEL_OUT_OF_RANGE/);

    const json = await runCli([...args, '--lang', 'it', '--json', '-']);
    const report = JSON.parse(json.stdout) as {
      advice: { cause: string; summary: string; networks: { findings: { summary: string }[] }[] };
    };
    expect(report.advice.cause).toBe('WIFI_CHANNEL_OUT_OF_RANGE');
    for (const f of report.advice.networks.flatMap((n) => n.findings))
      expect(untranslated(f.summary)).toEqual([]);
  });

  it('zapcheck wifi --lang it where no scanner can run: the skip reason in Italian', async () => {
    // An empty PATH: no nmcli, iw or iwlist whatever this machine has (and nothing scans).
    const r = await runCli(['wifi', '--lang', 'it'], {
      env: { PATH: mkdtempSync(path.join(tmpdir(), 'zapcheck-nopath-')) },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Scansione: non possibile qui \((NO_ADAPTER|NO_SCANNER)\)/);
    expect(r.stdout).toMatch(/Esito: SALTATO WIFI_NO_SCAN: Wi-Fi non verificato: /);
    expect(r.stdout).toMatch(/-> installatore: Per verificare il Wi-Fi: /);
    expect(untranslated(r.stdout)).toEqual([]);
  });

  it('zapcheck dhcp --lang it: the verdict, the facts and the fixes in Italian', async () => {
    // The command itself, reading recorded output of one Windows 10 machine (route print, ipconfig /all,
    // arp -a) instead of this machine's network: the same facts for both languages on any host.
    const [enRun, itRun] = await Promise.all([
      dhcpFromFixtures({ chargers: '4', json: '-' }),
      dhcpFromFixtures({ chargers: '4', lang: 'it', json: '-' }),
    ]);
    expect(itRun.code).toBe(enRun.code);
    const enCheck = (JSON.parse(enRun.stdout) as Report).checks[0]!;
    const itCheck = (JSON.parse(itRun.stdout) as Report).checks[0]!;
    expect(enCheck.evidence.interface).toBeTruthy();
    expect([itCheck.status, itCheck.cause]).toEqual([enCheck.status, enCheck.cause]);
    expect(itCheck.title).toBe('DHCP: un indirizzo libero per ogni stazione');
    expect(itCheck.summary).not.toBe(enCheck.summary);
    expect(untranslated(itCheck.summary)).toEqual([]);
    for (const r of itCheck.remediation) expect(untranslated(r.text)).toEqual([]);
    // The terminal text goes to stderr with --json -.
    expect(itRun.stderr).toMatch(/^(OK|AVVISO|NON OK|SALTATO|ERRORE) dhcp /);
    expect(itRun.stderr).toMatch(/^ {2}interfaccia /m);
    expect(untranslated(itRun.stderr)).toEqual([]);
  });

  it('usage errors of site, wifi and dhcp in Italian', async () => {
    const it_ = { env: { LANG: 'it_IT.UTF-8', LC_ALL: '' } };
    const cases: [string[], RegExp][] = [
      [['wifi', '--ssid', 'x'.repeat(33)], /il nome di una rete Wi-Fi è lungo da 1 a 32 byte/],
      [['wifi', '--ssid', ''], /--ssid: un valore vuoto non è ammesso/],
      [['wifi', '--scan-file', 'package.json'], /--scan-file: \S*package\.json non è una scansione Wi-Fi/],
      [['wifi', '--profile', 'nope'], /profilo "nope" sconosciuto/],
      [['dhcp', '--chargers', 'many'], /--chargers "many" non è un numero di stazioni/],
      [['dhcp', '--dhcp-range', '10.0.0.9-10.0.0.1'], /l’ultimo indirizzo viene prima del primo/],
      [['site', 'X', '--dns-server', 'nope'], /"nope" non è un indirizzo IPv4/],
      [['site', 'X', '--lab', 'no-such-scenario'], /scenario di laboratorio "no-such-scenario" sconosciuto/],
    ];
    const runs = await Promise.all(cases.map(([args]) => runCli(args, it_)));
    for (const [i, [args, want]] of cases.entries()) {
      expect(runs[i]!.code, args.join(' ')).toBe(2);
      expect(runs[i]!.stderr, args.join(' ')).toMatch(want);
    }
  });
});
