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
 * Checks that were not done for a reason of their own (no Wi-Fi scan, a laptop with a static address,
 * the MQTT probe switched off): `skip` with a cause other than SKIPPED. A check skipped because a check
 * it needed failed (cause SKIPPED) is a consequence of that failure, not something left unchecked.
 */
export function notCheckedResults(checks: readonly CheckResult[]): CheckResult[] {
  return checks.filter((c) => c.status === 'skip' && c.cause !== 'SKIPPED');
}

const KIND_LABELS: Record<string, string> = {
  wifi: 'Wi-Fi',
  dhcp: 'DHCP',
  mqtt: 'MQTT',
  dns: 'DNS',
  ntp: 'NTP',
  tcp: 'TCP',
  tls: 'TLS',
  https: 'HTTPS',
  env: 'IPv4/proxy',
};

/** What was not checked, as the verdict line names it ("Wi-Fi, DHCP"), in check order, each kind once. */
export function notCheckedLabels(checks: readonly CheckResult[]): string[] {
  return [...new Set(notCheckedResults(checks).map((c) => KIND_LABELS[c.kind] ?? c.kind))];
}

/**
 * A site is ready when nothing failed and zapcheck itself did not break. A check that could not be
 * done does not block readiness by itself (the verdict line says what was not checked); `--strict`
 * refuses warnings and checks that were not done.
 */
export function verdictOf(checks: readonly CheckResult[], strict: boolean, interrupted = false): Verdict {
  if (interrupted) return 'not-ready';
  for (const c of checks) {
    if (c.status === 'fail' || c.status === 'error') return 'not-ready';
    if (strict && c.status === 'warn') return 'not-ready';
  }
  if (strict && notCheckedResults(checks).length > 0) return 'not-ready';
  return 'ready';
}
