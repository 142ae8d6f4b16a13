import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPool, ROOT, runCli, type CliRun } from '../helpers/cli.js';

/**
 * Hostile files, places and values, as a careless user or a hostile network gives them to the built CLI.
 * Each one must end with exit 2 and a message naming the problem, never a stack trace, within 10 s and
 * 300 MB (issue 12: /dev/zero used to take 4 GB, a FIFO or /proc/nope hung for ever, 200,000 nested [
 * overflowed the stack, a 20,000-site file took 8.6 s). Runs two CLIs at a time (a 2-core machine).
 */

const STACK = /^\s+at .+[(:]\d+/m;
const MAX_MS = 10_000;
const MAX_RSS_MB = 300;

let dir: string;
const at = (name: string): string => path.join(dir, name);
const fixture = (p: string): string => path.join(ROOT, 'fixtures/platform', p);

interface Case {
  name: string;
  args: () => string[];
  message: RegExp;
  /** Also shown: the report was printed before a late failure (a write that fails after the run). */
  stdout?: RegExp;
}

const site = (...args: string[]): string[] => ['site', 'X', '--lab', ...args];
const MiB = 1024 * 1024;

const CASES: Case[] = [
  // Devices, FIFOs, folders: refused before a byte is read.
  {
    name: 'profile /dev/zero',
    args: () => site('-p', '/dev/zero'),
    message: /profile file \/dev\/zero is a device/,
  },
  {
    name: 'sites /dev/zero',
    args: () => site('--sites', '/dev/zero'),
    message: /sites file \/dev\/zero is a device/,
  },
  {
    name: 'report /dev/zero',
    args: () => ['report', '/dev/zero'],
    message: /report \/dev\/zero is a device/,
  },
  {
    name: 'trust roots /dev/zero',
    args: () => site('--trust-roots', '/dev/zero'),
    message: /--trust-roots \/dev\/zero is a device/,
  },
  {
    name: 'scan /dev/zero',
    args: () => site('--scan-file', '/dev/zero'),
    message: /--scan-file \/dev\/zero is a device/,
  },
  { name: 'wifi scan /dev/zero', args: () => ['wifi', '--scan-file', '/dev/zero'], message: /is a device/ },
  { name: 'scan FIFO', args: () => site('--scan-file', at('fifo')), message: /is a FIFO \(named pipe\)/ },
  { name: 'profile FIFO', args: () => site('-p', at('fifo.yaml')), message: /is a FIFO \(named pipe\)/ },
  { name: 'sites FIFO', args: () => site('--sites', at('fifo.yaml')), message: /is a FIFO/ },
  {
    name: 'scan folder',
    args: () => site('--scan-file', dir),
    message: /--scan-file .* is a folder, not a file/,
  },
  {
    name: 'wifi scan folder',
    args: () => ['wifi', '--scan-file', dir],
    message: /a folder\) are replayed only with --watch/,
  },
  { name: 'sites folder', args: () => site('--sites', dir), message: /sites file .* is a folder/ },
  { name: 'report folder', args: () => ['report', dir], message: /report .* is a folder/ },
  { name: 'profile folder', args: () => site('-p', `${dir}/`), message: /profile file .* is a folder/ },
  // Sizes: the limit per kind, whatever the file claims.
  {
    name: '50 MB scan',
    args: () => site('--scan-file', at('big-scan.txt')),
    message: /is 50 MiB; the limit is 16 MiB/,
  },
  {
    name: '10 MB YAML profile',
    args: () => site('-p', at('big-profile.yaml')),
    message: /profile file .* is 10 MiB; the limit is 1 MiB/,
  },
  // Contents.
  {
    name: 'empty scan',
    args: () => site('--scan-file', at('empty.txt')),
    message: /not a Wi-Fi scan zapcheck knows/,
  },
  {
    name: 'arp listing as scan (site)',
    args: () => site('--scan-file', fixture('linux/arp-a-linux-ntc-incomplete.txt')),
    message: /--scan-file: .* is not a Wi-Fi scan zapcheck knows/,
  },
  {
    name: 'arp listing as scan (wifi)',
    args: () => ['wifi', '--scan-file', fixture('linux/arp-a-linux-ntc-incomplete.txt')],
    message: /--scan-file: .* is not a Wi-Fi scan zapcheck knows/,
  },
  {
    name: 'binary profile',
    args: () => site('-p', at('garbage.yaml')),
    message: /profile file .* is not a text file/,
  },
  {
    name: 'binary report',
    args: () => ['report', at('garbage.json')],
    message: /report .* is not a text file/,
  },
  { name: 'binary scan', args: () => site('--scan-file', at('garbage.json')), message: /is not a text file/ },
  {
    name: 'UTF-16 without BOM profile',
    args: () => site('-p', at('utf16-nobom.yaml')),
    message: /profile file .* is not a text file/,
  },
  {
    name: 'UTF-16 BOM, odd length',
    args: () => site('--sites', at('utf16-odd.yaml')),
    message: /sites file .* is not a text file/,
  },
  {
    name: 'UTF-16 BOM profile with an unknown field',
    args: () => site('-p', at('utf16-bom.yaml')),
    message: /invalid profile .*\n.*unknown field "bogus"/,
  },
  {
    name: '200,000 nested [ (JSON profile)',
    args: () => site('-p', at('deep.json')),
    message: /profile file .* nests more than 64 levels deep/,
  },
  {
    name: '200,000 nested [ (YAML profile)',
    args: () => site('-p', at('deep.yaml')),
    message: /nests more than 64 levels/,
  },
  {
    name: 'nested [ (sites file)',
    args: () => site('--sites', at('deep.yaml')),
    message: /sites file .* nests more than 64/,
  },
  {
    name: 'nested [ (report)',
    args: () => ['report', at('deep.json')],
    message: /report .* nests more than 64/,
  },
  {
    name: 'YAML alias bomb (sites)',
    args: () => site('--sites', at('bomb.yaml')),
    message: /bomb\.yaml:1:1: the YAML is not valid here: too many aliases \(\*name\)/,
  },
  {
    name: 'YAML alias bomb (profile)',
    args: () => site('-p', at('bomb.yaml')),
    message: /bomb\.yaml:1:1: the YAML is not valid here: too many aliases \(\*name\)/,
  },
  {
    name: '20,000 sites, unknown name',
    args: () => ['site', 'nowhere', '--lab', '--sites', at('sites-20k.yaml')],
    message: /"nowhere" is not in/,
  },
  // Paths.
  {
    name: 'symlink loop (profile)',
    args: () => site('-p', at('loop-a')),
    message: /too many symbolic links/,
  },
  {
    name: 'symlink loop (scan)',
    args: () => site('--scan-file', at('loop-a')),
    message: /too many symbolic links/,
  },
  {
    name: 'path with ..',
    args: () => site('-p', `${dir}/missing/../../nope.yaml`),
    message: /profile file .*missing\/\.\.\/\.\.\/nope\.yaml not found/,
  },
  {
    name: 'missing trust roots',
    args: () => site('--trust-roots', '/nonexistent.pem'),
    message: /--trust-roots \/nonexistent\.pem not found/,
  },
  {
    name: 'trust roots without a certificate',
    args: () => site('--trust-roots', at('empty.txt')),
    message: /--trust-roots: .* holds no PEM certificate/,
  },
  {
    name: 'profile trust pem missing',
    args: () => site('-p', at('pem-profile.yaml')),
    message: /profile trust for api\.zaptec\.com .*nope\.pem not found/,
  },
  // Output places: checked before the run.
  {
    name: '--json in a missing folder',
    args: () => site('--json', '/nonexistent/x.json'),
    message: /the folder \/nonexistent does not exist/,
  },
  {
    name: '--json a folder',
    args: () => site('--json', dir),
    message: /--json .* is a folder; give a file name/,
  },
  {
    name: 'report -o in a missing folder',
    args: () => ['report', at('nothing.json'), '-o', '/nonexistent/x.html'],
    message: /--output \/nonexistent\/x\.html: the folder \/nonexistent does not exist/,
  },
  {
    name: '--reports-dir /proc/nope',
    args: () => site('--reports-dir', '/proc/nope'),
    message: /--reports-dir \/proc\/nope: cannot create/,
  },
  {
    name: '--reports-dir under a file',
    args: () => site('--reports-dir', `${at('empty.txt')}/runs`),
    message: /--reports-dir .* is not a folder/,
  },
  {
    name: '--json into /proc (fails only when written)',
    args: () => site('--json', '/proc/zapcheck-report.json'),
    message: /--json(: could not write| \/proc\/zapcheck-report\.json: the folder \/proc is not writable)/,
  },
  // Values.
  {
    name: '--dhcp-range garbage (site)',
    args: () => site('--dhcp-range', 'garbage'),
    message: /--dhcp-range "garbage" is not a range/,
  },
  {
    name: '--dhcp-range garbage (dhcp)',
    args: () => ['dhcp', '--dhcp-range', 'garbage'],
    message: /--dhcp-range "garbage" is not a range/,
  },
  {
    name: '--dhcp-range reversed',
    args: () => site('--dhcp-range', '10.0.0.200-10.0.0.100'),
    message: /the last address comes before the first/,
  },
  { name: "--json ''", args: () => site('--json', ''), message: /--json: an empty value is not allowed/ },
  { name: "--ssid ''", args: () => site('--ssid', ''), message: /--ssid: an empty value is not allowed/ },
  { name: "-p ''", args: () => site('-p', ''), message: /--profile: an empty value is not allowed/ },
  {
    name: '--ssid of 33 bytes',
    args: () => site('--ssid', 'x'.repeat(33)),
    message: /--ssid: a Wi-Fi network name is 1 to 32 bytes/,
  },
  {
    name: 'dhcp --interface nope',
    args: () => ['dhcp', '--interface', 'nope0'],
    message: /--interface "nope0": this computer has no such/,
  },
];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-hostile-'));
  execFileSync('mkfifo', [at('fifo'), at('fifo.yaml')]);
  writeFileSync(at('empty.txt'), '');
  writeFileSync(at('big-scan.txt'), '');
  truncateSync(at('big-scan.txt'), 50 * MiB); // sparse: the size is refused before anything is read
  const line = `  ${'y'.repeat(97)}\n`;
  writeFileSync(
    at('big-profile.yaml'),
    `id: x\nname: x\nendpoints: []\ndescription: |\n${line.repeat((10 * MiB) / line.length)}`,
  );
  // Binary garbage from a fixed seed (a linear congruential generator), NUL bytes included.
  const bytes = Buffer.alloc(4096);
  for (let i = 0, x = 12345; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  bytes[10] = 0;
  writeFileSync(at('garbage.yaml'), bytes);
  writeFileSync(at('garbage.json'), bytes);
  const profileText = 'id: u16\nname: UTF-16\nbogus: 1\nendpoints: []\n';
  writeFileSync(at('utf16-nobom.yaml'), Buffer.from(profileText, 'utf16le'));
  writeFileSync(
    at('utf16-bom.yaml'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(profileText, 'utf16le')]),
  );
  writeFileSync(
    at('utf16-odd.yaml'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('sites: {}', 'utf16le'), Buffer.from([0x41])]),
  );
  writeFileSync(at('deep.json'), `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
  writeFileSync(at('deep.yaml'), '['.repeat(200_000));
  let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
  for (let i = 0, prev = 'a'; i < 9; prev = `b${i}`, i++)
    bomb += `b${i}: &b${i} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
  writeFileSync(at('bomb.yaml'), `${bomb}sites:\n  X:\n    chargers: 1\n`);
  let sites = 'sites:\n';
  for (let i = 0; i < 20_000; i++) sites += `  site-${i}:\n    chargers: ${i % 50}\n`;
  writeFileSync(at('sites-20k.yaml'), sites);
  symlinkSync(at('loop-b'), at('loop-a'));
  symlinkSync(at('loop-a'), at('loop-b'));
  writeFileSync(
    at('pem-profile.yaml'),
    'id: pem\nname: PEM\nendpoints:\n  - { host: api.zaptec.com, port: 443, protocol: https, trust: { pem: nope.pem } }\n',
  );
  mkdirSync(at('sub'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile inputs to the CLI', () => {
  it(`has at least 40 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it(
    'every one: exit 2, the message, no stack trace, within 10 s and 300 MB',
    { timeout: 240_000 },
    async () => {
      const runs = await inPool(CASES, 2, (c) =>
        runCli(c.args(), {
          cwd: dir,
          // A hang guard only: the bound below is on the time the CLI was run, not on the OS's queue.
          timeoutMs: 60_000,
          measureMemory: true,
          measureStarvation: true,
          env: { LANG: 'C', LC_ALL: '' },
        }),
      );
      const problems: string[] = [];
      CASES.forEach((c, i) => {
        const r = runs[i] as CliRun;
        const what = `${c.name}: exit ${r.code ?? r.signal}, ${Math.round(r.ms)} ms (${Math.round(r.starvedMs ?? 0)} ms waiting for a CPU), ${Math.round(r.maxRssMb ?? -1)} MB\n${r.stderr}`;
        if (r.code !== 2) problems.push(`not exit 2 — ${what}`);
        else if (!c.message.test(r.stderr)) problems.push(`message ${String(c.message)} missing — ${what}`);
        else if (STACK.test(r.stderr) || /internal error/.test(r.stderr))
          problems.push(`stack trace — ${what}`);
        // Within 10 s of its own time: the run-queue wait the OS imposed on a loaded machine is excused.
        else if (r.ms > MAX_MS + (r.starvedMs ?? 0)) problems.push(`too slow — ${what}`);
        else if (r.maxRssMb === undefined || r.maxRssMb > MAX_RSS_MB) problems.push(`memory — ${what}`);
      });
      expect(problems).toEqual([]);
    },
  );
});
