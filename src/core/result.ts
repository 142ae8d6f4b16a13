/**
 * The result model: what every check produces and every reporter consumes.
 * Everything here is JSON-safe (no Error objects, no ANSI, no Buffers).
 */

import type { Static } from '@sinclair/typebox';
import type {
  AudienceShape,
  CheckResultShape,
  RemediationShape,
  ReportEnvironmentShape,
  ReportShape,
  RequirementIdShape,
  RequirementVerdictShape,
  StatusShape,
  SurveySpotShape,
  TargetShape,
  VerdictShape,
} from './report-shape.js';

// The shapes are defined once, in src/core/report-shape.ts (TypeBox); these are their static types, and
// src/schemas/report.schema.json is generated from the same definitions. Add report fields there.

export type Status = Static<typeof StatusShape>;

/** Who can act on a remediation: the electrician on site, or the site's IT department. */
export type Audience = Static<typeof AudienceShape>;

export type Target = Static<typeof TargetShape>;

export type Remediation = Static<typeof RemediationShape>;

/** JSON-safe evidence: plain data only. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
export type Evidence = { [key: string]: Json | undefined };

export type CheckResult = Static<typeof CheckResultShape>;

export type Verdict = Static<typeof VerdictShape>;

export type RequirementId = Static<typeof RequirementIdShape>;

/** One requirement of the manual as the handover states it (src/report/requirements.ts decides it). */
export type RequirementVerdict = Static<typeof RequirementVerdictShape>;

/** One charger position of the site's Wi-Fi survey, its newest reading. */
export type SurveySpot = Static<typeof SurveySpotShape>;

export type ReportEnvironment = Static<typeof ReportEnvironmentShape>;

export type Report = Static<typeof ReportShape>;

export const STATUS_ORDER: readonly Status[] = ['pass', 'warn', 'fail', 'skip', 'error'];

export function countStatuses(checks: readonly CheckResult[]): Record<Status, number> {
  const counts: Record<Status, number> = { pass: 0, warn: 0, fail: 0, skip: 0, error: 0 };
  for (const c of checks) counts[c.status] += 1;
  return counts;
}

/**
 * A site is ready when nothing failed and zapcheck itself did not break. `skip` never blocks
 * readiness by itself (the report lists what could not be checked); `--strict` also refuses warnings.
 */
export function verdictOf(checks: readonly CheckResult[], strict: boolean, interrupted = false): Verdict {
  if (interrupted) return 'not-ready';
  for (const c of checks) {
    if (c.status === 'fail' || c.status === 'error') return 'not-ready';
    if (strict && c.status === 'warn') return 'not-ready';
  }
  return 'ready';
}
