import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The CLI tests run the built program (bin/zapcheck.js -> dist/): build it once per test run. A build that
 * fails stops the run: tsc still emits on type errors, and testing a half-built or stale dist/ would pass
 * or fail for the wrong reasons.
 */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  try {
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      { cwd: root, stdio: 'inherit' },
    );
  } catch (err) {
    throw new Error(
      'global-setup: `tsc -p tsconfig.build.json` failed (errors above); fix the build before testing dist/',
      { cause: err },
    );
  }
}
