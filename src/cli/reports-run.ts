import { UsageError } from '../core/errors.js';
import type { Report } from '../core/result.js';
import type { Installer } from '../core/installer.js';
import type { Lang, Translate } from '../i18n/index.js';
import { loadProfile } from '../profile/load.js';
import type { Profile } from '../profile/types.js';
import { historyDir } from '../history/dir.js';
import { readReportFile } from '../history/read.js';
import { listRuns, runsOf, sameSite, type RunEntry } from '../history/store.js';
import {
  allowListFormatOf,
  ALLOWLIST_FORMATS,
  buildAllowList,
  renderAllowList,
  type AllowListFormat,
} from '../report/allowlist.js';
import { localizeReport } from '../report/localize.js';
import {
  diffExitCode,
  diffReports,
  renderDiffJson,
  renderDiffMarkdown,
  renderDiffText,
} from '../report/diff.js';
import { formatDate } from '../report/handover.js';
import { escapeForTerminal } from '../report/escape.js';
import { DESIGN_WIDTH, displayWidth, tableRows, widthFor, wrapText } from '../report/layout.js';
import { isReportFormat, REPORT_FORMATS, renderReport, type ReportFormat } from '../report/index.js';
import { findSite, readSitesFile } from '../sites/load.js';
import type { SitesFile } from '../sites/types.js';
import { type CliIO, writeOutput } from './io.js';
import { checkOutputFile } from './validate.js';
import { stringifyJson } from '../core/escape.js';
import { parseInstallerOption, resolveLang } from './run-options.js';
import type { PrintPdfResult } from './pdf.js';

/**
 * The work of `zapcheck sites`, `history`, `report` and `allowlist` (their options live in sites.ts,
 * history.ts, report.ts, allowlist.ts; this module is loaded only when one of them runs).
 */

/**
 * A text table at the output's width (the one layout, src/report/layout.ts); the last column wraps.
 * `under` puts a line beneath each row (a file path, which would be cut if squeezed into a column).
 */
function textTable(io: CliIO, head: string[], rows: string[][], under?: (i: number) => string): string {
  const width = widthFor(io.stdout, io.env);
  const columns = head.map((_, i) => (i === head.length - 1 ? { flex: true, min: 12 } : { max: 40 }));
  const [headLines = [], ...body] = tableRows([head, ...rows], columns, width);
  const rule = '-'.repeat(Math.min(width, Math.max(...[headLines, ...body].flat().map(displayWidth))));
  const lines = body.flatMap((row, i) => (under ? [...row, ...wrapText(under(i), width, '  ')] : row));
  return [...headLines, rule, ...lines].join('\n') + '\n';
}

function verdictWord(run: RunEntry, t: Translate): string {
  const word = run.interrupted
    ? t('verdict.interrupted')
    : run.verdict === 'ready'
      ? t('verdict.ready')
      : run.verdict === 'not-ready'
        ? t('verdict.notready')
        : '?';
  // A simulated run must not read as the real site's verdict.
  return run.lab ? t('history.lab', { verdict: word }) : word;
}

// ---- zapcheck sites --------------------------------------------------------------------------------

export interface SitesOptions {
  sites?: string;
  reportsDir?: string;
  format?: string;
  lang?: string;
}

export function runSitesCommand(opts: SitesOptions, io: CliIO): number {
  const { lang, t } = resolveLang(opts.lang, io.env);
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(t('err.format', { format, formats: 'text, json' }));
  }
  const file = readSitesFile(io.cwd, opts.sites, t);
  const dir = historyDir({ env: io.env, cwd: io.cwd, override: opts.reportsDir });
  const { runs } = listRuns(dir);
  const rows: { name: string; chargers: number | null; last: RunEntry | null; inFile: boolean }[] = [];
  for (const s of file?.sites ?? []) {
    rows.push({
      name: s.name,
      chargers: s.chargers ?? null,
      last: runsOf(runs, s.name)[0] ?? null,
      inFile: true,
    });
  }
  for (const run of runs) {
    if (!rows.some((r) => sameSite(r.name, run.site))) {
      rows.push({ name: run.site, chargers: null, last: run, inFile: false });
    }
  }
  if (format === 'json') {
    const out = {
      sitesFile: file?.path ?? null,
      reportsDir: dir,
      sites: rows.map((r) => ({
        name: r.name,
        inSitesFile: r.inFile,
        chargers: r.chargers,
        lastRun: r.last
          ? {
              startedAt: r.last.startedAt,
              verdict: r.last.verdict,
              interrupted: r.last.interrupted,
              lab: r.last.lab,
              file: r.last.file,
            }
          : null,
      })),
    };
    io.stdout.write(`${stringifyJson(out)}\n`);
    return 0;
  }
  if (!rows.length) {
    io.stdout.write(`${t('sites.none')}\n`);
    return 0;
  }
  io.stdout.write(
    textTable(
      io,
      [t('sites.col.site'), t('sites.col.chargers'), t('sites.col.last'), t('sites.col.verdict')],
      rows.map((r) => [
        escapeForTerminal(r.name),
        r.chargers === null ? '' : String(r.chargers),
        r.last ? formatDate(r.last.startedAt, lang) : t('sites.never'),
        r.last ? verdictWord(r.last, t) : '',
      ]),
    ),
  );
  return 0;
}

// ---- zapcheck history ------------------------------------------------------------------------------

export interface HistoryOptions {
  reportsDir?: string;
  format?: string;
  lang?: string;
}

export function runHistoryCommand(site: string | undefined, opts: HistoryOptions, io: CliIO): number {
  const { lang, t } = resolveLang(opts.lang, io.env);
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(t('err.format', { format, formats: 'text, json' }));
  }
  const dir = historyDir({ env: io.env, cwd: io.cwd, override: opts.reportsDir });
  const all = listRuns(dir).runs;
  const runs = site === undefined ? all : runsOf(all, site);
  if (format === 'json') {
    io.stdout.write(`${stringifyJson({ reportsDir: dir, runs })}\n`);
    return 0;
  }
  if (!runs.length) {
    io.stdout.write(`${t('history.none', { site: escapeForTerminal(site ?? '*'), dir })}\n`);
    return 0;
  }
  const head = [t('history.col.date'), t('sites.col.site'), t('sites.col.verdict')];
  io.stdout.write(
    textTable(
      io,
      head,
      runs.map((r) => [formatDate(r.startedAt, lang), escapeForTerminal(r.site), verdictWord(r, t)]),
      (i) => runs[i]?.file ?? '',
    ),
  );
  return 0;
}

// ---- zapcheck report -------------------------------------------------------------------------------

export interface ReportOptions {
  format?: string;
  output?: string;
  diff?: boolean;
  lang?: string;
  sites?: string;
  reportsDir?: string;
  profile?: string;
  chargers?: number;
  installer?: string;
}

const FORMAT_BY_EXTENSION: Record<string, ReportFormat | 'pdf'> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.xml': 'junit',
  '.json': 'json',
  '.txt': 'text',
  '.pdf': 'pdf',
};

/** How long the browser may take to print the one-page handover (it takes 1-5 s). */
const PDF_TIMEOUT_MS = 60_000;

/** `report a.json b.json` or `report last ["site"]`: the report files to read. */
function reportFiles(args: string[], dir: string, t: Translate): string[] {
  if (args[0] === 'last') {
    const site = args.slice(1).join(' ') || undefined;
    const runs = listRuns(dir).runs;
    const run = site === undefined ? runs[0] : runsOf(runs, site)[0];
    if (!run) {
      throw new UsageError(
        t('err.report.nolast', { site: site ?? '*', dir }),
        t('err.report.nolast.hint', { site: site ?? '<site>' }),
      );
    }
    return [run.file];
  }
  if (!args.length) throw new UsageError(t('err.report.none'));
  return args;
}

function tryProfile(ref: string | undefined): Profile | null {
  if (!ref) return null;
  try {
    return loadProfile(ref);
  } catch {
    return null;
  }
}

/** What a document of a run is rendered with besides the report: the sites file, profile, chargers, installer. */
export interface DocumentInputs {
  lang: Lang;
  /** --sites (default: zapcheck.yaml in the working directory, when present). */
  sites?: string;
  profile?: string;
  chargers?: number;
  installer?: Installer | null;
}

/**
 * The text `report` writes for these reports in this format (html also for pdf, which prints it): the one
 * code path for `report` and `site --handover`, so the handover of a run is the same document either way.
 */
export function renderDocument(
  format: ReportFormat,
  reports: readonly Report[],
  d: DocumentInputs,
  io: CliIO,
  t: Translate,
): string {
  const sitesFile: SitesFile | null = readSitesFile(io.cwd, d.sites, t);
  return renderReport(format, reports, {
    lang: d.lang,
    siteFor: (r) => findSite(sitesFile, r.site),
    profileFor: (r) =>
      tryProfile(d.profile) ?? tryProfile(findSite(sitesFile, r.site)?.profile) ?? tryProfile(r.profile),
    ...(d.chargers !== undefined ? { chargers: d.chargers } : {}),
    // --installer, else the report's own, else its site's in the sites file, else the file's.
    installerFor: (r) =>
      d.installer ?? r.installer ?? findSite(sitesFile, r.site)?.installer ?? sitesFile?.installer ?? null,
  });
}

/** The handover formats (`site --handover <file>`), by the file's extension as `report -o` reads it. */
export const HANDOVER_FORMAT_BY_EXTENSION: Readonly<Record<string, 'html' | 'md' | 'pdf'>> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.pdf': 'pdf',
};

/** The format `report -o <file>` would take from the file's extension, or undefined. */
export function formatOfExtension(file: string): ReportFormat | 'pdf' | undefined {
  const extension = /\.[a-z]+$/i.exec(file)?.[0]?.toLowerCase();
  return extension ? FORMAT_BY_EXTENSION[extension] : undefined;
}

/** Prints the html of a handover with a browser; the PDF's bytes or why there are none. */
export async function printHandover(browser: string, html: string): Promise<PrintPdfResult> {
  const { printPdf } = await import('./pdf.js');
  return printPdf(browser, html, { timeoutMs: PDF_TIMEOUT_MS });
}

export async function runReportCommand(args: string[], opts: ReportOptions, io: CliIO): Promise<number> {
  const { lang, t } = resolveLang(opts.lang, io.env);
  const byExtension = opts.output && opts.output !== '-' ? formatOfExtension(opts.output) : undefined;
  const format = opts.format ?? (opts.diff ? 'text' : (byExtension ?? 'text'));
  const dir = historyDir({ env: io.env, cwd: io.cwd, override: opts.reportsDir });
  const files = reportFiles(args, dir, t);
  if (opts.output !== undefined) checkOutputFile('--output', opts.output, io.cwd, t);

  if (opts.diff) {
    if (files.length !== 2) throw new UsageError(t('err.diff.two'));
    if (format !== 'text' && format !== 'md' && format !== 'json') {
      throw new UsageError(t('err.diff.format', { format }));
    }
    const [a, b] = files.map((f) => readReportFile(f, io.cwd, t)) as [Report, Report];
    const d = diffReports(localizeReport(a, lang), localizeReport(b, lang));
    const text =
      format === 'json'
        ? renderDiffJson(d)
        : format === 'md'
          ? renderDiffMarkdown(d, lang)
          : renderDiffText(
              d,
              lang,
              opts.output && opts.output !== '-' ? DESIGN_WIDTH : widthFor(io.stdout, io.env),
            );
    writeOutput(io, opts.output ?? '-', text, { option: '--output', t });
    return diffExitCode(d);
  }

  const pdf = format === 'pdf';
  if (!pdf && !isReportFormat(format)) {
    throw new UsageError(t('err.format', { format, formats: [...REPORT_FORMATS, 'pdf'].join(', ') }));
  }
  // A PDF is printed by a browser already on this computer: found (or not) before anything is read.
  let browser: string | null = null;
  if (pdf) {
    if (opts.output === undefined || opts.output === '-') throw new UsageError(t('err.pdf.output'));
    const { findBrowser } = await import('./pdf.js');
    browser = findBrowser(io.env);
    if (!browser) throw new UsageError(t('err.pdf.nobrowser'), t('err.pdf.hint'));
  }
  const installer = parseInstallerOption(opts.installer, t);
  const reports = files.map((f) => readReportFile(f, io.cwd, t));
  const text = renderDocument(
    pdf ? 'html' : format,
    reports,
    {
      lang,
      ...(opts.sites !== undefined ? { sites: opts.sites } : {}),
      ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
      ...(opts.chargers !== undefined ? { chargers: opts.chargers } : {}),
      installer,
    },
    io,
    t,
  );
  if (browser) {
    const printed = await printHandover(browser, text);
    if (!printed.ok) {
      throw new UsageError(t('err.pdf.failed', { browser, message: printed.message }), t('err.pdf.hint'));
    }
    writeOutput(io, opts.output ?? '-', printed.pdf, { option: '--output', t });
    return 0;
  }
  writeOutput(io, opts.output ?? '-', text, { option: '--output', t });
  return 0;
}

// ---- zapcheck allowlist ----------------------------------------------------------------------------

export interface AllowlistOptions {
  profile?: string;
  format?: string;
  lang?: string;
  output?: string;
}

export function runAllowlistCommand(opts: AllowlistOptions, io: CliIO): number {
  const { lang, t } = resolveLang(opts.lang, io.env);
  // As in `report`: --format wins, else the -o extension (.csv, .json, .txt), else text.
  const format = opts.format ?? allowListFormatOf(opts.output) ?? 'text';
  if (!(ALLOWLIST_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(t('err.format', { format, formats: ALLOWLIST_FORMATS.join(', ') }));
  }
  if (opts.output !== undefined) checkOutputFile('--output', opts.output, io.cwd, t);
  const profile = loadProfile(opts.profile);
  const text = renderAllowList(buildAllowList(profile, t), format as AllowListFormat, t, lang);
  writeOutput(io, opts.output ?? '-', text, { option: '--output', t });
  return 0;
}
