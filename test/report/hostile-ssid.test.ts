import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPool, ROOT, runCli } from '../helpers/cli.js';
import { REPORT_FORMATS } from '../../src/report/index.js';

/**
 * An SSID anyone in radio range can set, through every output zapcheck has: the terminal reports of `site`
 * and `wifi`, their JSON (file and stdout), and every `zapcheck report` format. None may carry a raw control
 * (ESC, BEL, the 8-bit CSI U+009B), bidi override, line separator or zero-width character; the people's
 * formats show them visibly (`\x1b`, `<U+202E>`), JSON as \u escapes with the exact value when parsed.
 *
 * The scan is a recorded nmcli output (fixtures/platform/linux/nmcli-t-dev-wifi-list-nodewifi.txt) with one
 * SSID, EBOX_6070, replaced here by the hostile name; the site name hides a zero-width space and a bidi override.
 */

const HOSTILE = 'E\u001b]0;p\u0007\u009b\u202e\u2028\u200bX';
const SITE = 'Gar\u200bage\u202e Nord';
// Anything of these raw in an output is a failure (newline, tab and CR are layout).
const RAW =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

let dir: string;
const at = (n: string): string => path.join(dir, n);

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-ssid-'));
  const recorded = readFileSync(
    path.join(ROOT, 'fixtures/platform/linux/nmcli-t-dev-wifi-list-nodewifi.txt'),
    'utf8',
  );
  expect(recorded).toContain('EBOX_6070');
  writeFileSync(at('scan.txt'), recorded.replace('EBOX_6070', HOSTILE));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function expectSafe(label: string, text: string): void {
  const m = RAW.exec(text);
  expect(
    m && `${label}: raw U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${m.index}`,
  ).toBeNull();
}

describe('a hostile SSID through every output format', () => {
  it('site and wifi: terminal and JSON', { timeout: 120_000 }, async () => {
    const site = ['site', SITE, '--lab', '--scan-file', at('scan.txt'), '--ssid', HOSTILE];
    const [term, json, wifiTerm, wifiJson] = await inPool(
      [
        [...site, '--json', at('site.json')],
        [...site, '--json', '-'],
        ['wifi', '--scan-file', at('scan.txt'), '--ssid', HOSTILE],
        ['wifi', '--scan-file', at('scan.txt'), '--ssid', HOSTILE, '--json', '-'],
      ],
      2,
      (args) => runCli(args, { cwd: dir, env: { LANG: 'C', LC_ALL: '' } }),
    );
    for (const [label, r] of Object.entries({ term, json, wifiTerm, wifiJson })) {
      expect(r!.stderr, label).not.toMatch(/internal error/);
      expectSafe(`${label} stdout`, r!.stdout);
      expectSafe(`${label} stderr`, r!.stderr);
    }
    // People see the hostile characters, visibly; the site name lost its bidi and zero-width characters.
    expect(term!.stdout).toContain('"E\\x1b]0;p\\x07\\x9b<U+202E><U+2028><U+200B>X"');
    expect(term!.stdout).toContain('site "Garage Nord"');
    expect(wifiTerm!.stdout).toContain('<U+202E><U+2028><U+200B>X');
    // JSON: \u escapes in the text, the exact value when parsed.
    const file = readFileSync(at('site.json'), 'utf8');
    expectSafe('site.json', file);
    expect(file).toContain('\\u009b\\u202e\\u2028\\u200bX');
    for (const text of [file, json!.stdout, wifiJson!.stdout]) {
      expect(JSON.stringify(JSON.parse(text))).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    }
    const parsedWifi = JSON.parse(wifiJson!.stdout) as { networks: { ssid: string }[] };
    expect(parsedWifi.networks.map((n) => n.ssid)).toContain(HOSTILE);
  });

  it(`zapcheck report in every format (${REPORT_FORMATS.join(', ')})`, { timeout: 120_000 }, async () => {
    const runs = await inPool(REPORT_FORMATS, 2, (format) =>
      runCli(['report', at('site.json'), '--format', format], { cwd: dir, env: { LANG: 'C', LC_ALL: '' } }),
    );
    REPORT_FORMATS.forEach((format, i) => {
      const r = runs[i]!;
      expect(r.code, `${format}\n${r.stderr}`).toBe(0);
      expectSafe(format, r.stdout);
      if (format === 'json') {
        const parsed = JSON.stringify(JSON.parse(r.stdout));
        expect(parsed).toContain('\\u001b]0;p\\u0007');
      } else if (format === 'html' || format === 'junit') {
        expect(r.stdout, format).toContain('&lt;U+202E&gt;&lt;U+2028&gt;&lt;U+200B&gt;X');
      } else if (format === 'md') {
        expect(r.stdout, format).toContain('\\<U+202E\\>\\<U+2028\\>\\<U+200B\\>X');
      } else {
        expect(r.stdout, format).toContain('<U+202E><U+2028><U+200B>X');
      }
    });
  });
});
