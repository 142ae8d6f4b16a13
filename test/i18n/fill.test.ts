import { describe, expect, it } from 'vitest';
import { fill, formatNumber, placeholdersOf } from '../../src/i18n/index.js';

describe('fill: plurals and numbers the language’s way (Intl.PluralRules, Intl.NumberFormat)', () => {
  const nets =
    '{n, plural, one {# rete visibile} other {# reti visibili}}, di cui {h, plural, one {# nascosta} other {# nascoste}}';

  it('picks the plural form by the language’s rule and puts the number for #', () => {
    expect(fill(nets, { n: 1, h: 1 }, 'it')).toBe('1 rete visibile, di cui 1 nascosta');
    expect(fill(nets, { n: 0, h: 2 }, 'it')).toBe('0 reti visibili, di cui 2 nascoste');
    expect(fill('{n, plural, =0 {none} one {# site} other {# sites}}', { n: 0 }, 'en')).toBe('none');
    expect(fill('{n, plural, one {# site} other {# sites}}', { n: 1 }, 'en')).toBe('1 site');
  });

  it('formats {x, number} with the language’s decimal separator; a fixed number of decimals with {x, number, 1}', () => {
    expect(fill('{x, number} GHz', { x: 2.4 }, 'it')).toBe('2,4 GHz');
    expect(fill('{x, number, 1} min', { x: 10 }, 'it')).toBe('10,0 min');
    expect(fill('{x, number, 1} min', { x: 10 }, 'en')).toBe('10.0 min');
    expect(formatNumber(65536, 'it')).toBe('65.536');
  });

  it('leaves other braces as text, and names every placeholder a message uses', () => {
    expect(fill('write {pem: <file>} or {issuer: <name>}', {}, 'en')).toBe(
      'write {pem: <file>} or {issuer: <name>}',
    );
    expect(fill('{a} and {b}', { a: 'x' })).toBe('x and {b}');
    expect(placeholdersOf(nets).sort()).toEqual(['h', 'n']);
    expect(placeholdersOf('{x, number, 1} {y} {pem: f}')).toEqual(['x', 'y']);
  });
});
