import { checkNesting, readInputFile } from '../core/input-file.js';
import { jsonSyntaxProblem } from '../core/syntax-errors.js';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { schemaValidator as validatorFor } from '../schemas/standalone.js';
import { UsageError } from '../core/errors.js';
import type { Report } from '../core/result.js';
import type { Translate } from '../i18n/index.js';

/**
 * Reads a JSON report for `zapcheck report`: ours, of a format version this build reads (upgraded when
 * older and a migration exists), and valid against schemas/report.schema.json. Anything else is one
 * clear message naming the file (exit 2), never a stack trace.
 */

export const REPORT_SCHEMA_VERSION = 1;

/**
 * Upgrades from older report formats, by the version they upgrade from. Empty while format 1 is the only
 * one that ever shipped; a format 2 adds `1: (r) => ...` here and keeps rendering old history.
 */
export const MIGRATIONS: Readonly<Record<number, (raw: Record<string, unknown>) => Record<string, unknown>>> =
  {};

/** The report schema's validator, generated at build time (src/schemas/standalone.ts). */
const schemaValidator = (): ValidateFunction => validatorFor('report');

export function parseReport(text: string, file: string, t: Translate): Report {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError(t('err.syntax', { file, format: 'JSON', ...jsonSyntaxProblem(text, t) }));
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UsageError(t('err.report.notours', { file }));
  }
  let r = raw as Record<string, unknown>;
  const tool = r.tool as { name?: unknown; version?: unknown } | undefined;
  if (tool?.name !== 'zapcheck') throw new UsageError(t('err.report.notours', { file }));
  const version = typeof r.schemaVersion === 'number' ? r.schemaVersion : 0;
  if (version > REPORT_SCHEMA_VERSION) {
    throw new UsageError(
      t('err.report.newer', { file, version, supported: REPORT_SCHEMA_VERSION }),
      t('err.report.newer.hint'),
    );
  }
  for (let v = version; v < REPORT_SCHEMA_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) {
      throw new UsageError(
        t('err.report.older', { file, version }),
        t('err.report.older.hint', {
          tool: `zapcheck ${typeof tool.version === 'string' ? tool.version : '?'}`,
        }),
      );
    }
    r = migrate(r);
  }
  const validate = schemaValidator();
  if (!validate(r)) {
    const e = validate.errors?.[0];
    const field = e?.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
    throw new UsageError(t('err.report.invalid', { file, field, problem: e?.message ?? 'invalid' }));
  }
  return r as unknown as Report;
}

export function readReportFile(file: string, cwd: string, t: Translate): Report {
  const text = readInputFile(path.resolve(cwd, file), 'report', { t, what: t('input.what.report') });
  checkNesting(text, file, t('input.what.report'), t);
  return parseReport(text, file, t);
}
