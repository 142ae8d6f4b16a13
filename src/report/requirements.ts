import type { CheckResult, Report, RequirementId, RequirementVerdict, Status } from '../core/result.js';
import type { Lang, MessageKey, Translate } from '../i18n/index.js';
import { createTranslator } from '../i18n/index.js';
import type { TrafficRules } from '../profile/types.js';
import { dataBudget, formatMb } from './budget.js';
import { surveyRow } from './survey.js';

/**
 * The manual's network requirements R1-R9 (../shared/REQUIREMENTS.md), each mapped from the check kinds
 * that prove it, so a handover report has one row per requirement and the JSON report the same verdicts.
 * R3 (data budget) and R9 (no inbound ports) are not network probes: R3 shows the budget, R9 is
 * informational.
 *
 * One rule decides a row (judgeRequirement, pure): it fails when one of its checks failed, or was skipped
 * because a check of another requirement failed (and then names that requirement: R6 "fails because of R4:
 * TLS is intercepted"); it warns on a warning; it is "not checked" only when nothing could test it (no
 * Wi-Fi scan, no site network named, no DHCP facts, the MQTT probe off), saying what would; it passes only
 * when every one of its checks ran and passed. R1 also counts the site's Wi-Fi survey (`zapcheck survey`):
 * its weakest spot is named, and a spot that fails fails R1.
 */

export type { RequirementId, RequirementVerdict };
export type RowStatus = Status | 'info';

export interface RequirementRow extends RequirementVerdict {
  /** The requirement itself, in words. */
  text: string;
  checks: CheckResult[];
}

const port = (c: CheckResult): number | undefined => c.target.port;

/** Which checks prove which requirement (a check may prove two: TLS on 8883 is R4 and R7). */
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

/**
 * The requirement a check is first of all about: a TLS failure is an R4 fault even where R7 also needs
 * it; TCP is R6 or R7 by port. Null for checks of no requirement (env:route, env:proxy).
 */
export function primaryRequirement(c: CheckResult): RequirementId | null {
  switch (c.kind) {
    case 'wifi':
      return 'R1';
    case 'dhcp':
      return 'R2';
    case 'tls':
      return 'R4';
    case 'ntp':
      return 'R5';
    case 'https':
      return 'R6';
    case 'mqtt':
      return 'R7';
    case 'dns':
      return 'R8';
    case 'tcp':
      return port(c) === 8883 ? 'R7' : port(c) === 443 ? 'R6' : null;
    default:
      return null;
  }
}

/** How bad a row is: a failure outranks zapcheck's own error (it is certain), which outranks a warning. */
const SEVERITY: Record<Status, number> = { pass: 0, skip: 1, warn: 2, error: 3, fail: 4 };

/** The worst status of some checks (`pass` for none). */
export function worstStatus(checks: readonly CheckResult[]): Status {
  let worst: Status = 'pass';
  for (const c of checks) if (SEVERITY[c.status] > SEVERITY[worst]) worst = c.status;
  return worst;
}

/** The check that really decided a skipped one, following `blockedBy` down the dependency chain. */
export function rootOf(c: CheckResult, byId: ReadonlyMap<string, CheckResult>): CheckResult {
  let cur = c;
  for (let i = 0; i < 32 && cur.cause === 'SKIPPED' && typeof cur.evidence.blockedBy === 'string'; i++) {
    const next = byId.get(cur.evidence.blockedBy);
    if (!next || next === cur) break;
    cur = next;
  }
  return cur;
}

/** One check as its requirement sees it: a skip behind a failure counts as that failure. */
interface Weighed {
  check: CheckResult;
  status: Status;
  /** The check that decided it (itself unless it was skipped behind another). */
  root: CheckResult;
  /** The requirement the root belongs to, when it is another one. */
  other: RequirementId | null;
}

function weigh(id: RequirementId, c: CheckResult, byId: ReadonlyMap<string, CheckResult>): Weighed {
  const root = c.status === 'skip' && c.cause === 'SKIPPED' ? rootOf(c, byId) : c;
  let status = root === c ? c.status : root.status;
  // A skip behind a softened (optional) failure warns, like the failure itself.
  if (root !== c && status === 'pass') status = 'warn';
  const primary = primaryRequirement(root);
  return { check: c, status, root, other: primary !== id ? primary : null };
}

/** Why a row is "not checked" although all of its checks that ran passed. */
export type UntestedReason = 'WIFI_NO_SSID' | 'MQTT_NOT_TRIED';

export interface Judgement {
  status: Status;
  cause: string;
  because: RequirementId | null;
  /** The checks that decided the status (their roots are in `roots`), in report order. */
  deciding: CheckResult[];
  /** The distinct checks that really failed or warned behind `deciding` (this row's own, else upstream). */
  roots: CheckResult[];
  /** When no check of this row is at fault: the other requirements that are, with their failing checks. */
  upstream: { id: RequirementId; roots: CheckResult[] }[];
  /** Why the row is not checked though no check says so. */
  untested: UntestedReason | null;
}

/**
 * The rule for one requirement, pure: `checks` are the run's results (every one, so skips can be followed
 * to the check that failed); the row's own checks are picked with REQUIREMENT_CHECKS.
 */
export function judgeRequirement(id: RequirementId, checks: readonly CheckResult[]): Judgement {
  const match = REQUIREMENT_CHECKS[id];
  const own = match ? checks.filter(match) : [];
  if (own.length === 0) {
    return {
      status: 'skip',
      cause: 'NOT_CHECKED',
      because: null,
      deciding: [],
      roots: [],
      upstream: [],
      untested: null,
    };
  }
  const byId = new Map(checks.map((c) => [c.id, c]));
  const weighed = own.map((c) => weigh(id, c, byId));
  let worst: Status = 'pass';
  for (const w of weighed) if (SEVERITY[w.status] > SEVERITY[worst]) worst = w.status;

  if (worst === 'pass') {
    // Every check passed; two requirements also need what no check here tried.
    const wifi = own.find((c) => c.kind === 'wifi');
    if (id === 'R1' && wifi && wifi.target.host === undefined) return untested('WIFI_NO_SSID', own);
    if (id === 'R7' && !own.some((c) => c.kind === 'mqtt')) return untested('MQTT_NOT_TRIED', own);
    return {
      status: 'pass',
      cause: 'OK',
      because: null,
      deciding: [],
      roots: [],
      upstream: [],
      untested: null,
    };
  }
  const deciding = weighed.filter((w) => w.status === worst);
  // The MQTT probe switched off (an mqtt check skipped for that, not behind a failure): TLS verified only.
  if (
    id === 'R7' &&
    worst === 'skip' &&
    deciding.every((w) => w.check.kind === 'mqtt' && w.root === w.check)
  ) {
    return untested('MQTT_NOT_TRIED', own);
  }
  const distinct = (ws: Weighed[]) => [...new Set(ws.map((w) => w.root))];
  // A fault of this requirement itself comes first; otherwise the row names the ones upstream.
  const mine = deciding.filter((w) => w.other === null);
  const upstream: Judgement['upstream'] = [];
  for (const w of deciding) {
    if (w.other !== null && !upstream.some((u) => u.id === w.other)) {
      upstream.push({ id: w.other, roots: distinct(deciding.filter((d) => d.other === w.other)) });
    }
  }
  const first = mine[0] ?? deciding[0]!;
  return {
    status: worst,
    cause: first.root.cause,
    because: mine.length ? null : (upstream[0]?.id ?? null),
    deciding: deciding.map((w) => w.check),
    roots: mine.length ? distinct(mine) : (upstream[0]?.roots ?? []),
    upstream: mine.length ? [] : upstream,
    untested: null,
  };
}

function untested(reason: UntestedReason, own: CheckResult[]): Judgement {
  return {
    status: 'skip',
    cause: reason,
    because: null,
    deciding: own,
    roots: [],
    upstream: [],
    untested: reason,
  };
}

/** R3 in words: the month's data for this many chargers, and whether the uplink is metered. */
export function budgetDetail(
  input: { chargers: number; traffic: TrafficRules; metered: boolean; sessionsPerChargerPerDay?: number },
  t: Translate,
  lang: Lang,
): string {
  const data = dataBudget({
    chargers: input.chargers,
    traffic: input.traffic,
    ...(input.sessionsPerChargerPerDay !== undefined
      ? { sessionsPerChargerPerDay: input.sessionsPerChargerPerDay }
      : {}),
  });
  return t(input.metered ? 'req.R3.metered' : 'req.R3.unmetered', {
    total: formatMb(data.totalMb, lang),
    chargers: input.chargers,
  });
}

export interface RequirementExtras {
  /** R3 in words (from describeBudget), or null when the number of chargers is unknown. */
  budgetDetail?: string | null;
}

/** The rows of a report, in words of the translator's language. */
export function requirementRows(
  report: Pick<Report, 'checks' | 'survey'>,
  t: Translate,
  extras: RequirementExtras = {},
): RequirementRow[] {
  return REQUIREMENT_IDS.map((id) => {
    const text = t(`req.${id}` as MessageKey);
    if (id === 'R3') {
      return row(id, text, 'info', 'INFO', extras.budgetDetail ?? t('req.R3.unknown'));
    }
    if (id === 'R9') return row(id, text, 'info', 'INFO', t('req.R9.detail'));
    const j = judgeRequirement(id, report.checks);
    const checks = report.checks.filter(REQUIREMENT_CHECKS[id]!);
    if (id === 'R1' && report.survey?.length) {
      // The survey measured at every charger position: it decides R1 unless the wifi check found worse.
      const s = surveyRow(report.survey, t);
      if (s && (j.status === 'skip' || SEVERITY[s.status] >= SEVERITY[j.status])) {
        return { ...row(id, text, s.status, s.cause, s.summary), checks };
      }
    }
    return { ...row(id, text, j.status, j.cause, rowSummary(id, j, checks, t)), because: j.because, checks };
  });
}

/** The JSON-safe verdicts of requirementRows (what `report.requirements` holds). */
export function requirementVerdicts(rows: readonly RequirementRow[]): RequirementVerdict[] {
  return rows.map(({ id, status, cause, because, summary }) => ({ id, status, cause, because, summary }));
}

function row(
  id: RequirementId,
  text: string,
  status: RowStatus,
  cause: string,
  summary: string,
): RequirementRow {
  return { id, text, status, cause, because: null, summary, checks: [] };
}

/** "2 ms", "1.4 s" ("1,4 s" in Italian), "3 min": an NTP offset in words. */
export function formatOffset(ms: number, t: Translate = createTranslator('en')): string {
  const a = Math.abs(ms);
  const tr = t;
  if (a < 1000) return tr('unit.ms', { x: Math.round(a) });
  if (a < 120_000) return tr('unit.s', { x: a < 10_000 ? Math.round(a / 100) / 10 : Math.round(a / 1000) });
  return tr('unit.min', { x: Math.round(a / 60_000) });
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function more(n: number, t: Translate): string {
  return n > 0 ? ` ${t('req.more', { n })}` : '';
}

/** The row's detail: what holds (pass), what broke and where (fail/warn), or what would test it. */
function rowSummary(id: RequirementId, j: Judgement, checks: CheckResult[], t: Translate): string {
  if (j.status === 'pass') return passSummary(id, checks, t);
  if (j.untested === 'WIFI_NO_SSID') return t('req.R1.nossid');
  if (j.untested === 'MQTT_NOT_TRIED') return t('req.R7.nomqtt');
  if (j.deciding.length === 0) return t('req.detail.none');
  if (j.status === 'skip') {
    const c = j.deciding[0]!;
    const fix = c.remediation.find((r) => r.audience === 'installer') ?? c.remediation[0];
    const would = fix?.text ?? (id === 'R1' || id === 'R2' ? t(`req.${id}.untested`) : null);
    return would ? `${c.summary}. ${would}` : c.summary;
  }
  if (j.upstream.length) {
    const what = j.upstream.map((u) => `${u.id}: ${rootPhrase(u.roots, t)}`).join('; ');
    return t(j.status === 'warn' ? 'req.because.warn' : 'req.because.fail', { what });
  }
  // This row's own fault: one check says it best; several are counted in short words.
  if (j.roots.length === 1) return j.roots[0]!.summary;
  return rootPhrase(j.roots, t);
}

function passSummary(id: RequirementId, checks: CheckResult[], t: Translate): string {
  const count = (kind: string) => checks.filter((c) => c.kind === kind).length;
  switch (id) {
    case 'R4':
      return t('req.R4.pass', { n: checks.length });
    case 'R5': {
      const offsets = checks.map((c) => num(c.evidence.offsetMs)).filter((v): v is number => v !== null);
      const worst = offsets.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
      const offset = formatOffset(worst, t);
      return checks.length === 1
        ? t('req.R5.pass.one', { offset })
        : t('req.R5.pass', { n: checks.length, offset });
    }
    case 'R6':
      return t('req.R6.pass', { n: count('tcp'), https: count('https') });
    case 'R7':
      return t('req.R7.pass');
    case 'R8':
      return t('req.R8.pass', { n: checks.length });
    default:
      // R1, R2: their one check already says what holds (network, channel, signal; free addresses).
      return checks.map((c) => c.summary).join('; ');
  }
}

/** The upstream fault, short: "TLS is intercepted by Fortinet FortiGate", "api.zaptec.com does not resolve". */
export function rootPhrase(roots: readonly CheckResult[], t: Translate): string {
  const first = roots[0];
  if (!first) return '';
  const product = first.evidence.interception;
  if (first.cause === 'TLS_INTERCEPTED') {
    const name =
      product && typeof product === 'object' && !Array.isArray(product) && typeof product.product === 'string'
        ? product.product
        : null;
    return name ? t('req.root.intercepted.by', { product: name }) : t('req.root.intercepted');
  }
  const same = roots.filter((r) => r.kind === first.kind && r.cause === first.cause).length;
  const vars = { host: first.target.host ?? '', port: first.target.port ?? '', cause: first.cause, n: same };
  const rest = roots.length - same;
  let phrase: string;
  switch (first.kind) {
    case 'dns':
      phrase = same > 1 ? t('req.root.dns.many', vars) : t('req.root.dns', vars);
      break;
    case 'tcp':
      phrase = same > 1 ? t('req.root.tcp.many', vars) : t('req.root.tcp', vars);
      break;
    case 'tls':
      phrase = same > 1 ? t('req.root.tls.many', vars) : t('req.root.tls', vars);
      break;
    default:
      phrase = same > 1 ? `${first.summary}${more(same - 1, t)}` : first.summary;
  }
  return `${phrase}${more(rest, t)}`;
}
