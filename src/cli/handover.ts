import { UsageError } from '../core/errors.js';
import type { Lang, Translate } from '../i18n/index.js';
import type { CliIO } from './io.js';
import { checkOutputFile } from './validate.js';

/**
 * `site --handover <file>`: the printable handover of the run, written by the run itself. The format follows
 * the file's extension as `report -o` reads it (.pdf, .html/.htm, .md); the document is the one `zapcheck
 * report <the run's JSON> -o <file>` writes (the same code path, src/cli/reports-run.ts renderDocument), from
 * the JSON text the run wrote, read back the way `report` reads a file.
 *
 * This module is small on purpose: it is loaded before the run (to refuse a bad file name with exit 2); the
 * renderers and the PDF printing load after the run.
 */

export type HandoverFormat = 'html' | 'md' | 'pdf';

export interface HandoverTarget {
  file: string;
  format: HandoverFormat;
  /** The browser that prints a PDF, or null when none was found (the run goes on; no PDF is written). */
  browser: string | null;
}

const BY_EXTENSION: Readonly<Record<string, HandoverFormat>> = {
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
};

export function handoverFormatOf(file: string): HandoverFormat | undefined {
  const extension = /\.[a-z]+$/i.exec(file)?.[0]?.toLowerCase();
  return extension ? BY_EXTENSION[extension] : undefined;
}

/** Checks --handover before the run: a known extension and a writable place; finds the browser for a PDF. */
export async function handoverTarget(file: string, io: CliIO, t: Translate): Promise<HandoverTarget> {
  const format = file === '-' ? undefined : handoverFormatOf(file);
  if (!format) throw new UsageError(t('err.handover.format', { file }), t('err.handover.format.hint'));
  checkOutputFile('--handover', file, io.cwd, t);
  let browser: string | null = null;
  if (format === 'pdf') {
    const { findBrowser } = await import('./pdf.js');
    browser = findBrowser(io.env);
  }
  return { file, format, browser };
}

/**
 * Writes the handover of a finished run. A PDF that cannot be printed (no browser, or the browser failed)
 * is said on stderr and nothing is written: the run's verdict, its JSON report and its history entry stand.
 * A file that cannot be written throws the usual UsageError (exit 2), as --json does.
 */
export async function writeHandover(
  target: HandoverTarget,
  jsonText: string,
  inputs: { lang: Lang; sites?: string; chargers?: number; quiet: boolean },
  io: CliIO,
  t: Translate,
): Promise<void> {
  const [{ parseReport }, { renderDocument, printHandover }, { writeOutput }] = await Promise.all([
    import('../history/read.js'),
    import('./reports-run.js'),
    import('./io.js'),
  ]);
  // What `report <file>` would read: the JSON the run wrote, parsed and checked against the schema.
  const read = parseReport(jsonText, target.file, t);
  const text = renderDocument(
    target.format === 'pdf' ? 'html' : target.format,
    [read],
    {
      lang: inputs.lang,
      ...(inputs.sites !== undefined ? { sites: inputs.sites } : {}),
      ...(inputs.chargers !== undefined ? { chargers: inputs.chargers } : {}),
    },
    io,
    t,
  );
  let data: string | Buffer = text;
  if (target.format === 'pdf') {
    const hint = t('site.handover.hint', { file: target.file });
    if (!target.browser) {
      io.stderr.write(`${t('site.handover.nobrowser', { file: target.file })}\n  ${hint}\n`);
      return;
    }
    const printed = await printHandover(target.browser, text);
    if (!printed.ok) {
      io.stderr.write(
        `${t('site.handover.failed', { file: target.file, browser: target.browser, message: printed.message })}\n  ${hint}\n`,
      );
      return;
    }
    data = printed.pdf;
  }
  writeOutput(io, target.file, data, { option: '--handover', t });
  if (!inputs.quiet) io.stderr.write(`${t('site.handover.saved', { file: target.file })}\n`);
}
