import type { CheckResult, Report, Status } from '../core/result.js';
import type { MessageKey, Translate } from '../i18n/index.js';

/**
 * The manual's network requirements R1-R9 (../shared/REQUIREMENTS.md), each mapped from the check kinds
 * that prove it, so a handover report has one row per requirement. R3 (data budget) and R9 (no inbound
 * ports) are not network probes: R3 shows the budget, R9 is always informational.
 */

export type RequirementId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9';
export type RowStatus = Status | 'info';

export interface RequirementRow {
  id: RequirementId;
  text: string;
  status: RowStatus;
  detail: string;
  checks: CheckResult[];
}

const port = (c: CheckResult): number | undefined => c.target.port;

/** Which checks prove which requirement. */
export const REQUIREMENT_CHECKS: Record<RequirementId, ((c: CheckResult) => boolean) | null> = {
  R1: (c) => c.kind === 'wifi',
  R2: (c) => c.kind === 'dhcp',
  R3: null,
  R4: (c) => c.kind === 'tls',
  R5: (c) => c.kind === 'ntp',
  R6: (c) => c.kind === 'https' || (c.kind === 'tcp' && port(c) === 443),
  R7: (c) => c.kind === 'mqtt' || ((c.kind === 'tcp' || c.kind === 'tls') && port(c) === 8883),
  R8: (c) => c.kind === 'dns',
  R9: null,
};

export const REQUIREMENT_IDS = Object.keys(REQUIREMENT_CHECKS) as RequirementId[];

const SEVERITY: Record<Status, number> = { skip: 0, pass: 1, warn: 2, fail: 3, error: 4 };

/** The row's status: the worst of its checks; `skip` only when nothing was really checked. */
export function worstStatus(checks: readonly CheckResult[]): Status {
  let worst: Status = 'skip';
  for (const c of checks) if (SEVERITY[c.status] > SEVERITY[worst]) worst = c.status;
  return worst;
}

export interface RequirementExtras {
  /** R3 in words (from describeBudget), or null when the number of chargers is unknown. */
  budgetDetail?: string | null;
}

export function requirementRows(
  report: Report,
  t: Translate,
  extras: RequirementExtras = {},
): RequirementRow[] {
  return REQUIREMENT_IDS.map((id) => {
    const text = t(`req.${id}` as MessageKey);
    const match = REQUIREMENT_CHECKS[id];
    if (id === 'R3') {
      return { id, text, status: 'info', detail: extras.budgetDetail ?? t('req.R3.unknown'), checks: [] };
    }
    if (!match) return { id, text, status: 'info', detail: t('req.R9.detail'), checks: [] };
    const checks = report.checks.filter(match);
    let status = worstStatus(checks);
    // Passed so far but partly not checked (HTTPS skipped behind a failing TLS check): not "pass".
    if (status === 'pass' && checks.some((c) => c.status === 'skip')) status = 'skip';
    return { id, text, status, detail: rowDetail(checks, status, t), checks };
  });
}

function rowDetail(checks: CheckResult[], status: Status, t: Translate): string {
  if (checks.length === 0) return t('req.detail.none');
  const passed = checks.filter((c) => c.status === 'pass').length;
  const counts = t('req.detail.counts', { passed, total: checks.length });
  if (status === 'pass') return counts;
  const bad = checks.filter((c) => c.status === status);
  const first = bad[0]?.summary ?? '';
  const more = bad.length > 1 ? ` (+${bad.length - 1})` : '';
  return status === 'skip' && passed ? `${counts}; ${first}${more}` : `${first}${more}`;
}
