import { escapeControlChars } from '../core/escape.js';

/**
 * Escaping for HTML, SVG and XML output. Everything that came from the network or a user's file (SSIDs,
 * certificate names, host names, site names, notes) passes through here before it meets markup.
 * Controls, bidi and zero-width characters, lone surrogates and U+FFFE/F become visible text (`\x1b`,
 * `<U+202E>`: src/core/escape.ts), so a hostile name can neither break the document nor reorder what the
 * reader sees. Tab, newline and CR are kept: markup carries them.
 */
export function visibleControls(s: string): string {
  return escapeControlChars(s, '\t\n\r');
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or attribute value for HTML, SVG or XML. */
export function escapeMarkup(s: string | number): string {
  return visibleControls(String(s)).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}
