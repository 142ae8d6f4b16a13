/**
 * Escaping for HTML, SVG and XML output. Everything that came from the network or a user's file (SSIDs,
 * certificate names, host names, site names, notes) passes through here before it meets markup.
 * Characters XML 1.0 cannot carry (C0 controls but tab/newline/CR, DEL, C1, lone surrogates, U+FFFE/F) and
 * bidi overrides become visible \xNN / \uNNNN text, so a hostile name can neither break the document
 * nor reorder what the reader sees.
 */

const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function visibleControls(s: string): string {
  return s.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
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
