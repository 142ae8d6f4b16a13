import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, printPdf } from '../../src/cli/pdf.js';
import { browserCandidates } from '../../src/platform/pdf.js';
import { runCli } from '../helpers/cli.js';
import { fixture } from './helpers.js';
import { listenForHits, type HitServer } from '../helpers/hit-server.js';

/**
 * `zapcheck report --format pdf` (or `-o x.pdf`): the handover printed by the headless Chromium already
 * installed (Debian's chromium here and in CI; poppler-utils reads the PDF). One A4 page with the verdict,
 * the installer and the signature lines; with no browser on PATH, a plain message and exit 2; the
 * browser's flags close every network path, loopback included.
 */

const run = promisify(execFile);
async function have(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args, { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}
const CHROMIUM = findBrowser(process.env);
const POPPLER = await have('pdfinfo', ['-v']);
const missing = [!CHROMIUM && 'chromium', !POPPLER && 'poppler-utils'].filter(Boolean);
if (missing.length) {
  process.stderr.write(
    `\n!!! test/report/pdf.test.ts: SKIPPED in part, missing Debian package(s): ${missing.join(', ')}\n\n`,
  );
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-pdf-test-'));
let witness: HitServer;
let hits: string[] = [];
let origin = '';
beforeAll(async () => {
  witness = await listenForHits();
  ({ hits, origin } = witness);
});
afterAll(async () => {
  await witness.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('report --format pdf', () => {
  it.skipIf(missing.length > 0)(
    'one A4 page with the verdict, the installer and the signature lines (en, it; -o x.pdf alone)',
    async () => {
      const json = path.join(dir, 'run.json');
      writeFileSync(json, JSON.stringify(fixture('lab-tls-intercepted.json')));
      for (const [lang, args, verdict, sign] of [
        ['en', ['--format', 'pdf'], 'NOT READY', /Signature: _{10,}\s+Date: _{6,}/g],
        ['it', [], 'RETE NON PRONTA', /Firma: _{10,}\s+Data: _{6,}/g],
      ] as const) {
        const pdf = path.join(dir, `handover-${lang}.pdf`);
        const out = await runCli(
          ['report', json, ...args, '-o', pdf, '--lang', lang, '--installer', 'Mario Rossi, Elettro Srl'],
          { timeoutMs: 90_000 },
        );
        expect(out.stderr).toBe('');
        expect(out.code).toBe(0);
        const info = (await run('pdfinfo', [pdf])).stdout;
        expect(info).toMatch(/^Pages:\s+1$/m);
        expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
        const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
        expect(text).toContain(verdict);
        expect(text).toContain('Mario Rossi, Elettro Srl');
        expect(text.match(sign)).toHaveLength(2);
      }
    },
    120_000,
  );

  it('with no browser on PATH: the plain words, exit 2, no file, the advice to print the HTML', async () => {
    const json = path.join(dir, 'run.json');
    writeFileSync(json, JSON.stringify(fixture('lab-healthy.json')));
    const pdf = path.join(dir, 'none.pdf');
    const env = { PATH: path.join(dir, 'empty-bin'), CHROME_PATH: '' };
    const out = await runCli(['report', json, '-o', pdf], { env });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('cannot make a PDF: no Chrome, Chromium or Edge found on this computer');
    expect(out.stderr).toContain('use --format html -o handover.html, open it in a browser and print it');
    expect(out.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(pdf)).toBe(false);
    const it = await runCli(['report', json, '--format', 'pdf', '-o', pdf, '--lang', 'it'], { env });
    expect(it.code).toBe(2);
    expect(it.stderr).toContain('nessun Chrome, Chromium o Edge trovato');
    const stdout = await runCli(['report', json, '--format', 'pdf']);
    expect(stdout.code).toBe(2);
    expect(stdout.stderr).toContain('--format pdf writes a file: give -o <file>.pdf');
  });

  it.skipIf(!CHROMIUM)(
    'the browser reaches nothing: a page that loads from 127.0.0.1 makes no request (and the server works)',
    async () => {
      const page = `<!doctype html><p>x</p><img src="${origin}/img.png"><link rel=stylesheet href="${origin}/x.css"><iframe src="http://example.invalid/"></iframe>`;
      hits.length = 0;
      const printed = await printPdf(CHROMIUM!, page, { timeoutMs: 60_000 });
      expect(printed.ok).toBe(true);
      expect(hits).toEqual([]);
      // Positive control: the same server is reachable from this process.
      const r = await fetch(`${origin}/control`);
      expect(await r.text()).toBe('x');
      expect(hits).toEqual(['/control']);
    },
    90_000,
  );

  it('a browser that fails or writes no PDF is said, never a stack', async () => {
    const failing = await printPdf('/bin/false', '<p>x</p>', { timeoutMs: 5000 });
    expect(failing).toMatchObject({ ok: false });
    const silent = await printPdf('/bin/true', '<p>x</p>', { timeoutMs: 5000 });
    expect(silent).toEqual({ ok: false, message: 'no PDF was written' });
  });
});

describe('where the browser is looked for', () => {
  it('CHROME_PATH, then chromium, chromium-browser, google-chrome, Edge on PATH', () => {
    const c = browserCandidates({ CHROME_PATH: '/opt/c/chrome', PATH: '/usr/local/bin:/usr/bin' }, 'linux');
    expect(c[0]).toBe('/opt/c/chrome');
    expect(c).toContain('/usr/bin/chromium');
    expect(c).toContain('/usr/local/bin/chromium-browser');
    expect(c).toContain('/usr/bin/google-chrome');
    expect(c).toContain('/usr/bin/microsoft-edge');
    expect(c.indexOf('/usr/local/bin/chromium')).toBeLessThan(c.indexOf('/usr/bin/google-chrome'));
    const found = findBrowser({ PATH: '/a:/b' }, 'linux', (f) => f === '/b/google-chrome');
    expect(found).toBe('/b/google-chrome');
    expect(findBrowser({ PATH: '/a' }, 'linux', () => false)).toBeNull();
  });

  it('Windows: Program Files and AppData for Chrome and Edge; macOS: /Applications', () => {
    const win = browserCandidates(
      {
        Path: 'C:\\Windows',
        ProgramFiles: 'C:\\Program Files',
        'ProgramFiles(x86)': 'C:\\Program Files (x86)',
        LOCALAPPDATA: 'C:\\Users\\m\\AppData\\Local',
      },
      'win32',
    );
    expect(win).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(win).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(win).toContain('C:\\Users\\m\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    const mac = browserCandidates({ PATH: '/usr/bin', HOME: '/Users/m' }, 'darwin');
    expect(mac).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(mac).toContain('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    expect(mac).toContain('/Users/m/Applications/Chromium.app/Contents/MacOS/Chromium');
  });
});
