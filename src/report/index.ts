import type { Report } from '../core/result.js';
import type { RenderOptions } from './handover.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';
import { stringifyJson } from '../core/escape.js';
import { localizeReport } from './localize.js';

/**
 * Reporters chosen by name (after knip's reporters/index.ts): each is a function of finished reports
 * and the render options, returning the whole output. The CLI picks one and writes it atomically.
 */

export type Reporter = (reports: readonly Report[], opts: RenderOptions) => string;

export const REPORTERS = {
  html: renderHtml,
  md: renderMarkdown,
  junit: renderJunit,
  text: renderText,
  json: (reports) =>
    reports.length === 1 && reports[0] ? renderJson(reports[0]) : `${stringifyJson(reports)}\n`,
} satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof REPORTERS;
export const REPORT_FORMATS = Object.keys(REPORTERS) as ReportFormat[];

export function isReportFormat(name: string): name is ReportFormat {
  return Object.prototype.hasOwnProperty.call(REPORTERS, name);
}

/** Renders saved reports in the language asked for (every text with a catalogue key is rendered again). */
export function renderReport(format: ReportFormat, reports: readonly Report[], opts: RenderOptions): string {
  const lang = opts.lang ?? 'en';
  return REPORTERS[format](
    reports.map((r) => localizeReport(r, lang)),
    opts,
  );
}

export type { RenderOptions };
