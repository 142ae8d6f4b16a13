/**
 * Helpers shared by the scanner parsers: channel/frequency arithmetic (IEEE 802.11-2020 Annex E),
 * signal conversion, security normalization, SSID byte decoding. All pure.
 */
import stringWidth from 'string-width';
import type { WifiBand, WifiSecurity } from '../../profile/types.js';

/** Band and primary channel of a centre frequency in MHz; null for anything outside the Wi-Fi bands. */
export function channelFromFrequency(mhz: number): { band: WifiBand; channel: number } | null {
  if (!Number.isFinite(mhz)) return null;
  const f = Math.round(mhz);
  if (f === 2484) return { band: '2.4', channel: 14 };
  if (f >= 2412 && f <= 2472 && (f - 2407) % 5 === 0) return { band: '2.4', channel: (f - 2407) / 5 };
  // 6 GHz first: 5955 MHz is channel 1 of the 6 GHz band (5935 is channel 2, a special case).
  if (f === 5935) return { band: '6', channel: 2 };
  if (f >= 5955 && f <= 7115 && (f - 5950) % 5 === 0) return { band: '6', channel: (f - 5950) / 5 };
  if (f >= 4915 && f <= 5895 && (f - 5000) % 5 === 0) return { band: '5', channel: (f - 5000) / 5 };
  return null;
}

export function frequencyFromChannel(channel: number, band: WifiBand): number {
  if (band === '2.4') return channel === 14 ? 2484 : 2407 + 5 * channel;
  if (band === '6') return channel === 2 ? 5935 : 5950 + 5 * channel;
  return 5000 + 5 * channel;
}

/** When a tool prints only a channel number: 1-14 is 2.4 GHz, everything else 5 GHz (6 GHz needs a band). */
export function bandFromChannel(channel: number): WifiBand {
  return channel >= 1 && channel <= 14 ? '2.4' : '5';
}

/** "2.4 GHz", "2,4 GHz", "5GHz", "6 GHz", "2GHz" (macOS) -> band. */
export function bandFromText(text: string): WifiBand | null {
  const m = /(\d+)(?:[.,](\d+))?\s*GHz/i.exec(text.replace(/\u00a0/g, ' '));
  if (!m) return null;
  const whole = Number(m[1]);
  if (whole === 2) return '2.4';
  if (whole === 5) return '5';
  if (whole === 6) return '6';
  return null;
}

/** Band, channel and frequency from whatever a tool gave; null when neither channel nor frequency is usable. */
export function placeOnAir(
  channel: number | null | undefined,
  frequencyMhz: number | null | undefined,
  band: WifiBand | null | undefined,
): { band: WifiBand; channel: number; frequencyMhz: number } | null {
  if (frequencyMhz !== null && frequencyMhz !== undefined && Number.isFinite(frequencyMhz)) {
    const fromFreq = channelFromFrequency(frequencyMhz);
    if (fromFreq) return { ...fromFreq, frequencyMhz: Math.round(frequencyMhz) };
  }
  if (
    channel !== null &&
    channel !== undefined &&
    Number.isInteger(channel) &&
    channel > 0 &&
    channel <= 233
  ) {
    const b = band ?? bandFromChannel(channel);
    if (b === '2.4' && channel > 14) return null;
    return { band: b, channel, frequencyMhz: frequencyFromChannel(channel, b) };
  }
  return null;
}

/**
 * NetworkManager's SIGNAL for scanned networks is `nm_wifi_utils_level_to_quality` of the dBm wpa_supplicant
 * reports: dBm clamped to -100..-40 and mapped linearly onto 0..100 %. So dBm = -100 + 0.6 * percent
 * (100 % means "-40 dBm or better"). nmcli never prints the dBm itself.
 */
export function dbmFromNmcliPercent(percent: number): number {
  return Math.round(-100 + 0.6 * Math.min(100, Math.max(0, percent)));
}

/**
 * Windows' signal quality (WLAN_ASSOCIATION_ATTRIBUTES.wlanSignalQuality, netsh "Signal") is linear between
 * -100 dBm (0 %) and -50 dBm (100 %): dBm = percent / 2 - 100.
 */
export function dbmFromWindowsPercent(percent: number): number {
  return Math.round(percent / 2 - 100);
}

/** Lowercase, colon-separated, zero-padded MAC; masked characters (X) kept. null when it is not a MAC. */
export function normalizeBssid(text: string): string | null {
  const parts = text.trim().split(/[:-]/);
  if (parts.length !== 6) return null;
  if (!parts.every((p) => /^[0-9a-fx]{1,2}$/i.test(p))) return null;
  return parts.map((p) => p.padStart(2, '0').toLowerCase()).join(':');
}

export const MAC_RE = /^[0-9a-fx]{1,2}(?:[:-][0-9a-fx]{1,2}){5}$/i;

const ENTERPRISE_RE =
  /802\.?1X|ENTERPRISE|ENTREPRISE|UNTERNEHMEN|AZIENDAL|EMPRESA|ONDERNEMING|\bEAP\b|EAP-|SUITE-?B/i;
const OPEN_RE =
  /^(?:|--|NONE|OPEN|OFFEN|APERTA|ABIERTA|ABERTA|OUVERT|OUVERTE|OUVRIR|AUCUN|AUCUNE|GEEN|KEINE|NESSUNA|NINGUNA|OPEN SYSTEM|SPAIRPORT SECURITY MODE NONE)$/i;

/**
 * Normalizes a tool's security text to the profile's WifiSecurity values. Understands nmcli ("WPA1 WPA2",
 * "WPA2 802.1X", "WPA3", "OWE"), netsh ("WPA2-Personal", "WPA3-Personal", "WPA2-Enterprise", "Open", localized),
 * system_profiler ("WPA2/WPA3 Personal", "spairport_security_mode_wpa3_transition"), airport ("WPA2(PSK/AES/AES)").
 */
export function securityFromText(raw: string): WifiSecurity[] {
  const text = raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  if (OPEN_RE.test(text)) return ['open'];
  const out = new Set<WifiSecurity>();
  // airport: one group per version with its key management: WPA2(PSK/AES/AES) WPA3(SAE/...) WPA2(802.1x/...)
  const groups = [...text.matchAll(/(WPA3|WPA2|WPA)\(([^/)]*)/gi)];
  if (groups.length > 0) {
    for (const g of groups) {
      const version = (g[1] ?? '').toUpperCase();
      const akm = (g[2] ?? '').toUpperCase();
      const ent = /802\.1X|EAP/.test(akm);
      if (/SAE/.test(akm) || (version === 'WPA3' && !ent)) out.add(ent ? 'wpa3-enterprise' : 'wpa3-personal');
      if (/PSK/.test(akm) && version !== 'WPA3') out.add(version === 'WPA' ? 'wpa' : 'wpa2-personal');
      if (ent) out.add(version === 'WPA3' ? 'wpa3-enterprise' : 'wpa2-enterprise');
    }
    if (/\bWEP\b/i.test(text)) out.add('wep');
    return [...out];
  }
  const upper = text.toUpperCase();
  const enterprise = ENTERPRISE_RE.test(upper);
  const hasWpa3 = /WPA3|\bSAE\b|TRANSITION/.test(upper);
  const hasWpa2 = /WPA2|\bRSN\b|TRANSITION/.test(upper);
  // WPA1 / plain WPA (not WPA2/WPA3): "WPA1", "WPA-Personal", "WPA/WPA2", "WPA Personal", "wpa personal mixed".
  const hasWpa1 = /WPA1|\bWPA(?![23])\b|WPA(?=[-/ ])(?![23])|MIXED/.test(upper.replace(/WPA[23]/g, ''));
  if (enterprise) {
    if (hasWpa3) out.add('wpa3-enterprise');
    if (hasWpa2 || hasWpa1 || !hasWpa3) out.add('wpa2-enterprise');
    return [...out];
  }
  if (hasWpa1) out.add('wpa');
  if (hasWpa2) out.add('wpa2-personal');
  if (hasWpa3) out.add('wpa3-personal');
  if (/\bOWE\b|ENHANCED OPEN/.test(upper)) out.add('owe');
  if (/\bWEP\b|SHARED/.test(upper)) out.add('wep');
  return [...out];
}

/**
 * Decodes the \xNN escapes iw and iwlist print for non-printable SSID bytes into the exact bytes.
 * Returns the SSID text (UTF-8 when the bytes are valid UTF-8; otherwise each invalid byte as the text
 * `\xNN`), the hex of the bytes, and whether it is a hidden SSID (empty or all NUL).
 */
export function ssidFromEscaped(escaped: string): { ssid: string; ssidHex: string; hidden: boolean } {
  const bytes: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    const c = escaped.charCodeAt(i);
    if (c === 0x5c && escaped[i + 1] === 'x' && /^[0-9a-f]{2}$/i.test(escaped.slice(i + 2, i + 4))) {
      bytes.push(parseInt(escaped.slice(i + 2, i + 4), 16));
      i += 3;
      continue;
    }
    // Anything else is already text: encode it as UTF-8.
    const cp = escaped.codePointAt(i) ?? c;
    if (cp > 0xffff) i++;
    for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) bytes.push(b);
  }
  return ssidFromBytes(Uint8Array.from(bytes));
}

export function ssidFromBytes(bytes: Uint8Array): { ssid: string; ssidHex: string; hidden: boolean } {
  const ssidHex = Buffer.from(bytes).toString('hex').toUpperCase();
  const hidden = bytes.length === 0 || bytes.every((b) => b === 0);
  if (hidden) return { ssid: '', ssidHex, hidden };
  return { ssid: decodeUtf8Lenient(bytes), ssidHex, hidden };
}

/** UTF-8 decode where each byte of an invalid sequence becomes the literal text `\xNN`. */
export function decodeUtf8Lenient(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let out = '';
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i] ?? 0;
      const len =
        b < 0x80
          ? 1
          : b >= 0xc2 && b <= 0xdf
            ? 2
            : b >= 0xe0 && b <= 0xef
              ? 3
              : b >= 0xf0 && b <= 0xf4
                ? 4
                : 0;
      if (len > 0 && i + len <= bytes.length) {
        try {
          out += new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
          i += len;
          continue;
        } catch {
          // fall through: escape this byte
        }
      }
      out += `\\x${b.toString(16).padStart(2, '0')}`;
      i += 1;
    }
    return out;
  }
}

/** Splits text into lines, accepting CRLF, CR and LF. */
export function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function toInt(text: string | undefined): number | null {
  if (text === undefined) return null;
  const m = /^\s*(-?\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}

const widths = new Map<number, number>();

/**
 * Display columns of one code point, as terminals and nmcli (g_unichar_iswide, per code point) count them:
 * 2 for wide and full-width characters, 0 for combining marks, 1 otherwise (string-width decides; cached).
 */
function columnsOf(cp: number): number {
  if (cp >= 0x20 && cp < 0x7f) return 1;
  let w = widths.get(cp);
  if (w === undefined) {
    w = stringWidth(String.fromCodePoint(cp));
    widths.set(cp, w);
  }
  return w;
}

/**
 * The words of a table's header line with the display column each starts at. Terminal tables (nmcli, ...)
 * are padded by display width: a wide character (CJK) takes two columns, a combining mark none.
 */
export function headerColumns(header: string): { name: string; start: number }[] {
  const out: { name: string; start: number }[] = [];
  let col = 0;
  let word: { name: string; start: number } | null = null;
  for (const ch of header) {
    if (/\s/u.test(ch)) {
      if (word) out.push(word);
      word = null;
    } else if (word) word.name += ch;
    else word = { name: ch, start: col };
    col += ch === '\t' ? 8 - (col % 8) : columnsOf(ch.codePointAt(0) ?? 0);
  }
  if (word) out.push(word);
  return out;
}

/** Cuts a table row at display-column starts (from headerColumns); each cell trimmed. */
export function cutColumns(line: string, starts: readonly number[]): string[] {
  if (/^[\x20-\x7e]*$/.test(line)) {
    return starts.map((s, i) => line.slice(s, starts[i + 1] ?? line.length).trim());
  }
  const cells = starts.map(() => '');
  let col = 0;
  let i = 0;
  for (const ch of line) {
    while (i + 1 < starts.length && col >= (starts[i + 1] ?? Infinity)) i++;
    cells[i] += ch;
    col += ch === '\t' ? 8 - (col % 8) : columnsOf(ch.codePointAt(0) ?? 0);
  }
  return cells.map((c) => c.trim());
}
