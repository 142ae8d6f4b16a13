import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adviseWifi } from '../../src/checks/wifi/advice.js';
import type { RunTool, RunToolResult } from '../../src/platform/exec.js';
import { createWifiScanProbe } from '../../src/probes/wifi-scan.js';
import { ZAPTEC_PRO } from '../../src/profile/builtin.js';
import { normalizeProfile } from '../../src/profile/load.js';

const fixture = (f: string): string =>
  readFileSync(new URL(`../../fixtures/platform/${f}`, import.meta.url), 'utf8');
const ok = (stdout: string): RunToolResult => ({ ok: true, stdout, stderr: '', code: 0 });
/** The probe reads netsh as bytes (latin1 strings) and decodes them: give it the capture's UTF-8 bytes. */
const bytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

function fakeRun(answers: Record<string, RunToolResult>): RunTool {
  return (file: string, args: readonly string[]): Promise<RunToolResult> => {
    const key = [file, ...args].join(' ');
    const hit = Object.entries(answers).find(([k]) => key.startsWith(k));
    return Promise.resolve(hit ? hit[1] : { ok: false, error: 'NOT_FOUND', message: `${file}: not found` });
  };
}

describe('Windows in French: the connected network from netsh wlan show interfaces picks the site network', () => {
  it('marks the BSS the French interfaces listing names, and the advice takes it without --ssid', async () => {
    // Two captures of the same anonymised laptop (wifi-heatmapper): the interfaces listing names AP BSSID
    // fe:dc:ba:09:87:02, which the networks listing has under SSID-1.
    const run = fakeRun({
      'netsh wlan show networks': ok(bytes(fixture('windows/netsh-wlan-networks-bssid-fr-heatmapper.txt'))),
      'netsh wlan show interfaces': ok(
        bytes(fixture('windows/netsh-wlan-show-interfaces-fr-heatmapper.txt')),
      ),
    });
    const r = await createWifiScanProbe({ platform: 'win32', runTool: run })({ timeoutMs: 1000 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.tool).toBe('netsh wlan show networks mode=bssid (French)');
    const connected = r.value.records.filter((x) => x.connected);
    expect(connected).toEqual([expect.objectContaining({ ssid: 'SSID-1', bssid: 'fe:dc:ba:09:87:02' })]);
    const advice = adviseWifi(r.value.records, normalizeProfile(ZAPTEC_PRO, 'builtin').wifi);
    expect(advice.target).toMatchObject({ ssid: 'SSID-1', selectedBy: 'connected' });
  });
});
