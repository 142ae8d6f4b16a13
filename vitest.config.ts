import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // fast-check: a fixed seed in `npm test`, a random printed one in the full fuzz run.
    setupFiles: ['test/setup-fast-check.ts'],
    // Every socket a test opens goes through the site-context guard; this makes the guard refuse
    // anything but loopback (and namespaces a test names explicitly) in the CLI subprocesses too.
    env: { ZAPCHECK_GUARD: 'loopback' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
