import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/index.js';
import { decimalSeparator, formatTenths } from '../../src/report/localize.js';

/**
 * The report's numbers are written without Intl.NumberFormat (it pages ICU's number data in: 5-7 MB of
 * peak memory); they must read exactly as Intl writes them in every report language, for the values a
 * report shows (durations under the 600 s --deadline limit, below any thousands grouping).
 */
describe('numbers in the report language', () => {
  const values = [0, 0.05, 0.95, 1, 1.04, 1.05, 1.25, 1.5, 2.55, 9.99, 12.34, 100, 599.96, 600];
  it.each(LANGS)('%s: as Intl.NumberFormat writes them (at most one decimal)', (lang) => {
    const intl = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    expect(values.map((v) => formatTenths(v, lang))).toEqual(values.map((v) => intl.format(v)));
    const decimal = new Intl.NumberFormat(lang).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
    expect(decimalSeparator(lang)).toBe(decimal);
  });
});
