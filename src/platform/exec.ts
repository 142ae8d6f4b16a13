/**
 * The only place zapcheck starts a child process.
 *
 * `execFile` only, never a shell: arguments are passed as an array, so an SSID or interface name can never
 * become a command. Every run is bounded in time (`timeoutMs`, plus the caller's AbortSignal) and in output
 * size (`maxBytes` for stdout and for stderr). Outcomes never throw: a missing tool, a timeout, too much
 * output, a refused permission and a non-zero exit are each a small closed error code.
 *
 * `LC_ALL=C` is the default so tools print the English, dot-decimal output the parsers know; a caller that
 * needs the user's localized output (to record it, or because the tool ignores the locale, like netsh)
 * passes `env` explicitly.
 */
import { execFile } from 'node:child_process';

export type RunToolErrorCode = 'NOT_FOUND' | 'TIMEOUT' | 'TOO_LARGE' | 'FAILED' | 'DENIED';

export interface RunToolOptions {
  timeoutMs: number;
  /** Limit for stdout and for stderr, each, in bytes. */
  maxBytes: number;
  signal?: AbortSignal;
  /**
   * Environment of the child. Default: the parent's environment with `LC_ALL=C` and `LANG=C`.
   * Given: used as is (merged over the parent's environment), so a caller can keep the user's locale.
   */
  env?: Record<string, string | undefined>;
  /** Decode output as latin1 instead of UTF-8 (Windows OEM code pages: the parser repairs mojibake). */
  encoding?: 'utf8' | 'latin1';
}

export type RunToolResult =
  | { ok: true; stdout: string; stderr: string; code: number }
  | { ok: false; error: RunToolErrorCode; message: string; stdout?: string; stderr?: string; code?: number };

export type RunTool = (file: string, args: readonly string[], opts: RunToolOptions) => Promise<RunToolResult>;

/** Runs `file` with `args` (no shell). Exit code 0 -> ok; anything else -> a `RunToolErrorCode`. */
export function runTool(file: string, args: readonly string[], opts: RunToolOptions): Promise<RunToolResult> {
  const label = [file, ...args].join(' ');
  if (opts.signal?.aborted) {
    return Promise.resolve({ ok: false, error: 'TIMEOUT', message: `${label}: aborted before it started` });
  }
  const env =
    opts.env === undefined ? { ...process.env, LC_ALL: 'C', LANG: 'C' } : { ...process.env, ...opts.env };
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: RunToolResult): void => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    try {
      execFile(
        file,
        [...args],
        {
          timeout: Math.max(1, Math.floor(opts.timeoutMs)),
          maxBuffer: Math.max(1, Math.floor(opts.maxBytes)),
          killSignal: 'SIGKILL',
          windowsHide: true,
          shell: false,
          env,
          encoding: opts.encoding ?? 'utf8',
          ...(opts.signal ? { signal: opts.signal } : {}),
        },
        (err, stdout, stderr) => {
          const out = String(stdout);
          const errText = String(stderr);
          if (!err) {
            done({ ok: true, stdout: out, stderr: errText, code: 0 });
            return;
          }
          done(classify(err, label, opts, out, errText));
        },
      );
    } catch (err) {
      // execFile throws synchronously only for invalid arguments (e.g. a NUL byte in an argument).
      done({ ok: false, error: 'FAILED', message: `${label}: could not start (${String(err)})` });
    }
  });
}

function classify(
  err: Error & { code?: unknown; killed?: boolean; signal?: unknown },
  label: string,
  opts: RunToolOptions,
  stdout: string,
  stderr: string,
): RunToolResult {
  const code = err.code;
  if (code === 'ENOENT') {
    return { ok: false, error: 'NOT_FOUND', message: `${label}: command not found` };
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return { ok: false, error: 'DENIED', message: `${label}: permission denied` };
  }
  if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
    return { ok: false, error: 'TOO_LARGE', message: `${label}: output exceeded ${opts.maxBytes} bytes` };
  }
  if (code === 'ABORT_ERR' || opts.signal?.aborted) {
    return { ok: false, error: 'TIMEOUT', message: `${label}: aborted (deadline or interrupt)` };
  }
  if (err.killed === true || (err.signal !== null && err.signal !== undefined)) {
    return { ok: false, error: 'TIMEOUT', message: `${label}: no result within ${opts.timeoutMs} ms` };
  }
  const exit = typeof code === 'number' ? code : -1;
  const firstLine = (stderr.trim() || stdout.trim()).split(/\r?\n/)[0]?.slice(0, 200) ?? '';
  const denied = /permission|not permitted|operation not allowed|access is denied|requires elevation/i.test(
    firstLine,
  );
  return {
    ok: false,
    error: denied ? 'DENIED' : 'FAILED',
    message: `${label}: exit ${exit}${firstLine ? `: ${firstLine}` : ''}`,
    stdout,
    stderr,
    code: exit,
  };
}
