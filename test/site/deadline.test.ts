import { describe, expect, it } from 'vitest';
import { createGuard } from '../../src/core/guard.js';
import { createRealContext } from '../../src/site/real.js';
import { loadProfile } from '../../src/profile/load.js';

/**
 * Issue 14, point 3: --deadline bounds the process. The CLI counts it from the process's start
 * (deadlineFrom 0 on performance.now()), so time spent starting up is taken from the checks' budgets.
 */

const profile = loadProfile('zaptec-pro');

function contextAt(now: number, deadlineFrom?: number) {
  return createRealContext({
    site: 'deadline',
    profile,
    deadlineMs: 2000,
    ...(deadlineFrom === undefined ? {} : { deadlineFrom }),
    guard: createGuard('loopback'),
    options: { mqttConnect: false, strict: false, extra: {} },
    lang: 'en',
    interrupt: new AbortController().signal,
    clock: { now: () => 1_700_000_000_000, monotonic: () => now },
    env: {},
    dnsServers: [{ ip: '127.0.0.1', port: 53, source: 'user' }],
    environment: { proxy: {}, ipv4DefaultRoute: undefined, routeSource: 'test' },
  });
}

describe('the deadline', () => {
  it('counts from the given start: 700 ms of start-up leave 1300 ms', () => {
    const ctx = contextAt(700, 0);
    expect(ctx.deadlineAt).toBe(2000);
    expect(ctx.deadlineMs).toBe(2000);
  });

  it('counts from the context creation when no start is given (in-process callers)', () => {
    expect(contextAt(700).deadlineAt).toBe(2700);
  });

  it('a start-up that already used the whole deadline aborts the run signal at once', async () => {
    const ctx = contextAt(performance.now(), performance.now() - 5000);
    await new Promise((r) => setTimeout(r, 20));
    expect(ctx.signal.aborted).toBe(true);
  });
});
