import { defineConfig } from 'vitest/config';

// `npm run test:sea`: the standalone executables in dist-bin/ (built by `npm run package` first). Kept
// out of `npm test` (whose include is test/**/*.test.ts): building them fetches four Node binaries and
// takes a minute or two, which every `npm test` should not pay. CI (.ci/run) runs both.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/sea/**/*.sea.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
