/**
 * The one escaper of text that came from outside (SSIDs, certificate and host names, HTTP headers, DNS
 * names, site names, notes). Two kinds of characters must never reach an output raw:
 *
 * - controls: C0 (ESC, BEL, CR, NL ...), DEL and C1 (U+009B is an 8-bit CSI to many terminals);
 * - invisible format characters: zero-width space/joiners, bidi marks, embeddings, overrides and
 *   isolates, the line and paragraph separators U+2028/U+2029, word joiner and invisible operators, the
 *   byte order mark, interlinear annotation marks, and lone surrogates. They reorder or break a displayed
 *   line, or make two different names look the same.
 *
 * For people (terminal, HTML, Markdown, JUnit, plain text) controls become `\xNN` and invisible characters
 * `<U+200B>`, so a look-alike SSID shows as different. For JSON, `escapeJsonText` writes every one of them
 * as a `\uNNNN` escape: the parsed value is exact, the file itself is plain ASCII-safe text on a terminal.
 */

const CONTROL_CLASS = '\\u0000-\\u001f\\u007f-\\u009f';
const INVISIBLE_CLASS =
  '\\u00ad\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufeff\\uffa0\\ufff9-\\ufffb\\ufffe\\uffff';
const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';

// The classes list single code units on purpose (zero-width joiners, variation-like selectors): each is
// matched alone, never as part of a combined character.
/* eslint-disable no-misleading-character-class */
/** Every character that must not be shown raw (global; use with replace). */
export const UNSAFE_CHARS = new RegExp(`[${CONTROL_CLASS}${INVISIBLE_CLASS}]|${LONE_SURROGATE}`, 'g');
const ONE_UNSAFE = new RegExp(`^(?:[${CONTROL_CLASS}${INVISIBLE_CLASS}]|${LONE_SURROGATE})$`);
const ANY_UNSAFE = new RegExp(`[${CONTROL_CLASS}${INVISIBLE_CLASS}]|${LONE_SURROGATE}`);
const INVISIBLE_ONLY = new RegExp(`[${INVISIBLE_CLASS}]|${LONE_SURROGATE}`, 'g');
/* eslint-enable no-misleading-character-class */

/** Kept for existing callers: the same set as UNSAFE_CHARS. */
export const CONTROL_CHARS = UNSAFE_CHARS;

const hex = (code: number, width: number): string => code.toString(16).toUpperCase().padStart(width, '0');

/** How one unsafe character is shown to a person: `\x1b` for controls, `<U+202E>` for invisible ones. */
export function escapeControlChar(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0x9f ? `\\x${code.toString(16).padStart(2, '0')}` : `<U+${hex(code, 4)}>`;
}

export function isControlChar(c: string): boolean {
  return ONE_UNSAFE.test(c);
}

/** True when `s` has no character that must be escaped before a person sees it. */
export function isDisplaySafe(s: string): boolean {
  return !ANY_UNSAFE.test(s);
}

/**
 * Text made safe for a person to read. `keep` lists characters the output format carries itself
 * (HTML keeps tab and newline); everything else unsafe becomes visible.
 */
export function escapeControlChars(s: string, keep = ''): string {
  return s.replace(UNSAFE_CHARS, (c) => (keep.includes(c) ? c : escapeControlChar(c)));
}

/** Like escapeControlChars, cut to `maxChars` code points of the original text, `…` marking the cut. */
export function escapeForDisplay(s: string, maxChars = 64): string {
  const chars = [...s];
  const cut = chars.length > maxChars;
  return escapeControlChars(chars.slice(0, maxChars).join('')) + (cut ? '…' : '');
}

/**
 * A name a person typed (a site name): controls become spaces, invisible characters (bidi overrides,
 * zero-width) are dropped, since a name is stored and printed and must read the same everywhere.
 */
export function cleanName(s: string): string {
  return s
    .replace(INVISIBLE_ONLY, '')
    .replace(new RegExp(`[${CONTROL_CLASS}]`, 'g'), ' ')
    .trim();
}

// eslint-disable-next-line no-misleading-character-class
const JSON_UNSAFE = new RegExp(`[\\u007f-\\u009f${INVISIBLE_CLASS}]`, 'g');

/**
 * JSON text with every control, bidi, separator and zero-width character inside its strings written as a
 * `\uNNNN` escape (JSON.stringify already escapes C0 and lone surrogates). The parsed value is unchanged.
 * Safe on serialized JSON: these characters can only occur inside strings.
 */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON.stringify with escapeJsonText applied: what every JSON output of zapcheck is written with. */
export function stringifyJson(value: unknown, indent = 2): string {
  return escapeJsonText(JSON.stringify(value, null, indent));
}
