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
}

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
