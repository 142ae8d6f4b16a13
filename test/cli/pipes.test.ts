import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

/**
 * `zapcheck lab | head -1`: the reader closes the pipe before zapcheck has written (or finished writing).
 * Regression: the write failed with EPIPE and Node printed "Unhandled 'error' event" with a stack trace,
 * exit 1.
 */
function runWithStdoutClosed(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ZAPCHECK_GUARD: 'loopback' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reading end goes away at once, long before Node has loaded zapcheck: every write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('a reader that stops early (EPIPE on stdout)', () => {
  for (const args of [['lab'], ['site', '--lab'], ['profiles'], ['--help']]) {
    it(`zapcheck ${args.join(' ')} ends quietly with exit 0`, async () => {
      const run = await runWithStdoutClosed(args);
      expect(run.stderr).not.toContain('EPIPE');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.code).toBe(0);
    });
  }

  it('through a shell pipe into head -1', async () => {
    const run = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn(
        'bash',
        ['-c', 'set -o pipefail; "$0" "$1" lab 2>&1 | head -1; echo "exit=$?"', process.execPath, BIN],
        { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out }));
    });
    expect(run.out).toMatch(/^healthy\s/);
    expect(run.out).toContain('exit=0');
    expect(run.out).not.toContain('EPIPE');
  });
});
