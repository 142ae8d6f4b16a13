import { escapeForDisplay } from './escape.js';

/**
 * SSIDs are attacker-controlled: anyone in radio range can name a network "\x1b]0;pwned\x07" or hide right-to-left
 * overrides or zero-width spaces in it. Everything a person reads goes through `escapeForDisplay` (the one escaper,
 * src/core/escape.ts); JSON keeps the exact text, written with \u escapes, plus the bytes in hex where the tool gave them.
 */
export { escapeForDisplay, isDisplaySafe } from './escape.js';

/** How an SSID is shown: escaped, quoted, or "(hidden)". */
export function displaySsid(ssid: string, hidden: boolean): string {
  if (hidden || ssid === '') return '(hidden network)';
  return `"${escapeForDisplay(ssid)}"`;
}
