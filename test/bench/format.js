// The one line every benchmark measure prints (npm run bench): name, ratio, goal and the numbers behind it.
//   startup: zapcheck --version / node -e 0      ratio   1.15   goal <= 1.3  met      median of 15: 90.3 ms / 78.8 ms

/**
 * @param {string} name what is divided by what
 * @param {number} ratio
 * @param {{ goal?: number, detail?: string }} [opts] goal: the ratio must stay at or below it
 */
export function ratioLine(name, ratio, opts = {}) {
  if (opts.goal !== undefined) goalLines.push({ name, ratio, goal: opts.goal });
  const goal =
    opts.goal === undefined
      ? ''.padEnd(18)
      : `goal <= ${String(opts.goal).padEnd(4)} ${ratio <= opts.goal ? 'met    ' : 'NOT met'}`;
  return `${name.padEnd(58)} ratio ${ratio.toFixed(2).padStart(6)}   ${goal}  ${opts.detail ?? ''}`.trimEnd();
}

/** Every line with a goal printed so far in this run, for the summary at the end (goalSummary). */
const goalLines = [];

/** The goals of this run, one line each (name, ratio, goal, met), in the order they were measured. */
export function goalSummary() {
  if (!goalLines.length) return '';
  const met = goalLines.filter((g) => g.ratio <= g.goal).length;
  return [
    `goals: ${met} of ${goalLines.length} met in this run`,
    ...goalLines.map(
      (g) =>
        `  ${g.ratio <= g.goal ? 'met    ' : 'NOT met'}  ${g.ratio.toFixed(2).padStart(6)} <= ${String(g.goal).padEnd(4)}  ${g.name}`,
    ),
  ].join('\n');
}

/** A measure that could not be taken here, and why. */
export function skipLine(name, reason) {
  return `${name.padEnd(58)} skipped: ${reason}`;
}

export const ms = (v) => `${v.toFixed(1)} ms`;

/** The fastest of `runs` calls of a synchronous `fn`, ms (the least disturbed one on a shared machine). */
export function best(fn, runs = 7) {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
