/**
 * SSIDs are attacker-controlled: anyone in radio range can name a network "\x1b]0;pwned\x07" or hide right-to-left
 * overrides in it. Everything a person reads goes through `escapeForDisplay`; JSON keeps the exact text (JSON
 * escapes control characters itself) plus the bytes in hex where the tool gave them.
 */

/**
 * Escapes control characters (C0, DEL, C1), the line and paragraph separators (U+2028/U+2029, which break
 * a displayed line like a newline), bidi and zero-width format characters, lone surrogates.
 */
export function escapeForDisplay(text: string, maxChars = 64): string {
  let out = '';
  let n = 0;
  for (const ch of text) {
    if (n >= maxChars) {
      out += '…';
      break;
    }
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp <= 0x9f))
      out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (
      (cp >= 0x200b && cp <= 0x200f) ||
      cp === 0x2028 ||
      cp === 0x2029 ||
      (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2060 && cp <= 0x206f) ||
      cp === 0xfeff ||
      (cp >= 0xd800 && cp <= 0xdfff) ||
      cp === 0xfffd ||
      (cp >= 0xfff9 && cp <= 0xfffb)
    ) {
      out += `\\u{${cp.toString(16)}}`;
    } else out += ch;
    n++;
  }
  return out;
}

/** How an SSID is shown: escaped, quoted, or "(hidden)". */
export function displaySsid(ssid: string, hidden: boolean): string {
  if (hidden || ssid === '') return '(hidden network)';
  return `"${escapeForDisplay(ssid)}"`;
}

/** True when a display string is safe for a terminal: no control or bidi characters. */
export function isDisplaySafe(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u206f\ufeff\ud800-\udfff]/u.test(
    text,
  );
}
