import { escapeControlChars } from '../core/escape.js';

/**
 * Text that came from the network (SSIDs, certificate names, HTTP headers, DNS names) may carry
 * terminal control sequences. Everything printed to a terminal passes through here: control
 * characters become visible \xNN escapes; tabs and newlines too, since a report line must stay one line.
 */
export function escapeForTerminal(s: string): string {
  return escapeControlChars(s);
}
