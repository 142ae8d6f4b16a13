import fc from 'fast-check';
import { expect, it } from 'vitest';

/** test/setup-fast-check.ts: `npm test` is reproducible; the full fuzz run is not, and says its seed. */
it('property tests run with the fixed seed in npm test, and a given ZAPCHECK_FUZZ_SEED replays', () => {
  const seed = fc.readConfigureGlobal().seed;
  if (process.env.ZAPCHECK_FUZZ_SEED !== undefined) expect(seed).toBe(Number(process.env.ZAPCHECK_FUZZ_SEED));
  else if (process.env.ZAPCHECK_FUZZ === 'full') expect(typeof seed).toBe('number');
  else expect(seed).toBe(20_261_201);
  // The same seed draws the same inputs.
  expect(fc.sample(fc.integer(), 5)).toEqual(fc.sample(fc.integer(), 5));
});
