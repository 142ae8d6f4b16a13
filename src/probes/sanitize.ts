/**
 * Network text made safe to display. Anything a peer sent (certificate names, HTTP headers, DNS names,
 * NTP reference ids, error strings carrying peer data) can contain terminal escape sequences or C0/C1
 * control characters; they are kept as data but escaped before anything shows them.
 */

// C0 controls, DEL, C1 controls (U+0080..U+009F); ESC (0x1b) is a C0 control. Also the Unicode
// line/paragraph separators and bidi overrides, which reorder or break a displayed line.
// eslint-disable-next-line no-control-regex
const CONTROL = /^[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]$/;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Replaces control characters with `\xNN` (or `\uNNNN`) escapes and caps the result at `max`
 * characters, an ellipsis marking the cut. Never splits an escape it produced.
 */
export function sanitizeNetworkText(s: string, max = 200): string {
  const limit = Math.max(0, Math.floor(max));
  const pieces: string[] = [];
  let length = 0;
  for (const ch of s) {
    const piece = CONTROL.test(ch) ? escapeChar(ch) : ch;
    if (length + piece.length > limit) {
      // Make room for the ellipsis by dropping whole pieces.
      while (pieces.length > 0 && length + 1 > limit) length -= pieces.pop()!.length;
      return limit > 0 ? `${pieces.join('')}…` : '';
    }
    pieces.push(piece);
    length += piece.length;
  }
  return pieces.join('');
}
