import type { Report } from '../core/result.js';

/** The JSON report: stable key order, two-space indent, trailing newline. Schema: schemas/report.schema.json. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
