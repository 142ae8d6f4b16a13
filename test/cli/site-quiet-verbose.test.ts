import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { flattenEvidence } from '../../src/report/terminal.js';

/** `site --quiet` (the verdict line and the exit code) and `site --verbose` (times, addresses, raw evidence). */

describe('site --quiet', () => {
  it('prints the verdict line only; the exit code says the rest', async () => {
    const ok = await runCli(['site', '--deadline', '20', '--lab', '--quiet']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^READY \(not checked: Wi-Fi, DHCP\) {2}2 skipped, 20 passed {2}\(.+\)\n$/);
    expect(ok.stderr).toBe('');
    const bad = await runCli(['site', '--deadline', '20', '--lab', 'tls-intercepted', '-q']);
    expect(bad.code).toBe(1);
    expect(bad.stdout.split('\n')).toHaveLength(2);
    expect(bad.stdout).toMatch(/^NOT READY {2}/);
  });

  it('with --json -: the JSON on stdout, the verdict line alone on stderr', async () => {
    const run = await runCli(['site', '--deadline', '20', '--lab', '-q', '--json', '-']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { verdict: string }).verdict).toBe('ready');
    expect(run.stderr).toMatch(/^READY [^\n]*\n$/);
  });

  it('errors still reach stderr with exit 2', async () => {
    const run = await runCli(['site', '--deadline', '20', '--lab', 'nope', '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown lab scenario "nope"');
    expect(run.stdout).toBe('');
  });

  it('--quiet and --verbose together are a usage error (exit 2), in Italian too', async () => {
    const run = await runCli(['site', '--deadline', '20', '--lab', '--quiet', '--verbose']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("option '-q, --quiet' cannot be used with option '-v, --verbose'");
    const it = await runCli(['site', '--deadline', '20', '--lab', '-v', '-q', '--lang', 'it']);
    expect(it.code).toBe(2);
    expect(it.stderr).toContain('non si può usare insieme a');
  });
});

describe('site --verbose', () => {
  it('adds each check’s time, addresses and raw evidence, within the width', async () => {
    const run = await runCli(['site', '--deadline', '20', '--lab', '--verbose'], { env: { COLUMNS: '80' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Details (--verbose)');
    expect(run.stdout).toMatch(/^ {2}tcp:api\.zaptec\.com:443 {2}pass OK {2}\d+ ms$/m);
    expect(run.stdout).toMatch(/^ {4}remote: 127\.0\.0\.1:\d+$/m);
    expect(run.stdout).toMatch(/^ {4}addresses: 198\.51\.100\.\d+$/m);
    expect(run.stdout).toMatch(/^ {4}protocol: TLSv1\.[23]$/m);
    // The verdict and the remediation stay at the end.
    expect(run.stdout.indexOf('Details (--verbose)')).toBeLessThan(run.stdout.indexOf('\nREADY'));
    for (const line of run.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    const plain = await runCli(['site', '--deadline', '20', '--lab']);
    expect(plain.stdout).not.toContain('Details (--verbose)');
  });

  it('flattens evidence to path: value lines, network text escaped (keys too)', () => {
    expect(
      flattenEvidence({
        resolvers: [{ server: '127.0.0.1:53', addresses: ['192.0.2.1', '192.0.2.2'] }],
        headers: { 'x-\u001b[31mred': 'a\u001b[2Jb' },
        none: [],
        gone: undefined,
      }),
    ).toEqual([
      'resolvers[0].server: 127.0.0.1:53',
      'resolvers[0].addresses: 192.0.2.1, 192.0.2.2',
      'headers.x-\\x1b[31mred: a\\x1b[2Jb',
      'none: []',
    ]);
  });
});

describe('--quiet for wifi and dhcp', () => {
  const scan = 'fixtures/platform/linux/nmcli-dev-wifi-list-nmtestsuite-tabular-C-6ghz.txt';

  it('wifi --quiet: the verdict of the full output alone, same exit code', async () => {
    const full = await runCli(['wifi', '--scan-file', scan, '--ssid', 'wlan0-ap-2']);
    const quiet = await runCli(['wifi', '--scan-file', scan, '--ssid', 'wlan0-ap-2', '--quiet']);
    expect(quiet.code).toBe(1);
    expect(quiet.code).toBe(full.code);
    expect(quiet.stdout).toMatch(/^Verdict: FAIL WIFI_NO_24GHZ: /);
    expect(full.stdout).toContain(quiet.stdout);
    expect(quiet.stdout).not.toContain('Networks');
    const watch = await runCli(['wifi', '--scan-file', scan, '--quiet', '--watch']);
    expect(watch.code).toBe(2);
  });

  it('dhcp --quiet: one verdict line (this machine’s own addressing, read only)', async () => {
    const quiet = await runCli(['dhcp', '--quiet']);
    expect(quiet.stdout).toMatch(/^[A-Z]+ dhcp [A-Z0-9_]+: /);
    expect(quiet.stdout).not.toMatch(/^\s+interface /m);
  });
});
