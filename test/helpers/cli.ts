import { spawn } from 'node:child_process';
import path from 'node:path';
import { reportedRunQueueMs, runQueueWaitMs, RUNQUEUE_PRELOAD } from './timing.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'bin/zapcheck.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the CLI process in MB, when asked for with `measureMemory`. */
  maxRssMb?: number;
  /**
   * With `measureStarvation`: how long the OS left the CLI's main thread, and this process, ready to run
   * but waiting for a CPU during the run (ms; test/helpers/timing.ts): what a bound on `ms` may excuse.
   */
  starvedMs?: number;
}

/**
 * Preloaded with --import when memory is measured: writes process.resourceUsage().maxRSS (the whole
 * process's, worker threads included) to fd 3 at exit, from the main thread only (a worker thread, such as
 * the lab's, runs the preload too).
 */
const MAX_RSS_PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; import { isMainThread } from 'node:worker_threads'; if (isMainThread) process.on('exit', () => { try { writeSync(3, String(process.resourceUsage().maxRSS)); } catch {} });",
)}`;

/**
 * Runs the built CLI as a user would, with the test guard on (ZAPCHECK_GUARD=loopback): the
 * subprocess cannot reach anything but loopback. Colour off unless the test sets FORCE_COLOR.
 */
export function runCli(
  args: string[],
  opts: {
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    cwd?: string;
    onSpawn?: (pid: number) => void;
    measureMemory?: boolean;
    /** Extra Node options before the script (e.g. --import of a preload). */
    nodeArgs?: string[];
    /** Measure the run-queue wait of the CLI and of this process (CliRun.starvedMs). */
    measureStarvation?: boolean;
  } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const parentWaited = runQueueWaitMs();
    const nodeArgs = [
      ...(opts.measureMemory ? ['--import', MAX_RSS_PRELOAD] : []),
      ...(opts.measureStarvation ? ['--import', RUNQUEUE_PRELOAD] : []),
      ...(opts.nodeArgs ?? []),
    ];
    const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', ZAPCHECK_GUARD: 'loopback', ...opts.env },
      stdio: [
        'ignore',
        'pipe',
        'pipe',
        opts.measureMemory ? 'pipe' : 'ignore',
        opts.measureStarvation ? 'pipe' : 'ignore',
      ],
    });
    let stdout = '';
    let stderr = '';
    let rss = '';
    let runqueue = '';
    const fd3 = child.stdio[3] as NodeJS.ReadableStream | null | undefined;
    fd3?.setEncoding('utf8');
    fd3?.on('data', (d: string) => (rss += d));
    const fd4 = child.stdio[4] as NodeJS.ReadableStream | null | undefined;
    fd4?.setEncoding('utf8');
    fd4?.on('data', (d: string) => (runqueue += d));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    if (child.pid !== undefined) opts.onSpawn?.(child.pid);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const run: CliRun = { code, signal, stdout, stderr, ms: performance.now() - started };
      if (rss) run.maxRssMb = Number(rss) / 1024;
      if (opts.measureStarvation) {
        run.starvedMs = reportedRunQueueMs(runqueue) + Math.max(0, runQueueWaitMs() - parentWaited);
      }
      resolve(run);
    });
  });
}

/** Runs `jobs` with at most `limit` at a time (CLI subprocesses: sized for a 2-core machine). */
export async function inPool<T, R>(
  items: readonly T[],
  limit: number,
  job: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await job(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
