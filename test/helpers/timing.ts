import { readFileSync } from 'node:fs';
import { expect, vi } from 'vitest';

/**
 * Timing bounds that a loaded machine cannot break, and waits for events instead of fixed sleeps.
 *
 * A bound like "the probe settles within its limit" or "the run ends by its deadline" is what a user relies
 * on, so the suite keeps it. But on a 2-core machine shared with other work the OS may leave a process
 * ready to run and waiting for a CPU for a second or more, and no program keeps a deadline while it is not
 * run. Linux counts that time per thread (/proc/<pid>/schedstat, second field: run-queue wait in ns), so a
 * bound adds what the OS took from the process, measured, to the slack for its own work. Time the process
 * spends working, or waiting on a timer or a peer, is not excused: a probe that overruns its limit still
 * fails. Where /proc is missing (not Linux) nothing is excused and the fixed slack alone applies.
 */

/** Run-queue wait of a thread (default: this process's main thread, the event loop's), ms; 0 if unknown. */
export function runQueueWaitMs(pid: number | 'self' = 'self'): number {
  try {
    const fields = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/);
    const ns = Number(fields[1]);
    return Number.isFinite(ns) ? ns / 1e6 : 0;
  } catch {
    return 0;
  }
}

/** Times one call: wall time, and how much of it this process waited for a CPU. */
export async function timed<T>(
  f: () => Promise<T>,
): Promise<{ value: T; startedAt: number; elapsedMs: number; starvedMs: number }> {
  const waited = runQueueWaitMs();
  const startedAt = performance.now();
  const value = await f();
  const elapsedMs = performance.now() - startedAt;
  return { value, startedAt, elapsedMs, starvedMs: Math.max(0, runQueueWaitMs() - waited) };
}

/**
 * A preload (node --import) for a CLI child: at exit it writes `runqueue <ms>` (its main thread's total
 * run-queue wait) to file descriptor 4, so the parent can excuse that time from the child's own bounds.
 */
export const RUNQUEUE_PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import { readFileSync, writeSync } from 'node:fs';" +
    "process.on('exit', () => { try { const f = readFileSync('/proc/self/schedstat', 'utf8').split(' ');" +
    ' writeSync(4, `runqueue ${Number(f[1]) / 1e6}\\n`); } catch {} });',
)}`;

/** The run-queue wait a RUNQUEUE_PRELOAD child reported on fd 4 (0 when it said nothing). */
export function reportedRunQueueMs(fd4Text: string): number {
  const m = /runqueue ([\d.]+)/.exec(fd4Text);
  return m ? Number(m[1]) : 0;
}

/**
 * Waits until `condition()` holds, checking after each turn of the event loop (a few ms apart), for at most
 * `maxMs`. For effects that need the event loop to run (sockets closing, a peer seeing the FIN): it returns
 * as soon as they happened, however loaded the machine, and the caller's assertion fails only if they never do.
 */
export async function eventually(condition: () => boolean, maxMs = 10_000): Promise<void> {
  const until = performance.now() + maxMs;
  // At least 200 turns too: a process the OS does not run sees the wall clock pass without any turn.
  for (let turn = 0; !condition() && (turn < 200 || performance.now() < until); turn++) {
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Turns of the event loop (setImmediate, which no fake clock here replaces) until `condition()` holds; ~10 s. */
export async function turnsUntil(condition: () => boolean, maxMs = 10_000): Promise<void> {
  const until = performance.now() + maxMs;
  for (let turn = 0; !condition() && (turn < 2000 || performance.now() < until); turn++) {
    await new Promise((r) => setImmediate(r));
  }
}

export interface FakeLimit {
  /** Waits (real event-loop turns) until `condition()` holds, then asserts it. */
  until(condition: () => boolean, what?: string): Promise<void>;
  /** Moves the fake clock: the probe's own timers (limit, retransmission) fire now, in order. */
  advance(ms: number): Promise<void>;
  /** Whether the probe's promise has settled. */
  settled(): boolean;
}

/**
 * Runs a probe with its time limit on a fake clock (global setTimeout/clearTimeout only: sockets, TLS and
 * Node's internal socket timers stay real), so "the limit passed" happens when the test says, after the
 * exchange reached the state it is about (request received, handshake done, bytes relayed), however long
 * the OS left the process waiting. A wall-clock limit of a few hundred ms races on a loaded machine: a
 * process unscheduled past the limit wakes with the limit timer and the peer's bytes both due, and Node
 * runs timers before I/O.
 */
export async function withFakeLimit<T>(
  run: () => Promise<T>,
  steps: (at: FakeLimit) => Promise<void>,
): Promise<T> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    let done = false;
    const p = run().finally(() => (done = true));
    await steps({
      until: async (condition, what = 'the awaited state') => {
        await turnsUntil(condition);
        expect(condition(), what).toBe(true);
      },
      advance: async (ms) => {
        await vi.advanceTimersByTimeAsync(ms);
      },
      settled: () => done,
    });
    return await p;
  } finally {
    vi.useRealTimers();
  }
}
