/**
 * The result model: what every check produces and every reporter consumes.
 * Everything here is JSON-safe (no Error objects, no ANSI, no Buffers).
 */

export type Status = 'pass' | 'warn' | 'fail' | 'skip' | 'error';

/** Who can act on a remediation: the electrician on site, or the site's IT department. */
export type Audience = 'installer' | 'it';

export interface Target {
  host?: string;
  port?: number;
  protocol?: string;
}

export interface Remediation {
  audience: Audience;
  /** One or two sentences, exact hosts and ports, no jargon beyond what IT needs. */
  text: string;
}

/** JSON-safe evidence: plain data only. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
export type Evidence = { [key: string]: Json | undefined };

export interface CheckResult {
  /** Unique within a report, e.g. `tls:zapcloud.azure-devices.net:8883`. */
  id: string;
  /** The check family: dns, ntp, tcp, tls, https, mqtt, env, wifi, dhcp. */
  kind: string;
  title: string;
  target: Target;
  status: Status;
  /** Stable machine code, e.g. DNS_NXDOMAIN, TCP_DROPPED; `OK` on pass. */
  cause: string;
  /** One line in plain words. */
  summary: string;
  evidence: Evidence;
  remediation: Remediation[];
  durationMs: number;
}

export type Verdict = 'ready' | 'not-ready';

export type RequirementId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9';

/** One requirement of the manual as the handover states it (src/report/requirements.ts decides it). */
export interface RequirementVerdict {
  id: RequirementId;
  /** `skip` = not checked; `info` for R3 (data budget) and R9 (no inbound ports). */
  status: Status | 'info';
  /** The deciding check's cause code (TLS_INTERCEPTED, WIFI_NO_SCAN ...); OK on pass; INFO for R3/R9. */
  cause: string;
  /** The other requirement whose failure decided this one ("fails because of R4"), or null. */
  because: RequirementId | null;
  /** In plain words, in the report's language: what holds, what broke, or what would test it. */
  summary: string;
}

export interface ReportEnvironment {
  os: string;
  osRelease: string;
  arch: string;
  node: string;
  /** Interface carrying the IPv4 default route, when known. */
  interface: string | null;
  /** Resolvers the checks used, `ip:port`. */
  resolvers: string[];
  /** `lab` (built-in simulated site) or `real`. */
  mode: 'lab' | 'real';
  labScenario: string | null;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'zapcheck'; version: string };
  site: string;
  profile: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  verdict: Verdict;
  strict: boolean;
  interrupted: boolean;
  deadlineMs: number;
  environment: ReportEnvironment;
  counts: Record<Status, number>;
  checks: CheckResult[];
  /** R1-R9 as the handover states them; absent in reports made before zapcheck 0.2. */
  requirements?: RequirementVerdict[];
}

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
