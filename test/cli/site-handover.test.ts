import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/cli/pdf.js';
import { runCli } from '../helpers/cli.js';

/**
 * `zapcheck site --handover <file>`: the printable handover from the run itself, in the format of the
 * file's extension, the same document `zapcheck report <the run's JSON> -o <file>` writes. A PDF needs a
 * browser; without one the run still ends with its verdict's exit code, its JSON report and its history.
 */

const run = promisify(execFile);
const CHROMIUM = findBrowser(process.env);
const POPPLER = await run('pdftotext', ['-v']).then(
  () => true,
  () => false,
);
const missing = [!CHROMIUM && 'chromium', !POPPLER && 'poppler-utils'].filter(Boolean);
if (missing.length) {
  process.stderr.write(
    `\n!!! test/cli/site-handover.test.ts: PDF case SKIPPED, missing Debian package(s): ${missing.join(', ')}\n\n`,
  );
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-handover-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A lab run of "Garage Nord" in its own folder (no zapcheck.yaml there); the folder and the result. */
async function labRun(name: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const cwd = path.join(dir, name);
  mkdirSync(cwd);
  const out = await runCli(['site', 'Garage Nord', '--lab', ...args, '--deadline', '30'], {
    cwd,
    env,
    timeoutMs: 90_000,
  });
  return { cwd, out };
}

/** What `zapcheck report <json> -o <file>` writes for that run, from the same folder. */
async function reportOf(cwd: string, json: string, file: string, extra: string[] = []) {
  const out = await runCli(['report', json, '-o', file, ...extra], { cwd, timeoutMs: 90_000 });
  expect(out.code, out.stderr).toBe(0);
  return readFileSync(path.join(cwd, file), 'utf8');
}

describe('site --handover', () => {
  it('html (English): the same document as report <json> -o x.html, marked LAB, with the installer', async () => {
    const { cwd, out } = await labRun('en-html', [
      '--handover',
      'handover.html',
      '--json',
      'run.json',
      '--installer',
      'Mario Rossi, Elettro Srl',
    ]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain('Handover written: handover.html');
    const html = readFileSync(path.join(cwd, 'handover.html'), 'utf8');
    expect(html).toBe(await reportOf(cwd, 'run.json', 'report.html'));
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('LAB: simulated site');
    expect(html).toContain('Mario Rossi, Elettro Srl');
    expect(html).toContain('READY');
  });

  it('md (Italian, a failing scenario): the same as report --lang it, exit 1 as the verdict says', async () => {
    const { cwd, out } = await labRun('it-md', [
      'tls-intercepted',
      '--lang',
      'it',
      '--handover',
      'consegna.MD',
      '--json',
      'run.json',
    ]);
    expect(out.code, out.stderr).toBe(1);
    expect(out.stderr).toContain('Documento di consegna scritto: consegna.MD');
    const md = readFileSync(path.join(cwd, 'consegna.MD'), 'utf8');
    expect(md).toBe(await reportOf(cwd, 'run.json', 'report.md', ['--lang', 'it']));
    expect(md).toContain('RETE NON PRONTA');
    expect(md).toContain('LAB');
    expect(md).not.toContain('NOT READY');
  });

  it('an unknown extension is exit 2 with a plain message before the run: nothing is run or written', async () => {
    const { cwd, out } = await labRun('bad-ext', ['--handover', 'handover.txt', '--json', 'run.json']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(
      '--handover: "handover.txt" does not end in .pdf, .html or .md (the format follows the extension)',
    );
    expect(out.stderr).not.toMatch(/\n\s+at /);
    expect(out.stdout).toBe('');
    expect(readdirSync(cwd)).toEqual([]);
    const it = await labRun('bad-ext-it', ['--lang', 'it', '--handover', 'x']);
    expect(it.out.code).toBe(2);
    expect(it.out.stderr).toContain('--handover: "x" non finisce in .pdf, .html o .md');
  });

  it('with no browser for a PDF: said plainly, no PDF, the exit code of the verdict, JSON and history kept', async () => {
    const env = { PATH: path.join(dir, 'empty-bin'), CHROME_PATH: '' };
    for (const [scenario, code] of [
      ['healthy', 0],
      ['tcp-8883-refused', 1],
    ] as const) {
      const { cwd, out } = await labRun(
        `no-browser-${scenario}`,
        [scenario, '--handover', 'handover.pdf', '--json', 'run.json', '--reports-dir', 'runs'],
        env,
      );
      expect(out.code, out.stderr).toBe(code);
      expect(out.stderr).toContain(
        'Handover handover.pdf not written: no Chrome, Chromium or Edge was found on this computer to print the PDF.',
      );
      expect(out.stderr).toContain('zapcheck report <report.json> -o handover.pdf');
      expect(out.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(path.join(cwd, 'handover.pdf'))).toBe(false);
      expect(readdirSync(cwd).filter((f) => f.includes('handover'))).toEqual([]);
      expect(JSON.parse(readFileSync(path.join(cwd, 'run.json'), 'utf8')).verdict).toBe(
        code === 0 ? 'ready' : 'not-ready',
      );
      expect(out.stderr).toMatch(/Report saved: .*runs/);
    }
  });

  it.skipIf(missing.length > 0)(
    'pdf through headless Chromium: one page with the verdict, LAB, the installer and the signature lines',
    async () => {
      const { cwd, out } = await labRun('pdf', [
        '--handover',
        'handover.pdf',
        '--installer',
        'Mario Rossi, Elettro Srl',
      ]);
      expect(out.code, out.stderr).toBe(0);
      const pdf = path.join(cwd, 'handover.pdf');
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
      expect(text).toContain('READY');
      expect(text).toContain('LAB: simulated site');
      expect(text).toContain('Mario Rossi, Elettro Srl');
      expect(text).toMatch(/Signature: _{10,}/);
    },
    120_000,
  );
});
