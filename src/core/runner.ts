import { channel } from 'node:diagnostics_channel';
import type { Check, CheckFamily, CheckOutcome } from './check.js';
import type { SiteContext } from './context.js';
import type { CheckResult } from './result.js';
import type { Probes } from '../probes/types.js';

/**
 * The runner: every check starts as soon as the checks it needs are done (DNS -> TCP -> TLS per host,
 * all hosts at once), each with a budget derived from the deadline; the whole run is over by the
 * deadline however broken the network, and a check that throws becomes that check's `error`, never
 * the run's (after expo-doctor's runner).
 */

export interface RunnerEvents {
  onStart?(check: Check): void;
  onFinish?(result: CheckResult): void;
}

/**
 * Each finished check is also published on this diagnostics channel as `{ id, status, cause }`, after the
 * caller's onFinish: a way to watch a run from outside the program (a test's preload waits for "the DNS
 * check passed" there instead of sleeping). Without a subscriber it costs nothing.
 */
export const CHECK_FINISHED_CHANNEL = 'zapcheck:check-finished';
const checkFinished = channel(CHECK_FINISHED_CHANNEL);

export interface RunOutcome {
  results: CheckResult[];
  interrupted: boolean;
}

/**
 * Time kept back at the end of the run for correlating, writing the report and leaving the process:
 * --deadline bounds the whole process (issue 14: it ends within --deadline + 100 ms).
 */
const REPORT_RESERVE_MS = 150;
/** A check that ignores its budget is given up this long after the deadline (within the 100 ms). */
const HARD_STOP_GRACE_MS = 50;

const OK_DEPENDENCY = new Set(['pass', 'warn']);
/**
 * Causes a correlation finds that make every dependent's own result meaningless, failed ones included:
 * behind a DNS redirect every connection went to the portal, so its TCP, TLS and HTTPS results are not
 * about the host at all (they become skips, and the fault is said once, by DNS).
 */
const VOIDS_DEPENDENTS = new Set(['DNS_HIJACK']);

export function planChecks(families: readonly CheckFamily[], ctx: SiteContext): Check[] {
  const checks = families.flatMap((f) => f.plan(ctx));
  const ids = new Set<string>();
  for (const c of checks) {
    if (ids.has(c.id)) throw new Error(`duplicate check id ${c.id}`);
    ids.add(c.id);
  }
  for (const c of checks) {
    for (const n of c.needs) if (!ids.has(n)) throw new Error(`check ${c.id} needs unknown check ${n}`);
  }
  // A cycle would leave its checks waiting for ever, without a result.
  const needs = new Map(checks.map((c) => [c.id, c.needs]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw new Error(`dependency cycle: ${[...path, id].join(' -> ')}`);
    state.set(id, 'visiting');
    for (const n of needs.get(id) ?? []) visit(n, [...path, id]);
    state.set(id, 'done');
  };
  for (const c of checks) visit(c.id, []);
  return checks;
}

/**
 * The order in which checks that are ready together start: the one with the longest chain of checks
 * waiting on it first (a DNS check before the local Wi-Fi, DHCP and environment reads), so the first
 * packets leave before local work and the modules it loads take the event loop (issue 14). Report order
 * stays the plan's.
 */
function startOrder(checks: readonly Check[]): Check[] {
  const dependents = new Map<string, string[]>();
  for (const c of checks) for (const n of c.needs) dependents.set(n, [...(dependents.get(n) ?? []), c.id]);
  const memo = new Map<string, number>();
  const chain = (id: string): number => {
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    const d = 1 + Math.max(0, ...(dependents.get(id) ?? []).map(chain));
    memo.set(id, d);
    return d;
  };
  // Array.prototype.sort is stable: equal chains keep the plan's order.
  return [...checks].sort((a, b) => chain(b.id) - chain(a.id));
}

function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

export async function runChecks(
  families: readonly CheckFamily[],
  ctx: SiteContext,
  probes: Probes,
  events: RunnerEvents = {},
  /** Aborted by Ctrl-C only (the deadline is ctx.deadlineAt): makes the report `interrupted`. */
  interrupt?: AbortSignal,
): Promise<RunOutcome> {
  const checks = planChecks(families, ctx);
  const startFirst = startOrder(checks);
  const results = new Map<string, CheckResult>();
  const started = new Set<string>();
  const running = new Map<string, Promise<void>>();
  const clock = ctx.clock;

  const finish = (check: Check, out: CheckOutcome, startedAt: number): void => {
    if (results.has(check.id)) return;
    const result: CheckResult = {
      id: check.id,
      kind: check.kind,
      title: check.title,
      target: check.target,
      status: out.status,
      cause: out.cause,
      summary: out.summary,
      evidence: out.evidence,
      remediation: out.remediation,
      durationMs: Math.max(0, Math.round(clock.monotonic() - startedAt)),
    };
    results.set(check.id, result);
    events.onFinish?.(result);
    if (checkFinished.hasSubscribers) {
      checkFinished.publish({ id: result.id, status: result.status, cause: result.cause });
    }
  };

  /** The check that really failed, following skips down the dependency chain. */
  const rootOf = (r: CheckResult, lookup: (id: string) => CheckResult | undefined): CheckResult => {
    let cur = r;
    for (let i = 0; i < 32 && cur.cause === 'SKIPPED' && typeof cur.evidence.blockedBy === 'string'; i++) {
      const next = lookup(cur.evidence.blockedBy);
      if (!next) break;
      cur = next;
    }
    return cur;
  };

  const skipFor = (blocker: CheckResult, lookup = (id: string) => results.get(id)): CheckOutcome => {
    const root = rootOf(blocker, lookup);
    return {
      status: 'skip',
      cause: 'SKIPPED',
      summary: ctx.t('run.skipped', { title: root.title, cause: root.cause }),
      evidence: { blockedBy: blocker.id, rootCause: root.cause },
      remediation: [],
    };
  };

  const startCheck = (check: Check): void => {
    started.add(check.id);
    const startedAt = clock.monotonic();
    const blocker = check.needs
      .map((id) => results.get(id))
      .find((r) => r && (!OK_DEPENDENCY.has(r.status) || r.evidence.optionalFailure === true));
    if (blocker) {
      finish(check, skipFor(blocker), startedAt);
      return;
    }
    events.onStart?.(check);
    const left = ctx.deadlineAt - REPORT_RESERVE_MS - startedAt;
    const budgetMs = Math.max(1, Math.floor(Math.min(left, ctx.deadlineMs * check.budgetShare)));
    const deps: Record<string, CheckResult> = {};
    for (const id of check.needs) deps[id] = results.get(id)!;

    let hardStop: NodeJS.Timeout | undefined;
    const hardStopped = new Promise<CheckOutcome>((resolve) => {
      hardStop = setTimeout(
        () =>
          resolve({
            status: 'error',
            cause: 'CHECK_OVERRAN',
            summary: ctx.t('run.overran', { budget: budgetMs }),
            evidence: { budgetMs },
            remediation: [],
          }),
        Math.max(0, left) + REPORT_RESERVE_MS + HARD_STOP_GRACE_MS,
      );
      hardStop.unref();
    });
    const work = Promise.resolve()
      .then(() => check.run({ ctx, probes, deps, budgetMs }))
      .catch((err: unknown): CheckOutcome => ({
        status: 'error',
        cause: 'INTERNAL_ERROR',
        summary: ctx.t('run.internal', { message: describeError(err) }),
        evidence: { error: describeError(err) },
        remediation: [],
      }));
    const p = Promise.race([work, hardStopped]).then((out) => {
      clearTimeout(hardStop);
      finish(check, out, startedAt);
      running.delete(check.id);
    });
    running.set(check.id, p);
  };

  const interrupted = new Promise<'interrupted'>((resolve) => {
    if (interrupt?.aborted) resolve('interrupted');
    interrupt?.addEventListener('abort', () => resolve('interrupted'), { once: true });
  });

  let wasInterrupted = false;
  try {
    for (;;) {
      // Repeat while something starts: a skipped check finishes at once, and a dependent planned before
      // it would otherwise never be started once nothing is left running.
      for (let startedOne = true; startedOne;) {
        startedOne = false;
        for (const check of startFirst) {
          if (started.has(check.id)) continue;
          if (check.needs.every((id) => results.has(id))) {
            startCheck(check);
            startedOne = true;
          }
        }
      }
      if (running.size === 0) break;
      const next = await Promise.race([
        Promise.race(running.values()).then(() => 'progress' as const),
        interrupted,
      ]);
      if (next === 'interrupted') {
        wasInterrupted = true;
        break;
      }
    }
  } finally {
    // Connections the checks left for each other and nobody took (a skipped dependent, Ctrl-C).
    probes.release?.();
  }

  if (wasInterrupted) {
    const now = clock.monotonic();
    for (const check of checks) {
      if (!results.has(check.id)) {
        finish(
          check,
          {
            status: 'skip',
            cause: 'INTERRUPTED',
            summary: ctx.t('run.interrupted'),
            evidence: {},
            remediation: [],
          },
          now,
        );
      }
    }
  }

  let ordered = checks.map((c) => results.get(c.id)!);
  for (const family of families) {
    if (family.correlate) {
      const mine = ordered.filter((r) => r.kind === family.kind);
      const updated = family.correlate(mine, ctx, ordered);
      const byId = new Map(updated.map((r) => [r.id, r]));
      ordered = ordered.map((r) => byId.get(r.id) ?? r);
    }
  }
  // A correlation can turn a passed check into a failure after its dependents ran (one CA signing
  // unrelated hosts is interception): those dependents did not really pass, so they become skips.
  const finalById = new Map(ordered.map((r) => [r.id, r]));
  for (const check of checks) {
    const mine = finalById.get(check.id);
    if (!mine) continue;
    const needs = check.needs.map((id) => finalById.get(id));
    const voided = needs.find((r) => r && VOIDS_DEPENDENTS.has(r.cause));
    if (!voided && mine.status !== 'pass' && mine.status !== 'warn') continue;
    const blocker =
      voided ?? needs.find((r) => r && (!OK_DEPENDENCY.has(r.status) || r.evidence.optionalFailure === true));
    if (blocker) {
      const out = skipFor(blocker, (id) => finalById.get(id));
      finalById.set(check.id, { ...mine, ...out });
    }
  }
  ordered = ordered.map((r) => finalById.get(r.id) ?? r);
  return { results: ordered.map((r) => withMessageKeys(r, ctx)), interrupted: wasInterrupted };
}

/**
 * Stores beside each final text the catalogue key and variables it was rendered from (when ctx.t
 * remembers them), so a saved report renders in any language. Texts that are not one sentence of the
 * catalogue keep only their text.
 */
export function withMessageKeys(r: CheckResult, ctx: SiteContext): CheckResult {
  const lookup = ctx.t.messageOf;
  if (!lookup) return r;
  const out: CheckResult = { ...r };
  const summary = lookup(r.summary);
  if (summary) {
    out.summaryKey = summary.key;
    if (summary.vars) out.summaryVars = summary.vars;
  }
  const title = lookup(r.title);
  if (title) {
    out.titleKey = title.key;
    if (title.vars) out.titleVars = title.vars;
  }
  out.remediation = r.remediation.map((fix) => {
    const ref = lookup(fix.text);
    return ref ? { ...fix, key: ref.key, ...(ref.vars ? { vars: ref.vars } : {}) } : fix;
  });
  return out;
}
