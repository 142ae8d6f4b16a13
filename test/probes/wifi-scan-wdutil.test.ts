import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunTool, RunToolResult } from '../../src/platform/exec.js';
import { createWifiScanProbe } from '../../src/probes/wifi-scan.js';

const fixture = (f: string): string =>
  readFileSync(new URL(`../../fixtures/platform/${f}`, import.meta.url), 'utf8');
const ok = (stdout: string): RunToolResult => ({ ok: true, stdout, stderr: '', code: 0 });

function fakeRun(answers: Record<string, RunToolResult>): RunTool & { calls: string[] } {
  const calls: string[] = [];
  const fn = ((file: string, args: readonly string[]): Promise<RunToolResult> => {
    const key = [file, ...args].join(' ');
    calls.push(key);
    const hit = Object.entries(answers).find(([k]) => key.startsWith(k));
    return Promise.resolve(hit ? hit[1] : { ok: false, error: 'NOT_FOUND', message: `${file}: not found` });
  }) as unknown as RunTool & { calls: string[] };
  fn.calls = calls;
  return fn;
}

describe('wifiScan probe on macOS reads wdutil info for the connected network', () => {
  it('with no list of networks, wdutil alone gives the connected network: channel, RSSI, security', async () => {
    const run = fakeRun({ 'wdutil info': ok(fixture('macos/wdutil-info-heatmapper-macos12-2.4ghz.txt')) });
    const r = await createWifiScanProbe({ platform: 'darwin', runTool: run })({ timeoutMs: 1000 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.source).toEqual({ kind: 'command', command: 'wdutil info' });
    expect(r.value.records).toEqual([
      expect.objectContaining({
        ssid: 'SomeSSID-2.4',
        channel: 1,
        band: '2.4',
        signalDbm: -55,
        security: ['open'],
        connected: true,
      }),
    ]);
  });

  it('a Mac that is not associated adds nothing: the scan failure stays what it was', async () => {
    const run = fakeRun({ 'wdutil info': ok(fixture('macos/wdutil-info-heatmapper-not-associated.txt')) });
    const r = await createWifiScanProbe({ platform: 'darwin', runTool: run })({ timeoutMs: 1000 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.cause).toMatchObject({ reason: 'NO_SCANNER' });
    expect(run.calls).toContain('wdutil info');
  });

  it('asks wdutil when system_profiler gives no BSSID, and never merges a different radio', async () => {
    const run = fakeRun({
      system_profiler: ok(fixture('macos/system_profiler-json-SPAirPortDataType-heatmapper-15.5.json')),
      // A capture on channel 1 while system_profiler's connected network is on channel 6: not the same radio.
      'wdutil info': ok(fixture('macos/wdutil-info-heatmapper-macos15-2.4ghz-redacted.txt')),
    });
    const r = await createWifiScanProbe({ platform: 'darwin', runTool: run })({ timeoutMs: 1000 });
    expect(run.calls).toContain('wdutil info');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const connected = r.value.records.filter((x) => x.connected);
    expect(connected).toEqual([expect.objectContaining({ ssid: 'SSID-2', channel: 6, bssid: null })]);
  });

  it('does not run wdutil when system_profiler already gave the connected BSSID and signal', async () => {
    const run = fakeRun({
      system_profiler: ok(fixture('macos/system_profiler-json-SPAirPortDataType-heatmapper-10.15.7.json')),
    });
    const r = await createWifiScanProbe({ platform: 'darwin', runTool: run })({ timeoutMs: 1000 });
    expect(r.ok).toBe(true);
    expect(run.calls.some((c) => c.startsWith('wdutil'))).toBe(false);
  });
});

describe('mergeWdutil', () => {
  it('fills what system_profiler left out on the same radio, and keeps what it said', async () => {
    const { mergeWdutil } = await import('../../src/probes/wifi-scan.js');
    const { parseWdutilInfo } = await import('../../src/platform/wifi/macos.js');
    const wd = parseWdutilInfo(fixture('macos/wdutil-info-heatmapper-macos12-2.4ghz.txt'));
    // A constructed system_profiler record (a data structure, not an OS output): the same SSID and channel,
    // without BSSID or signal, as macOS 15 system_profiler prints the current network.
    const scan = {
      format: 'system-profiler-json' as const,
      tool: 'system_profiler -json SPAirPortDataType',
      notes: [],
      records: [
        {
          ssid: 'SomeSSID-2.4',
          bssid: null,
          band: '2.4' as const,
          channel: 1,
          frequencyMhz: 2412,
          signalDbm: null,
          signalSource: 'none' as const,
          security: ['wpa2-personal' as const],
          securityRaw: 'spairport_security_mode_wpa2_personal',
          connected: true,
          hidden: false,
        },
      ],
    };
    const merged = mergeWdutil(scan, wd);
    expect(merged.records[0]).toMatchObject({
      bssid: 'fe:dc:ba:09:87:65',
      signalDbm: -55,
      signalSource: 'dbm',
      widthMhz: 20,
      security: ['wpa2-personal'],
    });
    expect(merged.notes).toContain('connected network completed from wdutil info');
  });
});
