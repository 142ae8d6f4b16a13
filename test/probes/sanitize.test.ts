import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeNetworkText } from '../../src/probes/sanitize.js';

describe('sanitizeNetworkText', () => {
  it('escapes C0, DEL, C1 and ESC, keeps ordinary text and Unicode', () => {
    expect(sanitizeNetworkText('a\u001b[31mb\u0000c\u007fd\u009be')).toBe('a\\x1b[31mb\\x00c\\x7fd\\x9be');
    expect(sanitizeNetworkText('Zürich – 東京')).toBe('Zürich – 東京');
    expect(sanitizeNetworkText('x\u202ey')).toBe('x<U+202E>y');
  });

  it('caps the length with an ellipsis, never splitting an escape', () => {
    expect(sanitizeNetworkText('abcdef', 4)).toBe('abc…');
    expect(sanitizeNetworkText('abcd', 4)).toBe('abcd');
    expect(sanitizeNetworkText('ab\u001bcdef', 5)).toBe('ab…');
    expect(sanitizeNetworkText('anything', 0)).toBe('');
  });

  it('never lets a control character through and never exceeds the cap', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.integer({ min: 0, max: 400 }),
        (s, max) => {
          const out = sanitizeNetworkText(s, max);
          // eslint-disable-next-line no-control-regex
          return out.length <= max && !/[\u0000-\u001f\u007f-\u009f]/.test(out);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
