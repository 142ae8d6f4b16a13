import type { SiteContext } from './context.js';
import type { CheckResult, Evidence, Remediation, Status, Target } from './result.js';
import type { Probes } from '../probes/types.js';

/**
 * The check contract (after expo-doctor's): a check is data plus one async function that asks probes
 * for evidence and turns it into a verdict. It never opens a socket, reads the clock or prints.
 *
 * A check family (one file in src/checks, named after its kind) plans one check per target from the
 * profile and the site context; the runner runs each as soon as the checks it `needs` are done.
 */

export interface CheckOutcome {
  status: Status;
  cause: string;
  summary: string;
  evidence: Evidence;
  remediation: Remediation[];
}

export interface CheckInput {
  ctx: SiteContext;
  probes: Probes;
  /** Results of the checks named in `needs`, by id. All have status pass or warn. */
  deps: Readonly<Record<string, CheckResult>>;
  /** How long this check may take, ms; pass it (or less) to each probe as timeoutMs. */
  budgetMs: number;
}

export interface Check {
  id: string;
  kind: string;
  title: string;
  target: Target;
  /** Ids of checks whose results this one needs; if any is not pass/warn, this one is skipped. */
  needs: string[];
  /**
   * What share of the run's deadline this check may take at most (0..1); the runner also clips it
   * to the time left. Lets DNS give up early enough for TCP and TLS to still be tried.
   */
  budgetShare: number;
  run(input: CheckInput): Promise<CheckOutcome>;
}

export interface CheckFamily {
  kind: string;
  /** The checks of this family for this site; [] when it has nothing to check. */
  plan(ctx: SiteContext): Check[];
  /**
   * Optional pure pass over the finished results of the whole run (e.g. one unknown issuer signing
   * unrelated hosts means TLS interception). `results` are this family's; `all` every result of the run,
   * for evidence from other families (a DNS redirect is confirmed by what TLS and HTTPS saw). Returns
   * the results to keep (this family's, in the same order).
   */
  correlate?(results: CheckResult[], ctx: SiteContext, all?: readonly CheckResult[]): CheckResult[];
}

/** Shorthand constructors keep verdicts uniform across checks. */
export function outcome(
  status: Status,
  cause: string,
  summary: string,
  evidence: Evidence = {},
  remediation: Remediation[] = [],
): CheckOutcome {
  return { status, cause, summary, evidence, remediation };
}

export function checkId(kind: string, host?: string, port?: number): string {
  return [kind, host, port].filter((p) => p !== undefined).join(':');
}
