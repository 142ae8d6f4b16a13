import type { Report } from '../core/result.js';
import { stringifyJson } from '../core/escape.js';

/** The JSON report: stable key order, two-space indent, trailing newline. Schema: schemas/report.schema.json. */
export function renderJson(report: Report): string {
  return `${stringifyJson(report)}\n`;
}
