import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunTool, RunToolResult } from '../../src/platform/exec.js';
import { createWifiScanProbe, wifiScanProbeFor } from '../../src/probes/wifi-scan.js';

const fixture = (f: string): string =>
  readFileSync(new URL(`../../fixtures/platform/${f}`, import.meta.url), 'utf8');

/** A fake runTool answering by command name; records what was run. */
function fakeRun(answers: Record<string, RunToolResult>): RunTool & { calls: string[][] } {
  const calls: string[][] = [];
  const fn = ((file: string, args: readonly string[]): Promise<RunToolResult> => {
    calls.push([file, ...args]);
    const key = [file, ...args].join(' ');
    const hit = Object.entries(answers).find(([k]) => key.startsWith(k));
    const missing: RunToolResult = { ok: false, error: 'NOT_FOUND', message: `${file}: command not found` };
    return Promise.resolve(hit ? hit[1] : missing);
  }) as unknown as RunTool & { calls: string[][] };
  fn.calls = calls;
  return fn;
}
const ok = (stdout: string): RunToolResult => ({ ok: true, stdout, stderr: '', code: 0 });

describe('wifiScan probe', () => {
  it('Linux without a wireless interface: NO_ADAPTER, nothing run', async () => {
    const run = fakeRun({});
    const r = await createWifiScanProbe({ platform: 'linux', runTool: run, listWifiInterfaces: () => [] })({
      timeoutMs: 1000,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.cause).toMatchObject({ reason: 'NO_ADAPTER' });
    expect(run.calls).toEqual([]);
  });

  it('Linux with no scanner installed: NO_SCANNER with a command that would work', async () => {
    const r = await createWifiScanProbe({
      platform: 'linux',
      runTool: fakeRun({}),
      listWifiInterfaces: () => ['wlan0'],
    })({
      timeoutMs: 1000,
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.cause).toMatchObject({ reason: 'NO_SCANNER', hint: expect.stringMatching(/iw/) });
  });

  it('Linux: nmcli first, with its field list and no shell', async () => {
    const text = fixture('linux/nmcli-t-dev-wifi-list-nodewifi.txt').split('\n').slice(1).join('\n');
    // The probe asks for its own fields; feed it a matching line.
    const line = ' :Garage:02\\:00\\:00\\:00\\:00\\:01:Infra:6:2437 MHz:80:WPA2:pair_ccmp group_ccmp psk\n';
    const run = fakeRun({ nmcli: ok(line) });
    const r = await createWifiScanProbe({
      platform: 'linux',
      runTool: run,
      listWifiInterfaces: () => ['wlan0'],
    })({ timeoutMs: 1000 });
    expect(text.length).toBeGreaterThan(0);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.records[0]).toMatchObject({ ssid: 'Garage', channel: 6, signalDbm: -52 });
    expect(run.calls[0]?.[0]).toBe('nmcli');
  });

  it('Linux: falls back to iw scan dump when a fresh iw scan is not permitted', async () => {
    const run = fakeRun({
      'iw dev wlan0 scan dump': ok(fixture('linux/iw-dev-scan-jc-scan0.txt')),
      'iw dev wlan0 scan': {
        ok: false,
        error: 'DENIED',
        message: 'iw dev wlan0 scan: exit 255: Operation not permitted (-1)',
      },
      'iw dev': ok('phy#0\n\tInterface wlan0\n'),
    });
    const r = await createWifiScanProbe({ platform: 'linux', runTool: run, listWifiInterfaces: () => null })({
      timeoutMs: 1000,
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.source).toEqual({ kind: 'command', command: 'iw dev wlan0 scan dump' });
  });

  it('Windows: netsh networks plus interfaces marks the connected BSS', async () => {
    const run = fakeRun({
      'netsh wlan show networks': ok(fixture('windows/netsh-wlan-networks-bssid-en-heatmapper.txt')),
      'netsh wlan show interfaces': ok(fixture('windows/netsh-wlan-show-interfaces-en-heatmapper.txt')),
    });
    const r = await createWifiScanProbe({ platform: 'win32', runTool: run })({ timeoutMs: 1000 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.records.find((x) => x.connected)).toMatchObject({ bssid: 'fe:dc:ba:09:87:02' });
  });

  it('a timeout says so', async () => {
    const run = fakeRun({ nmcli: { ok: false, error: 'TIMEOUT', message: 'nmcli: no result within 5 ms' } });
    const r = await createWifiScanProbe({
      platform: 'linux',
      runTool: run,
      listWifiInterfaces: () => ['wlan0'],
    })({ timeoutMs: 5 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('TIMEOUT');
  });

  it('reads a scan file given in the site options and says which tool made it', async () => {
    const probe = wifiScanProbeFor({
      options: {
        extra: {
          scanFile: new URL('../../fixtures/platform/macos/airport-s-jc-10.14.6.txt', import.meta.url)
            .pathname,
        },
      },
    });
    const r = await probe({ timeoutMs: 1000 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ format: 'airport-scan', source: { kind: 'file' } });
  });

  it('a file that is not a scan is BAD_FILE', async () => {
    const r = await createWifiScanProbe({
      platform: 'linux',
      runTool: fakeRun({}),
      scanFile: 'x',
      readScanFile: () => Promise.resolve('hello'),
    })({
      timeoutMs: 1000,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.cause).toMatchObject({ reason: 'BAD_FILE' });
  });
});
