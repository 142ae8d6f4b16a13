import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTool, type RunTool } from '../platform/exec.js';
import { browserArgs, browserCandidates } from '../platform/pdf.js';

/**
 * `report --format pdf`: the one-page HTML handover printed by a headless Chrome, Chromium or Edge found on
 * this computer (src/platform/pdf.ts says where and with which flags). The HTML goes to a private
 * temporary folder (0700, removed afterwards) with a throw-away browser profile; the browser runs through
 * execFile (exec.ts) with a timeout.
 */

function executable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first browser that is there and may be run, or null. */
export function findBrowser(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  isExecutable: (file: string) => boolean = executable,
): string | null {
  return browserCandidates(env, platform).find(isExecutable) ?? null;
}

export type PrintPdfResult = { ok: true; pdf: Buffer } | { ok: false; message: string };

/** Prints `html` (a whole document) with `browser`: the PDF's bytes, or why there are none. */
export async function printPdf(
  browser: string,
  html: string,
  opts: { timeoutMs: number; run?: RunTool; root?: boolean },
): Promise<PrintPdfResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-pdf-'));
  try {
    const htmlFile = path.join(dir, 'handover.html');
    const pdfFile = path.join(dir, 'handover.pdf');
    writeFileSync(htmlFile, html, { mode: 0o600 });
    const args = browserArgs({
      html: htmlFile,
      pdf: pdfFile,
      profile: path.join(dir, 'profile'),
      // Chromium refuses to start as root with its sandbox on.
      root: opts.root ?? process.getuid?.() === 0,
    });
    const r = await (opts.run ?? runTool)(browser, args, {
      timeoutMs: opts.timeoutMs,
      maxBytes: 4 * 1024 * 1024,
      env: {},
    });
    if (!r.ok) return { ok: false, message: r.message };
    if (!existsSync(pdfFile)) return { ok: false, message: 'no PDF was written' };
    const pdf = readFileSync(pdfFile);
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      return { ok: false, message: 'what it wrote is not a PDF' };
    }
    return { ok: true, pdf };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
