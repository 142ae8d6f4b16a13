/**
 * The one definition of "a character that must not reach a terminal raw": C0 controls (ESC included),
 * DEL, C1 controls, the Unicode line/paragraph separators and the bidi overrides and isolates, which
 * reorder or break a displayed line. Such characters become visible `\xNN` / `\uNNNN` escapes.
 * Used for network text in probes (with a length cap) and for everything a report prints.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeControlChar(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

const ONE_CONTROL_CHAR = new RegExp(`^${CONTROL_CHARS.source}$`);

export function isControlChar(c: string): boolean {
  return ONE_CONTROL_CHAR.test(c);
}

export function escapeControlChars(s: string): string {
  return s.replace(CONTROL_CHARS, escapeControlChar);
}
