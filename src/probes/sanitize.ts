import { escapeControlChar, isControlChar } from '../core/escape.js';

/**
 * Network text made safe to display. Anything a peer sent (certificate names, HTTP headers, DNS names,
 * NTP reference ids, error strings carrying peer data) can contain terminal escape sequences or C0/C1
 * control characters; they are kept as data but escaped before anything shows them.
 */

/**
 * Replaces control characters with `\xNN` (or `\uNNNN`) escapes and caps the result at `max`
 * characters, an ellipsis marking the cut. Never splits an escape it produced.
 */
export function sanitizeNetworkText(s: string, max = 200): string {
  const limit = Math.max(0, Math.floor(max));
  const pieces: string[] = [];
  let length = 0;
  for (const ch of s) {
    const piece = isControlChar(ch) ? escapeControlChar(ch) : ch;
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
