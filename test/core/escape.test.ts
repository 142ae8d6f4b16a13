import { describe, expect, it } from 'vitest';
import {
  cleanName,
  escapeControlChars,
  escapeForDisplay,
  escapeJsonText,
  isDisplaySafe,
  stringifyJson,
} from '../../src/core/escape.js';

const HOSTILE = [
  '\u001b[2J', // ESC
  '\u009b31m', // 8-bit CSI
  '\u007f',
  'a\u202eexe.moc', // right-to-left override
  'x\u2066y\u2069', // isolates
  'line\u2028break\u2029', // separators
  'Gar\u200bage', // zero-width space
  'Gar\u200dage\u2060', // zero-width joiner, word joiner
  '\ufeffBOM',
  'lone\ud800surrogate',
];

describe('the one escaper (src/core/escape.ts)', () => {
  it('shows controls as \\xNN and invisible characters as <U+XXXX>', () => {
    expect(escapeControlChars('a\u001b[31mb\u009b')).toBe('a\\x1b[31mb\\x9b');
    expect(escapeControlChars('Gar\u200bage')).toBe('Gar<U+200B>age');
    expect(escapeControlChars('moc.\u202eexe')).toBe('moc.<U+202E>exe');
    expect(escapeControlChars('a\u2028b')).toBe('a<U+2028>b');
    expect(escapeControlChars('x\ud800y')).toBe('x<U+D800>y');
    // Ordinary text, accents, emoji (a valid surrogate pair with its variation selector) are kept.
    expect(escapeControlChars('Garage Nørd 🏠 ❤️')).toBe('Garage Nørd 🏠 ❤️');
  });

  it('two look-alike names render differently', () => {
    expect(escapeForDisplay('Garage')).not.toBe(escapeForDisplay('Gar\u200bage'));
  });

  it('keeps what a format carries itself', () => {
    expect(escapeControlChars('a\tb\nc\u0007', '\t\n')).toBe('a\tb\nc\\x07');
  });

  it('cuts display text at a number of characters, never inside an escape', () => {
    expect(escapeForDisplay('ab\u001bcd', 3)).toBe('ab\\x1b…');
  });

  it('leaves nothing unsafe in any hostile string', () => {
    for (const s of HOSTILE) expect(isDisplaySafe(escapeControlChars(s)), JSON.stringify(s)).toBe(true);
    for (const s of HOSTILE) expect(isDisplaySafe(s)).toBe(false);
  });

  it('JSON: every control, bidi, separator and zero-width character as \\u, the value exact', () => {
    for (const s of HOSTILE) {
      const json = stringifyJson({ ssid: s }, 0);
      expect(isDisplaySafe(json), json).toBe(true);
      expect(json).toMatch(/\\u[0-9a-f]{4}/);
      expect((JSON.parse(json) as { ssid: string }).ssid).toBe(s);
    }
    expect(escapeJsonText('"\u009b\u202e\u200b"')).toBe('"\\u009b\\u202e\\u200b"');
  });

  it('a site name: controls become spaces, bidi and zero-width characters are dropped', () => {
    expect(cleanName('  Garage\u202e Nord\u200b\n')).toBe('Garage Nord');
    expect(cleanName('a\u0007b')).toBe('a b');
    expect(cleanName('\u202e\u200b')).toBe('');
  });
});
