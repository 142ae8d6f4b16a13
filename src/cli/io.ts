import { writeFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * What a command may touch of the process: streams and environment. Commands write through this,
 * so tests can run them in-process, and so only src/cli ever ends the process.
 */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /**
   * Monotonic time (performance.now()) the command's --deadline counts from. For the process: 0, its
   * start (performance.now() counts from performance.timeOrigin); in-process callers pass their now.
   */
  startedAt?: number;
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    startedAt: 0,
  };
}

/**
 * Writes a file atomically: a temp file beside it, then rename, so a reader (or a crash) never sees
 * half a report. `-` writes to stdout.
 */
export function writeOutput(io: CliIO, target: string, text: string): void {
  if (target === '-') {
    io.stdout.write(text);
    return;
  }
  const abs = path.resolve(io.cwd, target);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { mode: 0o644 });
    renameSync(tmp, abs);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
