import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckResult, Report } from '../../src/core/result.js';
import { countStatuses, verdictOf } from '../../src/core/result.js';

export const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');

/** A recorded report (see fixtures/README.md). */
export function fixture(name: string): Report {
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Report;
}

/** A report with some checks replaced or added, counts and verdict recomputed. */
export function withChecks(base: Report, change: (checks: CheckResult[]) => CheckResult[]): Report {
  const checks = change(structuredClone(base.checks));
  return {
    ...structuredClone(base),
    checks,
    counts: countStatuses(checks),
    verdict: verdictOf(checks, base.strict, base.interrupted),
  };
}

export const HOSTILE = '<img src=x onerror=alert(1)>\u001b[31m&\u202e"\'';
