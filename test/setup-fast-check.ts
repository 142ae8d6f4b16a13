import fc from 'fast-check';

/**
 * Property tests in `npm test` run with one fixed seed, so a run is reproducible and cannot flake on a rare
 * input; the full fuzz run (ZAPCHECK_FUZZ=full, `npm run test:fuzz`) draws a random seed and prints it.
 * ZAPCHECK_FUZZ_SEED=<n> replays either. fast-check names the seed and path of any failure as well.
 */
const FIXED_SEED = 20_261_201;
const given = process.env.ZAPCHECK_FUZZ_SEED;
const full = process.env.ZAPCHECK_FUZZ === 'full';
const seed =
  given !== undefined && /^-?\d+$/.test(given)
    ? Number(given)
    : full
      ? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0
      : FIXED_SEED;
fc.configureGlobal({ seed });
if (full || given !== undefined) {
  process.stderr.write(`fast-check seed ${seed} (replay: ZAPCHECK_FUZZ_SEED=${seed})\n`);
}
