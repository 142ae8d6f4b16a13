import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectScanFormat } from '../../src/platform/wifi/detect.js';

/** `zapcheck wifi` end to end through the built CLI (test/global-setup.ts builds dist/ first). */
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/zapcheck.js');

function zapcheck(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: root, env: { ...process.env, NO_COLOR: '1', ...env } },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

const scanFixtures = ['linux', 'macos', 'windows'].flatMap((os) =>
  readdirSync(path.join(root, 'fixtures/platform', os))
    .map((f) => `fixtures/platform/${os}/${f}`)
    .filter((f) => detectScanFormat(readFileSync(path.join(root, f), 'utf8')) !== 'unknown'),
);

describe('zapcheck wifi --scan-file (built CLI)', () => {
  it('finds the scan fixtures', () => {
    expect(scanFixtures.length).toBeGreaterThanOrEqual(45);
  });

  for (const f of scanFixtures) {
    it(`analyses ${f}`, async () => {
      const r = await zapcheck(['wifi', '--scan-file', f, '--json', '-']);
      expect(r.stderr).toBe('');
      expect([0, 1]).toContain(r.code);
      const report = JSON.parse(r.stdout) as {
        schemaVersion: number;
        scan: { format: string; formatName: string };
        advice: {
          status: string;
          cause: string;
          chart: { channels: unknown[] };
          target: { selectedBy: string };
        };
      };
      expect(report.schemaVersion).toBe(1);
      expect(report.scan.format).toBe(detectScanFormat(readFileSync(path.join(root, f), 'utf8')));
      expect(report.advice.chart.channels.length).toBeGreaterThanOrEqual(13);
      expect(r.code).toBe(report.advice.status === 'fail' ? 1 : 0);
      // No --ssid and no connected network in the scan: one verdict whichever scanner made it, not
      // checked (never a pass because some visible network would suit, never a fail of the site).
      if (report.advice.target.selectedBy === 'all-visible') {
        expect({ status: report.advice.status, code: r.code }).toEqual({ status: 'skip', code: 0 });
        expect(['WIFI_NO_SSID', 'WIFI_NO_SCAN']).toContain(report.advice.cause);
      }
    });
  }

  it('prints verdict lines and the channel chart in plain text, exit 1 on a failing network', async () => {
    const r = await zapcheck([
      'wifi',
      '--scan-file',
      'fixtures/platform/linux/iwlist-scan-accesspoints.txt',
      '--ssid',
      'Ziggo',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL\s+WIFI_CHANNEL_OUT_OF_RANGE/);
    expect(r.stdout).toMatch(/set a fixed channel 1, 6 or 11/);
    expect(r.stdout).toMatch(/> {1,2} *13 \| #+/);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('says which tool produced the file', async () => {
    const r = await zapcheck([
      'wifi',
      '--scan-file',
      'fixtures/platform/windows/netsh-wlan-networks-bssid-de-heatmapper.txt',
    ]);
    expect(r.stdout).toMatch(/netsh wlan show networks mode=bssid \(Windows\)/);
  });

  it('bad input is a usage error (exit 2)', async () => {
    expect((await zapcheck(['wifi', '--scan-file', 'no-such-file.txt'])).code).toBe(2);
    expect((await zapcheck(['wifi', '--scan-file', 'package.json'])).code).toBe(2);
    expect((await zapcheck(['wifi', '--profile', 'nope'])).code).toBe(2);
  });

  it('where no scanner can run, the scan is skipped with its reason and the --scan-file hint, exit 0', async () => {
    // An empty PATH: nmcli, iw, iwlist (system_profiler, netsh) cannot be found whatever this machine has,
    // so the test neither depends on a Wi-Fi adapter nor scans with one.
    const r = await zapcheck(['wifi', '--json', '-'], {
      PATH: mkdtempSync(path.join(tmpdir(), 'zapcheck-nopath-')),
    });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      advice: { status: string; cause: string; summary: string };
      scan: { unavailable?: { reason: string; hint: string } };
    };
    expect(report.advice).toMatchObject({ status: 'skip', cause: 'WIFI_NO_SCAN' });
    expect(report.scan.unavailable?.reason).toMatch(/NO_ADAPTER|NO_SCANNER/);
    expect(report.scan.unavailable?.hint).toMatch(/--scan-file/);
  });
});
