/**
 * Text that came from the network (SSIDs, certificate names, HTTP headers, DNS names) may carry
 * terminal control sequences. Everything printed to a terminal passes through here: C0 and C1
 * control characters (ESC included) and DEL become visible \xNN escapes; tabs and newlines too,
 * since a report line must stay one line.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeForTerminal(s: string): string {
  return s.replace(CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
