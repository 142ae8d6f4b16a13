import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wifiFamily } from '../../../src/checks/wifi/index.js';
import type { SiteContext } from '../../../src/core/context.js';
import { probeOk } from '../../../src/core/errors.js';
import { createTranslator, type Lang } from '../../../src/i18n/index.js';
import { parseScanText } from '../../../src/platform/wifi/detect.js';
import type { WifiScan } from '../../../src/platform/wifi/types.js';
import type { Probes } from '../../../src/probes/types.js';
import { ZAPTEC_PRO } from '../../../src/profile/builtin.js';
import { normalizeProfile } from '../../../src/profile/load.js';

const root = path.resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-unread-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Derived from a real capture (fixtures/platform/windows/netsh-wlan-networks-bssid-de-heatmapper.txt): every
// line indented deeper than the BSSID lines removed, so the 5 SSID blocks keep their shape but no network
// can be placed on a channel: what a scan in a language zapcheck cannot read comes down to.
const unreadable = readFileSync(
  path.join(root, 'fixtures/platform/windows/netsh-wlan-networks-bssid-de-heatmapper.txt'),
  'utf8',
)
  .split('\n')
  .filter((l) => !/^\s{4,}/.test(l) || /^\s{3}\S/.test(l))
  .join('\n');

function ctx(lang: Lang): SiteContext {
  return {
    lang,
    t: createTranslator(lang),
    profile: normalizeProfile(ZAPTEC_PRO, 'builtin'),
    options: { mqttConnect: false, strict: false, extra: {}, ssid: 'Garage' },
  } as unknown as SiteContext;
}

async function runCheck(lang: Lang, scan: WifiScan) {
  const [check] = wifiFamily.plan(ctx(lang));
  if (!check) throw new Error('no wifi check planned');
  const probes = { wifiScan: () => Promise.resolve(probeOk(scan, 3)) } as unknown as Probes;
  return check.run({ ctx: ctx(lang), probes, deps: {}, budgetMs: 1000 });
}

function zapcheck(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'bin/zapcheck.js'), ...args],
      { cwd: root, env: { ...process.env, NO_COLOR: '1' } },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('a scan zapcheck cannot read says so, not "0 networks"', () => {
  it('the wifi check names the blocks skipped and the command that saves the scan to send in', async () => {
    const parsed = parseScanText(unreadable);
    const scan: WifiScan = {
      ...parsed,
      source: { kind: 'command', command: 'netsh wlan show networks mode=bssid' },
    };
    const en = await runCheck('en', scan);
    expect(en.summary).toBe(
      'this looks like a netsh scan in a language zapcheck does not read; 5 block(s) skipped',
    );
    expect(en.remediation[0]?.text).toContain('netsh wlan show networks mode=bssid > wifi-scan.txt');
    expect(en.remediation[0]?.text).toContain('send wifi-scan.txt');
    expect(JSON.stringify(en.evidence)).toContain('"unread":{"blocks":5');
    const it_ = await runCheck('it', scan);
    expect(it_.summary).toBe(
      'sembra una scansione netsh in una lingua che zapcheck non legge; 5 blocchi saltati',
    );
    expect(it_.remediation[0]?.text).toMatch(/^Salvare la scansione con `netsh wlan show networks/);
    // The verdict itself is the empty scan's, unchanged.
    expect(en.status).toBe('skip');
  });

  it('a driver that gives no BSSID details gets its own advice, in Italian too', async () => {
    const text = readFileSync(
      path.join(
        root,
        'fixtures/platform/windows/netsh-wlan-networks-en-no-bssid-blocks-nodewifiscanner-issue5.txt',
      ),
      'utf8',
    );
    const scan: WifiScan = { ...parseScanText(text), source: { kind: 'text' } };
    const en = await runCheck('en', scan);
    expect(en.summary).toBe('netsh lists 1 network but without their BSSID details (channel, signal)');
    expect(en.remediation[0]?.text).toMatch(/update the Wi-Fi driver/);
    const it_ = await runCheck('it', scan);
    expect(it_.summary).toBe('netsh elenca 1 rete ma senza i dettagli dei BSSID (canale, segnale)');
  });

  it('zapcheck wifi --scan-file names that file, in Italian and in the JSON', async () => {
    const file = path.join(tmp, 'scansione.txt');
    writeFileSync(file, unreadable);
    const it_ = await zapcheck(['wifi', '--scan-file', file, '--lang', 'it']);
    expect(it_.stderr).toBe('');
    // The terminal wraps to its width: read the words, not the line breaks.
    const words = it_.stdout.replace(/\s+/g, ' ');
    expect(words).toContain(
      'sembra una scansione netsh in una lingua che zapcheck non legge; 5 blocchi saltati',
    );
    expect(words).toContain(`Inviare ${file} ai manutentori di zapcheck`);
    const json = await zapcheck(['wifi', '--scan-file', file, '--json', '-']);
    const report = JSON.parse(json.stdout) as {
      scan: { unread?: { blocks: number; file: string } };
      advice: { summary: string };
    };
    expect(report.scan.unread).toEqual({ blocks: 5, why: 'language', file });
    expect(report.advice.summary).toMatch(/looks like a netsh scan in a language zapcheck does not read/);
  });
});
