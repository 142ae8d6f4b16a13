/**
 * Windows `netsh wlan show networks mode=bssid` and `netsh wlan show interfaces`, in any display language.
 *
 * netsh translates its labels but keeps the shape of its output in every language, so both listings are read
 * by structure, never by label words:
 * - networks: `SSID <n> : <name>` blocks; their first three labelled lines are network type, authentication and
 *   encryption; then `BSSID <n> : <MAC>` sub-blocks (any `<word> <n> : <MAC>` line) with the signal `NN%`, the
 *   radio type `802.11...`, the band `N GHz` where present and, as the first bare number after the radio type
 *   at the sub-block's own indentation, the channel;
 * - interfaces: one block per `GUID` value; the `SSID` line, the next MAC after it (the AP's BSSID), the band,
 *   the first bare number after the SSID (the channel, before the rates in every Windows build), `NN%`, and
 *   the two lines after the `802.11...` radio type (authentication, cipher).
 * Authentication and cipher are read from their stable tokens (WPA, WPA2, WPA3, SAE, OWE, 802.1X, CCMP, GCMP,
 * TKIP, WEP); a network whose authentication and cipher carry none of them is open. Only what structure cannot
 * tell comes from word tables, and only as a refinement: "Personal" or "Enterprise" after WPA2 (unknown words
 * leave the security unknown) and the language's name in the tool label. `{ labels: false }` switches the
 * tables off (tests prove every localized fixture then gives the same networks).
 * Signal is a percentage: dBm = percent / 2 - 100 (Windows maps -100 dBm..-50 dBm linearly onto 0..100 %,
 * see WLAN_ASSOCIATION_ATTRIBUTES.wlanSignalQuality).
 *
 * Output captured through a pipe is in the console's OEM code page (CP850 in Western Europe); text that was
 * decoded as Latin-1 by mistake ("Se¤al", "Conexi¢n") is repaired before parsing.
 */
import type { WifiBand, WifiSecurity } from '../../profile/types.js';
import { MAC_RE, bandFromText, dbmFromWindowsPercent, lines, normalizeBssid, placeOnAir } from './common.js';
import type { BssRecord, ParsedScan } from './types.js';

const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

/** Decodes bytes from a Windows console: UTF-8 when valid (chcp 65001), else the OEM code page CP850. */
export function decodeWindowsConsole(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let out = '';
    for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : (CP850_HIGH[b - 0x80] ?? '?');
    return out;
  }
}

/** Repairs CP850 bytes that were decoded as Latin-1 ("Se¤al" -> "Señal"); returns null when the text looks right. */
export function repairCp850Mojibake(text: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u00ff]/.test(text)) return null;
  const broken = text.match(/[A-Za-z][\u0080-\u00bf][A-Za-z]/g)?.length ?? 0;
  const proper = text.match(/[A-Za-z][\u00c0-\u00ff][A-Za-z]/g)?.length ?? 0;
  if (broken === 0 || proper > 0) return null;
  return decodeWindowsConsole(Buffer.from(text, 'latin1'));
}

const LANGS: { lang: string; name: string; re: RegExp }[] = [
  { lang: 'en', name: 'English', re: /^\s*(?:Interface name|There (?:is|are) \d+ (?:interface|network))/im },
  {
    lang: 'de',
    name: 'German',
    re: /^\s*(?:Schnittstellenname|Momentan sind|Es (?:ist|sind) \d+ Schnittstelle)/im,
  },
  { lang: 'it', name: 'Italian', re: /^\s*(?:Nome interfaccia|\d+ reti visibili|Interfacce presenti)/im },
  { lang: 'es', name: 'Spanish', re: /^\s*(?:Nombre de (?:la )?interfaz|Actualmente hay|Hay \d+ interfa)/im },
  {
    lang: 'fr',
    name: 'French',
    re: /^\s*(?:Nom de l['’]interface|Il existe \d+ interface|\d+ réseaux? (?:actuellement )?visible)/im,
  },
  { lang: 'nl', name: 'Dutch', re: /^\s*(?:Interfacenaam|Er (?:is|zijn) \d+ (?:interface|netwerk))/im },
  { lang: 'pt', name: 'Portuguese', re: /^\s*(?:Nome da interface|Há \d+ interface)/im },
];

/** Options of the netsh parsers. */
export interface NetshParseOptions {
  /** Use the word tables to refine what structure cannot tell (default true). */
  labels?: boolean;
}

export function netshLanguage(text: string): { lang: string; name: string } | null {
  for (const l of LANGS) if (l.re.test(text)) return { lang: l.lang, name: l.name };
  return null;
}

/** The word after "WPA2-" in the languages seen so far; anything else leaves Personal/Enterprise unknown. */
const PERSONAL_WORDS = /^(?:PERSONAL|PERSONNEL|PERSONALE|PERSÖNLICH|PERSOONLIJK|パーソナル)$/iu;
const ENTERPRISE_WORDS = /^(?:ENTERPRISE|ENTREPRISE|UNTERNEHMEN|AZIENDALE|EMPRESA|ONDERNEMING|ZAKELIJK)$/iu;

const TOKEN_RE = /WPA3|WPA2|WPA|WEP|802\.1X|\bSAE\b|\bOWE\b|\bEAP\b|CCMP|GCMP|TKIP/i;

/**
 * Security from netsh's authentication and cipher values by their stable tokens. Personal/Enterprise after
 * a WPA version is a translated word: known words decide it, an unknown word leaves the security unknown
 * (empty) unless a token (802.1X, EAP, SAE) tells.
 */
export function netshSecurity(auth: string, cipher: string, labels = true): WifiSecurity[] {
  const a = auth.replace(/\u00a0/g, ' ').trim();
  const c = cipher.replace(/\u00a0/g, ' ').trim();
  if (!TOKEN_RE.test(a) && !TOKEN_RE.test(c)) return a === '' && c === '' ? [] : ['open'];
  const up = a.toUpperCase();
  if (/\bOWE\b/.test(up)) return ['owe'];
  if (!/WPA/.test(up)) return /WEP/i.test(up) || /WEP/i.test(c) ? ['wep'] : [];
  const version = /WPA3/.test(up) ? 'wpa3' : /WPA2/.test(up) ? 'wpa2' : 'wpa';
  const qualifier = /WPA[23]?\s*-?\s*(\S+)/u.exec(a)?.[1] ?? '';
  let kind: 'personal' | 'enterprise' | null = null;
  if (/802\.1X|\bEAP\b/i.test(up)) kind = 'enterprise';
  else if (/\bSAE\b|\bPSK\b/i.test(up)) kind = 'personal';
  else if (labels && PERSONAL_WORDS.test(qualifier)) kind = 'personal';
  else if (labels && ENTERPRISE_WORDS.test(qualifier)) kind = 'enterprise';
  if (kind === null) return [];
  if (version === 'wpa') return kind === 'personal' ? ['wpa'] : ['wpa2-enterprise'];
  return [`${version}-${kind}` as WifiSecurity];
}

function keyValue(line: string): { key: string; value: string } | null {
  const i = line.indexOf(':');
  if (i < 0) return null;
  return {
    key: line
      .slice(0, i)
      .replace(/\u00a0/g, ' ')
      .trim()
      .replace(/\s+/g, ' '),
    value: line
      .slice(i + 1)
      .replace(/\u00a0/g, ' ')
      .trim(),
  };
}

const indentOf = (line: string): number => /^[ \t]*/.exec(line)?.[0].length ?? 0;
const PERCENT_RE = /^\d{1,3}\s*%$/;
const RADIO_RE = /^802\.11\w*$/;
const BAND_RE = /^\d+(?:[.,]\d+)?\s*GHz$/i;
const BARE_NUMBER_RE = /^\d{1,3}$/;

function prepare(text: string, notes: string[]): string {
  const repaired = repairCp850Mojibake(text);
  if (repaired !== null) {
    notes.push('repaired CP850 (OEM code page) text that had been decoded as Latin-1');
    return repaired;
  }
  return text;
}

interface NetDraft {
  ssid: string;
  labelled: string[];
  found: number;
}
interface BssDraft {
  bssid: string | null;
  indent: number;
  percent: number | null;
  channel: number | null;
  band: WifiBand | null;
  radio: string | null;
}

export function parseNetshNetworks(input: string, opts: NetshParseOptions = {}): ParsedScan {
  const labels = opts.labels ?? true;
  const notes: string[] = [];
  const text = prepare(input, notes);
  const lang = labels ? netshLanguage(text) : null;
  const records: BssRecord[] = [];
  let net: NetDraft | null = null;
  let bss: BssDraft | null = null;
  let blocks = 0;
  let unreadBlocks = 0;
  let dropped = 0;
  let bssBlocks = 0;
  const flushBss = (): void => {
    if (!net || !bss) return;
    const place = placeOnAir(bss.channel, null, bss.band);
    if (!place) {
      dropped++;
      bss = null;
      return;
    }
    const auth = net.labelled[1] ?? '';
    const cipher = net.labelled[2] ?? '';
    records.push({
      ssid: net.ssid,
      bssid: bss.bssid,
      ...place,
      signalDbm: bss.percent === null ? null : dbmFromWindowsPercent(bss.percent),
      signalSource: bss.percent === null ? 'none' : 'percent-windows',
      ...(bss.percent === null ? {} : { signalPercent: bss.percent }),
      security: netshSecurity(auth, cipher, labels),
      securityRaw: [auth, cipher].filter(Boolean).join(' / '),
      connected: false,
      hidden: net.ssid === '',
    });
    net.found++;
    bss = null;
  };
  const flushNet = (): void => {
    flushBss();
    if (net && net.found === 0) unreadBlocks++;
  };
  for (const line of lines(text)) {
    const ssidLine = /^\s{0,4}SSID \d+\s*:(.*)$/.exec(line);
    if (ssidLine) {
      flushNet();
      blocks++;
      net = { ssid: (ssidLine[1] ?? '').replace(/^ /, '').replace(/\s+$/, ''), labelled: [], found: 0 };
      continue;
    }
    if (!net) continue;
    const kv = keyValue(line);
    if (!kv) continue;
    // A BSSID sub-block: "<word> <n> : <MAC>" ("BSSID 1", "BSSIDD 1" in one German capture).
    if (/\S\s+\d+$/.test(kv.key) && MAC_RE.test(kv.value.split(/\s/)[0] ?? '')) {
      flushBss();
      bssBlocks++;
      bss = {
        bssid: normalizeBssid(kv.value.split(/\s/)[0] ?? ''),
        indent: -1,
        percent: null,
        channel: null,
        band: null,
        radio: null,
      };
      continue;
    }
    if (!bss) {
      if (kv.value !== '') net.labelled.push(kv.value);
      continue;
    }
    const v = kv.value;
    const indent = indentOf(line);
    if (PERCENT_RE.test(v) && bss.percent === null) {
      bss.percent = Number(v.replace(/\D/g, ''));
      bss.indent = indent;
    } else if (RADIO_RE.test(v) && bss.radio === null) bss.radio = v;
    else if (BAND_RE.test(v) && bss.band === null) bss.band = bandFromText(v);
    else if (
      BARE_NUMBER_RE.test(v) &&
      bss.channel === null &&
      (bss.radio !== null || bss.percent !== null) &&
      (bss.indent < 0 || indent <= bss.indent)
    )
      bss.channel = Number(v);
  }
  flushNet();
  if (dropped > 0) notes.push(`${dropped} BSSID block(s) without a channel were skipped`);
  const tool = `netsh wlan show networks mode=bssid${lang && lang.lang !== 'en' ? ` (${lang.name})` : ''}`;
  const scan: ParsedScan = { format: 'netsh-networks', tool, records, notes };
  if (records.length === 0 && blocks > 0 && bssBlocks === 0) {
    // Some Wi-Fi drivers report networks without their BSSID sub-blocks: nothing to place on a channel.
    scan.unread = { blocks: unreadBlocks, why: 'no-details' };
    notes.push(`netsh lists ${unreadBlocks} network(s) without BSSID details (no channel, no signal)`);
  } else if (records.length === 0 && blocks > 0) {
    scan.unread = { blocks: unreadBlocks, why: 'language' };
    notes.push(
      `this looks like a netsh scan in a language zapcheck does not read; ${unreadBlocks} block(s) skipped`,
    );
  }
  return scan;
}

const GUID_RE = /^(?:[0-9a-fx]{8}-[0-9a-fx]{4}-[0-9a-fx]{4}-[0-9a-fx]{4}-[0-9a-fx]{12})$/i;

/** `netsh wlan show interfaces`: the network each connected interface is on (one record per interface). */
export function parseNetshInterfaces(input: string, opts: NetshParseOptions = {}): ParsedScan {
  const labels = opts.labels ?? true;
  const notes: string[] = [];
  const text = prepare(input, notes);
  const lang = labels ? netshLanguage(text) : null;
  const records: BssRecord[] = [];
  type Pair = { key: string; value: string };
  const ifaces: Pair[][] = [];
  let cur: Pair[] | null = null;
  const pending: Pair[] = [];
  for (const line of lines(text)) {
    const kv = keyValue(line);
    if (!kv || kv.value === '') continue;
    // Each interface block holds one GUID line (after its name and description).
    if (GUID_RE.test(kv.value)) {
      cur = [...pending.slice(-2)];
      ifaces.push(cur);
    }
    if (cur) cur.push(kv);
    else pending.push(kv);
  }
  let blocks = 0;
  for (const pairs of ifaces) {
    const s = pairs.findIndex((p) => p.key === 'SSID');
    if (s < 0) continue;
    blocks++;
    const ssid = pairs[s]?.value ?? '';
    const after = pairs.slice(s + 1);
    const bssidPair = after.find((p) => MAC_RE.test(p.value));
    const channelPair = after.find((p) => BARE_NUMBER_RE.test(p.value));
    const bandPair = after.find((p) => BAND_RE.test(p.value));
    const place = placeOnAir(
      channelPair ? Number(channelPair.value) : null,
      null,
      bandPair ? bandFromText(bandPair.value) : null,
    );
    if (!place) continue;
    const pct = after.find((p) => PERCENT_RE.test(p.value))?.value;
    const percent = pct === undefined ? null : Number(pct.replace(/\D/g, ''));
    const r = after.findIndex((p) => RADIO_RE.test(p.value));
    const auth = r >= 0 ? (after[r + 1]?.value ?? '') : '';
    const cipher = r >= 0 ? (after[r + 2]?.value ?? '') : '';
    records.push({
      ssid,
      bssid: bssidPair ? normalizeBssid(bssidPair.value) : null,
      ...place,
      signalDbm: percent === null ? null : dbmFromWindowsPercent(percent),
      signalSource: percent === null ? 'none' : 'percent-windows',
      ...(percent === null ? {} : { signalPercent: percent }),
      security: netshSecurity(auth, cipher, labels),
      securityRaw: [auth, cipher].filter(Boolean).join(' / '),
      // netsh prints an SSID and the AP's BSSID only for an interface that is associated.
      connected: bssidPair !== undefined,
      hidden: ssid === '',
    });
  }
  const tool = `netsh wlan show interfaces${lang && lang.lang !== 'en' ? ` (${lang.name})` : ''}`;
  const scan: ParsedScan = {
    format: 'netsh-interfaces',
    tool,
    records,
    notes: [...notes, 'connection info only: no scan of neighbours'],
  };
  if (records.length === 0 && blocks > 0) {
    scan.unread = { blocks, why: 'language' };
    scan.notes.push(
      `this looks like netsh interface output in a language zapcheck does not read; ${blocks} block(s) skipped`,
    );
  }
  return scan;
}
