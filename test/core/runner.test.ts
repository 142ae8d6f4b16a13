import { describe, expect, it } from 'vitest';
import type { Check, CheckFamily, CheckInput, CheckOutcome } from '../../src/core/check.js';
import { outcome } from '../../src/core/check.js';
import type { CheckResult, Status } from '../../src/core/result.js';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { CHECK_FINISHED_CHANNEL, planChecks, runChecks } from '../../src/core/runner.js';
import { fakeContext, fakeProbes } from '../helpers/fake-context.js';
import { eventually } from '../helpers/timing.js';

/** A promise with its resolve function outside: a latch the test opens. */
function latch<T = void>(): { promise: Promise<T>; open(v: T): void } {
  let open!: (v: T) => void;
  const promise = new Promise<T>((r) => (open = r));
  return { promise, open };
}

function check(
  id: string,
  run: (input: CheckInput) => Promise<CheckOutcome>,
  opts: { needs?: string[]; budgetShare?: number; kind?: string } = {},
): Check {
  return {
    id,
    kind: opts.kind ?? 'x',
    title: `check ${id}`,
    target: { host: `${id}.example` },
    needs: opts.needs ?? [],
    budgetShare: opts.budgetShare ?? 0.5,
    run,
  };
}

const verdict = (status: Status, cause = status === 'pass' ? 'OK' : `X_${status.toUpperCase()}`) =>
  Promise.resolve(outcome(status, cause, `${cause} happened`));

function family(checks: Check[], kind = 'x', correlate?: CheckFamily['correlate']): CheckFamily {
  return correlate ? { kind, plan: () => checks, correlate } : { kind, plan: () => checks };
}

const byId = (results: CheckResult[], id: string) => results.find((r) => r.id === id)!;

describe('runChecks', () => {
  it('starts a dependent only after its need finished, and hands it the need’s result', async () => {
    const log: string[] = [];
    const a = latch();
    let depsSeen: Record<string, CheckResult> = {};
    const checks = [
      check('a', async () => {
        log.push('a start');
        await a.promise;
        log.push('a end');
        return outcome('pass', 'OK', 'a ok', { addresses: ['198.51.100.1'] });
      }),
      check(
        'b',
        (input) => {
          log.push('b start');
          depsSeen = { ...input.deps };
          return verdict('pass');
        },
        { needs: ['a'] },
      ),
    ];
    const ctx = fakeContext();
    const run = runChecks([family(checks)], ctx, fakeProbes({}));
    // Once a has started, a few more turns of the event loop: b must still wait for a.
    await eventually(() => log.length > 0);
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 1));
    expect(log).toEqual(['a start']);
    a.open();
    const { results, interrupted } = await run;
    expect(interrupted).toBe(false);
    expect(log).toEqual(['a start', 'a end', 'b start']);
    expect(depsSeen.a?.evidence.addresses).toEqual(['198.51.100.1']);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['a', 'pass'],
      ['b', 'pass'],
    ]);
  });

  it('skips dependents (transitively) with cause SKIPPED when a need fails, without running them', async () => {
    let ran = 0;
    const checks = [
      check('dns', () => verdict('fail', 'DNS_NXDOMAIN')),
      check('tcp', () => (ran++, verdict('pass')), { needs: ['dns'] }),
      check('tls', () => (ran++, verdict('pass')), { needs: ['dns', 'tcp'] }),
      check('other', () => verdict('pass')),
    ];
    const started: string[] = [];
    const finished: string[] = [];
    const { results } = await runChecks([family(checks)], fakeContext(), fakeProbes({}), {
      onStart: (c) => started.push(c.id),
      onFinish: (r) => finished.push(r.id),
    });
    expect(ran).toBe(0);
    const tcp = byId(results, 'tcp');
    expect(tcp.status).toBe('skip');
    expect(tcp.cause).toBe('SKIPPED');
    expect(tcp.evidence.blockedBy).toBe('dns');
    expect(tcp.summary).toContain('check dns');
    expect(tcp.summary).toContain('DNS_NXDOMAIN');
    expect(byId(results, 'tls').status).toBe('skip');
    expect(byId(results, 'other').status).toBe('pass');
    expect(started.sort()).toEqual(['dns', 'other']);
    expect(finished.sort()).toEqual(['dns', 'other', 'tcp', 'tls']);
  });

  it('lets dependents of a warn run, but skips those of a softened optional failure', async () => {
    const checks = [
      check('warned', () => verdict('warn', 'DNS_PARTIAL')),
      check('optional', () =>
        Promise.resolve(outcome('warn', 'NTP_NO_REPLY', 'x', { optionalFailure: true })),
      ),
      check('afterWarn', () => verdict('pass'), { needs: ['warned'] }),
      check('afterOptional', () => verdict('pass'), { needs: ['optional'] }),
    ];
    const { results } = await runChecks([family(checks)], fakeContext(), fakeProbes({}));
    expect(byId(results, 'afterWarn').status).toBe('pass');
    expect(byId(results, 'afterOptional').status).toBe('skip');
    expect(byId(results, 'afterOptional').evidence.blockedBy).toBe('optional');
  });

  it('runs independent checks concurrently (each waits for the other to start)', async () => {
    const aStarted = latch();
    const bStarted = latch();
    const checks = [
      check('a', async () => {
        aStarted.open();
        await bStarted.promise;
        return outcome('pass', 'OK', 'a');
      }),
      check('b', async () => {
        bStarted.open();
        await aStarted.promise;
        return outcome('pass', 'OK', 'b');
      }),
    ];
    // Run one after the other, each would wait for ever: the deadline would give them up as CHECK_OVERRAN.
    const { results } = await runChecks([family(checks)], fakeContext({ deadlineMs: 300 }), fakeProbes({}));
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass']);
  });

  it('starts a dependent as soon as its own need is done, while an unrelated check still runs', async () => {
    const slow = latch();
    const log: string[] = [];
    const checks = [
      check('slow', async () => {
        await slow.promise;
        log.push('slow end');
        return outcome('pass', 'OK', 'slow');
      }),
      check('fast', () => verdict('pass')),
      check(
        'afterFast',
        () => {
          log.push('afterFast');
          slow.open();
          return verdict('pass');
        },
        { needs: ['fast'] },
      ),
    ];
    const { results } = await runChecks([family(checks)], fakeContext({ deadlineMs: 300 }), fakeProbes({}));
    expect(log).toEqual(['afterFast', 'slow end']);
    expect(results.every((r) => r.status === 'pass')).toBe(true);
  });

  it('turns a throwing check into its own error INTERNAL_ERROR; the others still run', async () => {
    const checks = [
      check('boom', () => {
        throw new TypeError('cannot read properties of undefined');
      }),
      check('async-boom', () => Promise.reject(new Error('rejected'))),
      check('fine', () => verdict('pass')),
      check('after', () => verdict('pass'), { needs: ['boom'] }),
    ];
    const { results } = await runChecks([family(checks)], fakeContext(), fakeProbes({}));
    const boom = byId(results, 'boom');
    expect(boom.status).toBe('error');
    expect(boom.cause).toBe('INTERNAL_ERROR');
    expect(boom.summary).toContain('TypeError: cannot read properties of undefined');
    expect(JSON.parse(JSON.stringify(boom.evidence))).toEqual({
      error: 'TypeError: cannot read properties of undefined',
    });
    expect(byId(results, 'async-boom').cause).toBe('INTERNAL_ERROR');
    expect(byId(results, 'fine').status).toBe('pass');
    expect(byId(results, 'after').status).toBe('skip');
  });

  it('gives up a check that never resolves at the deadline: error CHECK_OVERRAN, the run still ends', async () => {
    const checks = [
      check('hang', () => new Promise<CheckOutcome>(() => undefined)),
      check('fine', () => verdict('pass')),
      check('afterHang', () => verdict('pass'), { needs: ['hang'] }),
    ];
    const started = performance.now();
    const { results, interrupted } = await runChecks(
      [family(checks)],
      fakeContext({ deadlineMs: 300 }),
      fakeProbes({}),
    );
    const elapsed = performance.now() - started;
    expect(interrupted).toBe(false);
    const hang = byId(results, 'hang');
    expect(hang.status).toBe('error');
    expect(hang.cause).toBe('CHECK_OVERRAN');
    expect(hang.evidence.budgetMs).toBe(150);
    expect(byId(results, 'fine').status).toBe('pass');
    expect(byId(results, 'afterHang').cause).toBe('SKIPPED');
    // deadline 300 ms plus the runner's grace; far from "never"
    expect(elapsed).toBeGreaterThanOrEqual(250);
  });

  it('clips each budget to the check’s share of the deadline and to the time left', async () => {
    const budgets: Record<string, number> = {};
    const ctx = fakeContext({ deadlineMs: 5000 });
    const checks = [
      check(
        'first',
        (input) => {
          budgets.first = input.budgetMs;
          ctx.clock.advance(4000); // the first check used 4 s of the 5 s
          return verdict('pass');
        },
        { budgetShare: 0.4 },
      ),
      check(
        'second',
        (input) => {
          budgets.second = input.budgetMs;
          return verdict('pass');
        },
        { needs: ['first'], budgetShare: 0.5 },
      ),
    ];
    await runChecks([family(checks)], ctx, fakeProbes({}));
    expect(budgets.first).toBe(2000); // 40 % of 5 s
    expect(budgets.second).toBe(850); // 5000 - 4000 - 150 ms kept for the report
  });

  it('on an interrupt returns interrupted=true, keeps finished results and skips the rest as INTERRUPTED', async () => {
    const stop = new AbortController();
    const aDone = latch();
    const checks = [
      check('done', () => {
        aDone.open();
        return verdict('pass');
      }),
      check('running', () => new Promise<CheckOutcome>(() => undefined)),
      check('waiting', () => verdict('pass'), { needs: ['running'] }),
    ];
    const run = runChecks(
      [family(checks)],
      fakeContext({ deadlineMs: 10_000 }),
      fakeProbes({}),
      {},
      stop.signal,
    );
    await aDone.promise;
    await new Promise((r) => setTimeout(r, 10));
    stop.abort();
    const { results, interrupted } = await run;
    expect(interrupted).toBe(true);
    expect(byId(results, 'done').status).toBe('pass');
    for (const id of ['running', 'waiting']) {
      expect(byId(results, id).status).toBe('skip');
      expect(byId(results, id).cause).toBe('INTERRUPTED');
    }
  });

  it('applies a family’s correlate to its own results only, keeping the plan order', async () => {
    const seen: string[][] = [];
    const tls = family(
      [
        check('t1', () => verdict('fail', 'TLS_UNTRUSTED'), { kind: 'tls' }),
        check('t2', () => verdict('pass'), { kind: 'tls' }),
      ],
      'tls',
      (results) => {
        seen.push(results.map((r) => r.id));
        return results.map((r) => ({
          ...r,
          cause: r.cause === 'TLS_UNTRUSTED' ? 'TLS_INTERCEPTED' : r.cause,
        }));
      },
    );
    const other = family([check('o1', () => verdict('fail', 'TLS_UNTRUSTED'))]);
    const { results } = await runChecks([other, tls], fakeContext(), fakeProbes({}));
    expect(seen).toEqual([['t1', 't2']]);
    expect(results.map((r) => [r.id, r.cause])).toEqual([
      ['o1', 'TLS_UNTRUSTED'],
      ['t1', 'TLS_INTERCEPTED'],
      ['t2', 'OK'],
    ]);
  });

  it('a correlated DNS_HIJACK voids its dependents’ results, failed ones too: they become skips naming it', async () => {
    const dns = family([check('d', () => verdict('pass'), { kind: 'dns' })], 'dns', (results, _ctx, all) => {
      // The correlation sees the other families' results too.
      expect(all?.map((r) => r.id)).toEqual(['d', 't', 'h']);
      return results.map((r) => ({ ...r, status: 'fail', cause: 'DNS_HIJACK' }));
    });
    const rest = family([
      check('t', () => verdict('fail', 'TLS_NAME_MISMATCH'), { needs: ['d'] }),
      check('h', () => verdict('pass'), { needs: ['d', 't'] }),
    ]);
    const { results } = await runChecks([dns, rest], fakeContext(), fakeProbes({}));
    expect(results.map((r) => [r.id, r.status, r.cause, r.evidence.rootCause])).toEqual([
      ['d', 'fail', 'DNS_HIJACK', undefined],
      ['t', 'skip', 'SKIPPED', 'DNS_HIJACK'],
      ['h', 'skip', 'SKIPPED', 'DNS_HIJACK'],
    ]);
  });

  it('reports results in plan order whatever order they finish in', async () => {
    const first = latch();
    const checks = [
      check('late', async () => {
        await first.promise;
        await new Promise((r) => setTimeout(r, 5));
        return outcome('pass', 'OK', 'late');
      }),
      check('early', () => {
        first.open();
        return verdict('pass');
      }),
    ];
    const finished: string[] = [];
    const { results } = await runChecks([family(checks)], fakeContext(), fakeProbes({}), {
      onFinish: (r) => finished.push(r.id),
    });
    expect(finished).toEqual(['early', 'late']);
    expect(results.map((r) => r.id)).toEqual(['late', 'early']);
  });

  it('runs every check even when a dependent is planned before its need (regression: results were lost)', async () => {
    // The dependent comes first in plan order and its need fails, so the dependent is skipped at once.
    const checks = [
      check('tls', () => verdict('pass'), { needs: ['tcp'] }),
      check('tcp', () => verdict('pass'), { needs: ['dns'] }),
      check('dns', () => verdict('fail', 'DNS_TIMEOUT')),
    ];
    const { results } = await runChecks([family(checks)], fakeContext(), fakeProbes({}));
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['tls', 'skip'],
      ['tcp', 'skip'],
      ['dns', 'fail'],
    ]);
  });
});

describe('planChecks', () => {
  const ok = () => verdict('pass');

  it('throws on duplicate ids', async () => {
    const fams = [family([check('a', ok)]), family([check('a', ok)], 'y')];
    expect(() => planChecks(fams, fakeContext())).toThrow(/duplicate check id a/);
    await expect(runChecks(fams, fakeContext(), fakeProbes({}))).rejects.toThrow(/duplicate/);
  });

  it('throws on a need that no check provides', () => {
    expect(() => planChecks([family([check('a', ok, { needs: ['nope'] })])], fakeContext())).toThrow(
      /check a needs unknown check nope/,
    );
  });

  it('throws on a dependency cycle instead of leaving checks without a result', () => {
    const fams = [family([check('a', ok, { needs: ['b'] }), check('b', ok, { needs: ['a'] })])];
    expect(() => planChecks(fams, fakeContext())).toThrow(/cycle/);
  });

  it('plans the checks of all families in family order', () => {
    const fams = [family([check('a', ok), check('b', ok)]), family([check('c', ok, { needs: ['a'] })], 'y')];
    expect(planChecks(fams, fakeContext()).map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('runChecks after correlation', () => {
  it('skips a dependent whose need a correlation turned into a failure, naming the root cause', async () => {
    const tls = check('tls', () => verdict('pass'), { kind: 'tls' });
    const https = check('https', () => verdict('pass'), { kind: 'https', needs: ['tls'] });
    const mqtt = check('mqtt', () => verdict('pass'), { kind: 'mqtt', needs: ['https'] });
    const intercepted: CheckFamily['correlate'] = (results) =>
      results.map((r) => ({ ...r, status: 'fail' as const, cause: 'TLS_INTERCEPTED' }));
    const { results } = await runChecks(
      [family([tls], 'tls', intercepted), family([https], 'https'), family([mqtt], 'mqtt')],
      fakeContext(),
      fakeProbes({}),
    );
    expect(byId(results, 'tls')).toMatchObject({ status: 'fail', cause: 'TLS_INTERCEPTED' });
    expect(byId(results, 'https')).toMatchObject({ status: 'skip', cause: 'SKIPPED' });
    expect(byId(results, 'https').evidence).toMatchObject({ blockedBy: 'tls', rootCause: 'TLS_INTERCEPTED' });
    // Transitively, and the summary names the check that really failed, not the skip in between.
    expect(byId(results, 'mqtt')).toMatchObject({ status: 'skip', cause: 'SKIPPED' });
    expect(byId(results, 'mqtt').summary).toContain('check tls');
    expect(byId(results, 'mqtt').summary).toContain('TLS_INTERCEPTED');
  });

  it('names the root failure in a skip two levels down', async () => {
    const checks = [
      check('dns', () => verdict('fail', 'DNS_NXDOMAIN')),
      check('tcp', () => verdict('pass'), { needs: ['dns'] }),
      check('tls', () => verdict('pass'), { needs: ['tcp'] }),
    ];
    const { results } = await runChecks([family(checks)], fakeContext(), fakeProbes({}));
    expect(byId(results, 'tls').summary).toContain('DNS_NXDOMAIN');
    expect(byId(results, 'tls').evidence.rootCause).toBe('DNS_NXDOMAIN');
  });

  it('publishes each finished check on the zapcheck:check-finished diagnostics channel, after onFinish', async () => {
    const seen: string[] = [];
    const onMessage = (m: unknown): void => {
      const { id, status, cause } = m as { id: string; status: string; cause: string };
      seen.push(`channel ${id} ${status} ${cause}`);
    };
    subscribe(CHECK_FINISHED_CHANNEL, onMessage);
    try {
      const checks = [
        check('dns', () => verdict('pass')),
        check('tcp', () => verdict('fail', 'TCP_DROPPED'), { needs: ['dns'] }),
      ];
      await runChecks([family(checks)], fakeContext(), fakeProbes({}), {
        onFinish: (r) => seen.push(`onFinish ${r.id}`),
      });
    } finally {
      unsubscribe(CHECK_FINISHED_CHANNEL, onMessage);
    }
    expect(CHECK_FINISHED_CHANNEL).toBe('zapcheck:check-finished');
    expect(seen).toEqual([
      'onFinish dns',
      'channel dns pass OK',
      'onFinish tcp',
      'channel tcp fail TCP_DROPPED',
    ]);
  });
});
