import type { Translate } from '../i18n/index.js';

/**
 * "Did you mean ...?" for a mistyped command, subcommand or scenario: the known names closest to what was
 * typed (Damerau-Levenshtein, as git and commander do), at most a third of the word's length away.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      const prev = d[i - 1]!;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

export function suggest(typed: string, known: readonly string[]): string[] {
  const word = typed.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  const scored = known
    .map((k) => ({ k, d: editDistance(word, k.toLowerCase()) }))
    .filter((s) => s.d <= limit || (word.length >= 3 && s.k.toLowerCase().startsWith(word)));
  const best = Math.min(...scored.map((s) => s.d));
  return scored.filter((s) => s.d === best).map((s) => s.k);
}

/** "did you mean tls-intercepted?" in the user's language, or undefined when nothing is close. */
export function didYouMean(t: Translate, typed: string, known: readonly string[]): string | undefined {
  const close = suggest(typed, known);
  return close.length ? t('err.didyoumean', { names: close.join(', ') }) : undefined;
}
