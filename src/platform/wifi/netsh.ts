/**
 * Windows `netsh wlan show networks mode=bssid` and `netsh wlan show interfaces`, in any display language.
 *
 * netsh translates its labels, so lines are recognised by the shape of the value where possible (a MAC, "NN%",
 * "802.11ax", "2,4 GHz") and by known translations otherwise (channel, authentication). In the networks listing
 * the first three labelled lines of each SSID block are, in every language, network type, authentication and
 * encryption. Signal is a percentage: dBm = percent / 2 - 100 (Windows maps -100 dBm..-50 dBm linearly onto
 * 0..100 %, see WLAN_ASSOCIATION_ATTRIBUTES.wlanSignalQuality).
 *
 * Output captured through a pipe is in the console's OEM code page (CP850 in Western Europe); text that was
 * decoded as Latin-1 by mistake ("Se¤al", "Conexi¢n") is repaired before parsing.
 */
import type { WifiBand } from '../../profile/types.js';
import {
  MAC_RE,
  bandFromText,
  dbmFromWindowsPercent,
  lines,
  normalizeBssid,
  placeOnAir,
  securityFromText,
  toInt,
} from './common.js';
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

export function netshLanguage(text: string): { lang: string; name: string } | null {
  for (const l of LANGS) if (l.re.test(text)) return { lang: l.lang, name: l.name };
  return null;
}

const CHANNEL_KEYS = new Set(['channel', 'kanal', 'canale', 'canal', 'kanaal', 'kanava', 'kanał']);
const AUTH_KEYS = new Set([
  'authentication',
  'authentifizierung',
  'autenticazione',
  'autenticación',
  'authentification',
  'verificatie',
  'verificatiemethode',
  'autenticação',
]);
const CONNECTED_VALUES =
  /^(?:connected|verbunden|connesso|connessa|conectado|conectada|connecté|connectée|verbonden|ligado)$/i;

function keyValue(line: string): { key: string; value: string } | null {
  const i = line.indexOf(':');
  if (i < 0) return null;
  return { key: line.slice(0, i).trim().replace(/\s+/g, ' '), value: line.slice(i + 1).trim() };
}

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
}
interface BssDraft {
  bssid: string | null;
  percent: number | null;
  channel: number | null;
  band: WifiBand | null;
  radio: string | null;
}

export function parseNetshNetworks(input: string): ParsedScan {
  const notes: string[] = [];
  const text = prepare(input, notes);
  const lang = netshLanguage(text);
  const records: BssRecord[] = [];
  let net: NetDraft | null = null;
  let bss: BssDraft | null = null;
  let dropped = 0;
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
    let security = securityFromText(auth);
    if (/^WEP$/i.test(cipher) && (security.includes('open') || security.length === 0)) security = ['wep'];
    records.push({
      ssid: net.ssid,
      bssid: bss.bssid,
      ...place,
      signalDbm: bss.percent === null ? null : dbmFromWindowsPercent(bss.percent),
      signalSource: bss.percent === null ? 'none' : 'percent-windows',
      ...(bss.percent === null ? {} : { signalPercent: bss.percent }),
      security,
      securityRaw: [auth, cipher].filter(Boolean).join(' / '),
      connected: false,
      hidden: net.ssid === '',
    });
    bss = null;
  };
  for (const line of lines(text)) {
    const ssidLine = /^\s{0,2}SSID \d+\s*:(.*)$/.exec(line);
    if (ssidLine) {
      flushBss();
      net = { ssid: (ssidLine[1] ?? '').replace(/^ /, '').replace(/\s+$/, ''), labelled: [] };
      continue;
    }
    if (!net) continue;
    const bssidLine = /^\s*BSSID\w*\s+\d+\s*:\s*(\S+)/i.exec(line);
    if (bssidLine) {
      flushBss();
      bss = {
        bssid: normalizeBssid(bssidLine[1] ?? ''),
        percent: null,
        channel: null,
        band: null,
        radio: null,
      };
      continue;
    }
    const kv = keyValue(line);
    if (!kv) continue;
    if (!bss) {
      if (kv.value !== '') net.labelled.push(kv.value);
      continue;
    }
    const v = kv.value.replace(/\u00a0/g, ' ');
    if (/^\d{1,3}\s*%$/.test(v) && bss.percent === null) bss.percent = Number(v.replace(/\D/g, ''));
    else if (/^802\.11\w*$/.test(v)) bss.radio = v;
    else if (/^\d+(?:[.,]\d+)?\s*GHz$/i.test(v)) bss.band = bandFromText(v);
    else if (CHANNEL_KEYS.has(kv.key.toLowerCase()) && /^\d{1,3}$/.test(v)) bss.channel = Number(v);
  }
  flushBss();
  if (dropped > 0) notes.push(`${dropped} BSSID block(s) without a channel were skipped`);
  const tool = `netsh wlan show networks mode=bssid${lang && lang.lang !== 'en' ? ` (${lang.name})` : ''}`;
  return { format: 'netsh-networks', tool, records, notes };
}

/** `netsh wlan show interfaces`: the network each connected interface is on (one record per interface). */
export function parseNetshInterfaces(input: string): ParsedScan {
  const notes: string[] = [];
  const text = prepare(input, notes);
  const lang = netshLanguage(text);
  const records: BssRecord[] = [];
  type Iface = { pairs: { key: string; value: string }[] };
  const ifaces: Iface[] = [];
  let cur: Iface | null = null;
  for (const line of lines(text)) {
    const kv = keyValue(line);
    if (!kv || kv.value === '') continue;
    // A new interface block starts at its name (Name, Nom, Nome, Nombre, Naam) followed by a description line.
    if (/^(?:name|nom|nome|nombre|naam)$/i.test(kv.key) && /^\s+/.test(line)) {
      cur = { pairs: [] };
      ifaces.push(cur);
    }
    cur?.pairs.push(kv);
  }
  for (const i of ifaces) {
    const v = (re: (p: { key: string; value: string }) => boolean): string | undefined =>
      i.pairs.find(re)?.value;
    const ssid = v((p) => p.key === 'SSID');
    if (ssid === undefined) continue;
    const state = i.pairs.some((p) => CONNECTED_VALUES.test(p.value));
    const macs = i.pairs.filter((p) => MAC_RE.test(p.value));
    const bssidPair =
      macs.find((p) => /BSSID|point d['’]acc|punto di accesso|punto de acceso/i.test(p.key)) ?? macs[1];
    const channel = toInt(v((p) => CHANNEL_KEYS.has(p.key.toLowerCase())));
    const bandText = v((p) => /^\d+(?:[.,]\d+)?\s*GHz$/i.test(p.value.replace(/\u00a0/g, ' ')));
    const place = placeOnAir(channel, null, bandText ? bandFromText(bandText) : null);
    if (!place) continue;
    const pct = v((p) => /^\d{1,3}\s*%$/.test(p.value));
    const percent = pct === undefined ? null : Number(pct.replace(/\D/g, ''));
    const auth = v((p) => AUTH_KEYS.has(p.key.toLowerCase())) ?? '';
    records.push({
      ssid,
      bssid: bssidPair ? normalizeBssid(bssidPair.value) : null,
      ...place,
      signalDbm: percent === null ? null : dbmFromWindowsPercent(percent),
      signalSource: percent === null ? 'none' : 'percent-windows',
      ...(percent === null ? {} : { signalPercent: percent }),
      security: securityFromText(auth),
      securityRaw: auth,
      connected: state,
      hidden: ssid === '',
    });
  }
  const tool = `netsh wlan show interfaces${lang && lang.lang !== 'en' ? ` (${lang.name})` : ''}`;
  return {
    format: 'netsh-interfaces',
    tool,
    records,
    notes: [...notes, 'connection info only: no scan of neighbours'],
  };
}
