import { writeFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../core/errors.js';
import { createTranslator, type Translate } from '../i18n/index.js';

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
 * Writes a file atomically: a temp file beside it, then rename, so a reader (or a crash, or a second
 * Ctrl-C) never sees half a report: the file is complete or absent. `-` writes to stdout. A failure is a
 * UsageError (exit 2) naming the option and the path; the options were checked before the run
 * (validate.ts), so this is a disk that filled up or a folder removed meanwhile.
 */
export function writeOutput(
  io: CliIO,
  target: string,
  text: string | Uint8Array,
  opts: { option?: string; t?: Translate } = {},
): void {
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
    const t = opts.t ?? createTranslator('en');
    const code = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
    throw new UsageError(
      t('err.output.write', { option: opts.option ?? '--json', file: target, code }),
      t('err.output.write.hint'),
    );
  }
}
