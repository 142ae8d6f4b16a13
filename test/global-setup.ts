import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The CLI tests run the built program (bin/zapcheck.js -> dist/): build it once per test run. */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  try {
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  } catch {
    // tsc still emits on type errors; the type check proper is `npm run typecheck` in CI.
    process.stderr.write(
      'global-setup: the build reported errors (see above); CLI tests use what was emitted\n',
    );
  }
}
