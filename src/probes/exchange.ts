import { probeFail, probeOk, type ProbeErrorCode, type ProbeResult } from '../core/errors.js';

/**
 * The frame every probe runs in: one exchange that settles exactly once, with a timeout, an
 * AbortSignal, and clean-up that always runs (sockets destroyed, timers cleared, listeners removed).
 * Probes never throw for network outcomes; a throw inside a probe becomes INTERNAL here.
 */

/**
 * Abort reason for "this probe's own time limit passed" (set by createProbes on the combined
 * signal): reported as TIMEOUT, unlike an abort of the run (Ctrl-C, global deadline) which is ABORTED.
 */
export class ProbeTimeout extends Error {
  override readonly name = 'ProbeTimeout';
  constructor(readonly timeoutMs: number) {
    super(`probe time limit of ${timeoutMs} ms passed`);
  }
}

export interface Exchange<T> {
  ok(value: T): void;
  fail(code: ProbeErrorCode, message: string, cause?: unknown, bytesReceived?: number): void;
  /** Milliseconds since the exchange started. */
  elapsed(): number;
  /** Registers clean-up, run once when the exchange settles (last registered runs first). */
  defer(fn: () => void): void;
  readonly settled: boolean;
}

export interface ExchangeOptions {
  signal: AbortSignal;
  timeoutMs: number;
  /** What we were waiting for, for the abort message: "an answer from 127.0.0.1:53". */
  what: string;
  /**
   * The outcome when the time limit passes. Default: TIMEOUT "no answer from <what> within N ms".
   * A probe that saw only garbage returns PROTOCOL here instead.
   */
  onTimeout?: (limitMs: number) => {
    code: ProbeErrorCode;
    message: string;
    cause?: unknown;
    bytesReceived?: number;
  };
}

/** Timers cannot be longer than 2^31-1 ms; a non-finite or non-positive limit means "at once". */
export function clampTimeout(ms: number): number {
  if (!Number.isFinite(ms) || ms <= 0) return 1;
  return Math.min(Math.ceil(ms), 2_147_483_647);
}

export function exchange<T>(
  opts: ExchangeOptions,
  start: (x: Exchange<T>) => void | Promise<void>,
): Promise<ProbeResult<T>> {
  const started = performance.now();
  const limit = clampTimeout(opts.timeoutMs);
  const elapsed = (): number => performance.now() - started;
  return new Promise<ProbeResult<T>>((resolve) => {
    const cleanups: (() => void)[] = [];
    let settled = false;
    const settle = (result: ProbeResult<T>): void => {
      if (settled) return;
      settled = true;
      while (cleanups.length > 0) {
        try {
          cleanups.pop()!();
        } catch {
          // clean-up must not turn a result into a throw
        }
      }
      resolve(result);
    };
    const timedOut = (): void => {
      const t = opts.onTimeout?.(limit) ?? {
        code: 'TIMEOUT' as const,
        message: `no ${opts.what} within ${limit} ms`,
      };
      const failed = probeFail<T>(t.code, t.message, elapsed(), t.cause);
      if (!failed.ok && t.bytesReceived !== undefined) failed.error.bytesReceived = t.bytesReceived;
      settle(failed);
    };
    const x: Exchange<T> = {
      ok: (value) => settle(probeOk(value, elapsed())),
      fail: (code, message, cause, bytesReceived) => {
        const failed = probeFail<T>(code, message, elapsed(), cause);
        if (!failed.ok && bytesReceived !== undefined) failed.error.bytesReceived = bytesReceived;
        settle(failed);
      },
      elapsed,
      defer: (fn) => {
        if (settled) {
          try {
            fn();
          } catch {
            // ignore
          }
        } else cleanups.push(fn);
      },
      get settled() {
        return settled;
      },
    };
    const onAbort = (): void => {
      const reason: unknown = opts.signal.reason;
      if (reason instanceof ProbeTimeout) timedOut();
      else
        settle(
          probeFail(
            'ABORTED',
            `aborted while waiting for ${opts.what} after ${Math.round(elapsed())} ms`,
            elapsed(),
            reason,
          ),
        );
    };
    if (opts.signal.aborted) {
      onAbort();
      return;
    }
    const timer = setTimeout(timedOut, limit);
    cleanups.push(() => clearTimeout(timer));
    opts.signal.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => opts.signal.removeEventListener('abort', onAbort));
    try {
      const p = start(x);
      if (p) p.catch((err: unknown) => x.fail('INTERNAL', `probe failed: ${describeError(err)}`, err));
    } catch (err) {
      x.fail('INTERNAL', `probe failed: ${describeError(err)}`, err);
    }
  });
}

/** A short description of an error for messages: code and message, no stack. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}

export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
