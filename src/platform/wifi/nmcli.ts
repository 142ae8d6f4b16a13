/**
 * `nmcli device wifi list` in terse (-t) and tabular/pretty form. Terse mode escapes ':' as '\:' and '\' as '\\'
 * inside fields (nmcli(1), "--escape"); a backslash before anything else is kept as a literal backslash.
 *
 * Terse output has no header, so the field list comes from (a) a recorded command line above the output,
 * (b) the caller (the probe knows what it asked for), or (c) the known default layouts of NetworkManager
 * versions, tried against the value shapes of every line.
 */
import type { WifiBand } from '../../profile/types.js';
import {
  MAC_RE,
  bandFromText,
  cutColumns,
  dbmFromNmcliPercent,
  headerColumns,
  lines,
  normalizeBssid,
  placeOnAir,
  securityFromText,
  ssidFromBytes,
  toInt,
} from './common.js';
import type { BssRecord, ParsedScan } from './types.js';

/** The fields zapcheck's own probe asks for (all exist since NetworkManager 1.12). */
export const NMCLI_PROBE_FIELDS = [
  'IN-USE',
  'SSID',
  'BSSID',
  'MODE',
  'CHAN',
  'FREQ',
  'SIGNAL',
  'SECURITY',
  'RSN-FLAGS',
];

/** `nmcli -f ALL device wifi list` of NetworkManager 1.44+, in order. */
const NMCLI_ALL_FIELDS: string[] = [
  'NAME',
  'SSID',
  'SSID-HEX',
  'BSSID',
  'MODE',
  'CHAN',
  'BAND',
  'FREQ',
  'RATE',
  'BANDWIDTH',
  'SIGNAL',
  'BARS',
  'SECURITY',
  'WPA-FLAGS',
  'RSN-FLAGS',
  'DEVICE',
  'ACTIVE',
  'IN-USE',
  'DBUS-PATH',
];

const without = (fields: readonly string[], ...drop: string[]): string[] =>
  fields.filter((f) => !drop.includes(f));

/** Default layouts of `nmcli -t device wifi list` across NetworkManager versions, plus common -f lists. */
const KNOWN_LAYOUTS: string[][] = [
  ['IN-USE', 'BSSID', 'SSID', 'MODE', 'BAND', 'CHAN', 'RATE', 'SIGNAL', 'BARS', 'SECURITY'],
  ['IN-USE', 'BSSID', 'SSID', 'MODE', 'CHAN', 'RATE', 'SIGNAL', 'BARS', 'SECURITY'],
  ['IN-USE', 'SSID', 'MODE', 'CHAN', 'RATE', 'SIGNAL', 'BARS', 'SECURITY'],
  // -f ALL: NetworkManager 1.44+, then releases before BAND, then before BANDWIDTH too
  NMCLI_ALL_FIELDS,
  without(NMCLI_ALL_FIELDS, 'BAND'),
  without(NMCLI_ALL_FIELDS, 'BAND', 'BANDWIDTH'),
  NMCLI_PROBE_FIELDS,
  ['SSID', 'BSSID', 'SIGNAL', 'SECURITY'],
  ['SSID', 'BSSID', 'MODE', 'CHAN', 'FREQ', 'SIGNAL', 'SECURITY'],
  ['ACTIVE', 'SSID', 'BSSID', 'MODE', 'CHAN', 'FREQ', 'SIGNAL', 'SECURITY', 'WPA-FLAGS', 'RSN-FLAGS'],
];

type FieldCheck = (v: string) => boolean;
const anything: FieldCheck = () => true;
const FIELD_SHAPES: Record<string, FieldCheck> = {
  'IN-USE': (v) => v === '*' || v === ' ' || v === '',
  ACTIVE: (v) => /^(yes|no|ja|nein|oui|non|sì|si|tak|nie|да|нет)?$/i.test(v) || v.length <= 5,
  BSSID: (v) => MAC_RE.test(v),
  'SSID-HEX': (v) => /^(?:[0-9A-Fa-f]{2})*$/.test(v),
  MODE: (v) => /^[\p{L}-]{2,20}$/u.test(v) || v === '',
  CHAN: (v) => /^\d{1,3}$/.test(v),
  BAND: (v) => /^\d+(?:[.,]\d+)?\s?GHz$/.test(v),
  FREQ: (v) => /^\d{4}\s?MHz$/.test(v),
  BANDWIDTH: (v) => /^\d{2,3}\s?MHz$/.test(v),
  RATE: (v) => /^\d+(?:[.,]\d+)?\s?\S*b(?:it)?\/s$/u.test(v),
  SIGNAL: (v) => /^\d{1,3}$/.test(v) && Number(v) <= 100,
  BARS: (v) => /^[*_ ▂▄▆█]{0,4}$/u.test(v),
  SECURITY: (v) =>
    /^(?:--|(?:WPA[123]?|WEP|802\.1X|OWE(?:-TM)?|SAE)(?: (?:WPA[123]?|WEP|802\.1X|OWE(?:-TM)?|SAE))*)?$/.test(
      v,
    ),
  // "(none)" is translated: "(brak)" in Polish, "(なし)" in Japanese.
  'WPA-FLAGS': (v) => /^(?:\([^():]{1,24}\)|[a-z0-9_.\- ]*)$/iu.test(v),
  'RSN-FLAGS': (v) => /^(?:\([^():]{1,24}\)|[a-z0-9_.\- ]*)$/iu.test(v),
  NAME: (v) => /^AP\[\d+\]$/.test(v),
  DEVICE: (v) => /^[\w.-]{1,15}$/.test(v),
  'DBUS-PATH': (v) => v.startsWith('/'),
  SSID: anything,
};

/** Splits one terse line on unescaped ':'; '\:' -> ':', '\\' -> '\', other backslashes kept. */
export function splitNmcliTerse(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && (line[i + 1] === ':' || line[i + 1] === '\\')) {
      cur += line[i + 1];
      i++;
    } else if (c === ':') {
      out.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  out.push(cur);
  return out;
}

function lineFits(fields: string[], layout: string[]): boolean {
  if (fields.length !== layout.length) return false;
  return layout.every((name, i) => (FIELD_SHAPES[name] ?? anything)(fields[i] ?? ''));
}

/** Field names from a recorded command line: `nmcli --terse --fields a,b,c device wifi list` or `-f`. */
function fieldsFromCommandLine(line: string): string[] | null {
  const m = /nmcli\b.*?(?:--fields|-f)[ =]([\w,-]+)/i.exec(line);
  if (!m?.[1]) return null;
  const f = m[1].toUpperCase().split(',');
  if (f.length === 1 && (f[0] === 'ALL' || f[0] === 'COMMON')) return null;
  return f;
}

/** Parses `nmcli -t device wifi list` output. */
export function parseNmcliTerse(text: string, fields?: readonly string[]): ParsedScan {
  const notes: string[] = [];
  const all = lines(text);
  let layout: string[] | null = fields ? [...fields] : null;
  const dataLines: string[][] = [];
  let skipped = 0;
  for (const line of all) {
    if (line.trim() === '' && !line.includes(':')) continue;
    const fromCmd = /nmcli\b/.test(line) ? fieldsFromCommandLine(line) : null;
    if (fromCmd) {
      layout = fromCmd;
      continue;
    }
    dataLines.push(splitNmcliTerse(line));
  }
  if (!layout) {
    // The layout that fits most lines (ties: the earlier, i.e. newer, layout).
    let best: { layout: string[]; n: number } | null = null;
    for (const candidate of KNOWN_LAYOUTS) {
      const n = dataLines.filter((f) => lineFits(f, candidate)).length;
      if (n > 0 && (!best || n > best.n)) best = { layout: candidate, n };
    }
    layout = best?.layout ?? null;
  }
  const records: BssRecord[] = [];
  if (!layout) {
    if (dataLines.length > 0) notes.push(`no known nmcli field layout fits these ${dataLines.length} lines`);
    return { format: 'nmcli-terse', tool: 'nmcli -t device wifi list', records, notes };
  }
  const idx = (name: string): number => layout.indexOf(name);
  let unplaced = 0;
  for (const f of dataLines) {
    if (!lineFits(f, layout)) {
      skipped++;
      continue;
    }
    const get = (name: string): string | undefined => {
      const i = idx(name);
      return i >= 0 ? f[i] : undefined;
    };
    const rec = nmcliRecord(get);
    if (rec) records.push(rec);
    else unplaced++;
  }
  if (unplaced > 0) {
    notes.push(
      `${unplaced} network(s) without channel or frequency (fields: ${layout.join(',')}): cannot be placed on a band`,
    );
  }
  if (skipped > 0) notes.push(`${skipped} line(s) did not look like nmcli output and were skipped`);
  return { format: 'nmcli-terse', tool: 'nmcli -t device wifi list', records, notes };
}

function nmcliRecord(get: (name: string) => string | undefined): BssRecord | null {
  const chan = toInt(get('CHAN'));
  const freq = toInt(get('FREQ'));
  const bandText = get('BAND');
  const band: WifiBand | null = bandText ? bandFromText(bandText) : null;
  const place = placeOnAir(chan, freq, band);
  if (!place) return null;
  let ssid = get('SSID') ?? '';
  let ssidHex: string | undefined;
  let hidden = ssid === '' || ssid === '--';
  const hex = get('SSID-HEX');
  if (hex !== undefined && hex !== '' && /^(?:[0-9A-Fa-f]{2})+$/.test(hex)) {
    const decoded = ssidFromBytes(Buffer.from(hex, 'hex'));
    ssid = decoded.ssid;
    ssidHex = decoded.ssidHex;
    hidden = decoded.hidden;
  } else if (hidden) {
    ssid = '';
  }
  const percent = toInt(get('SIGNAL'));
  const secRaw = get('SECURITY') ?? '';
  const security = securityFromText(secRaw === '' ? 'NONE' : secRaw);
  const rsn = (get('RSN-FLAGS') ?? '').toLowerCase();
  // RSN key management is more precise than SECURITY: "psk sae" is a WPA2/WPA3 transition network.
  if (/\bsae\b/.test(rsn) && !security.includes('wpa3-personal')) security.push('wpa3-personal');
  if (/\bpsk\b/.test(rsn) && !security.includes('wpa2-personal')) security.push('wpa2-personal');
  const inUse = get('IN-USE');
  const active = get('ACTIVE');
  const widthText = get('BANDWIDTH');
  const width = widthText ? toInt(widthText) : null;
  const bssidText = get('BSSID');
  const rec: BssRecord = {
    ssid,
    bssid: bssidText ? normalizeBssid(bssidText) : null,
    ...place,
    signalDbm: percent === null ? null : dbmFromNmcliPercent(percent),
    signalSource: percent === null ? 'none' : 'percent-nmcli',
    security,
    securityRaw: secRaw,
    connected: inUse === '*' || /^(yes|ja|oui|sì|si|tak)$/i.test(active ?? ''),
    hidden,
  };
  if (ssidHex !== undefined) rec.ssidHex = ssidHex;
  if (width !== null) rec.widthMhz = width;
  if (percent !== null) rec.signalPercent = percent;
  return rec;
}

/**
 * Parses the human table of `nmcli device wifi list` (also `--pretty`, any LANG). Columns are located from
 * the header line and cut by display width (nmcli pads by display width, so a Japanese `インフラ` in MODE
 * takes eight columns, not four characters): wide and combining characters keep every row.
 */
export function parseNmcliTabular(text: string): ParsedScan {
  const records: BssRecord[] = [];
  const notes: string[] = [];
  let cols: { name: string; start: number }[] | null = null;
  let unplaced = 0;
  for (const line of lines(text)) {
    if (/^\s*IN-USE\s+/.test(line) || /^\s*\*?\s*SSID\s+/.test(line)) {
      cols = headerColumns(line);
      continue;
    }
    if (!cols || line.trim() === '' || /^[=-]{5,}$/.test(line.trim()) || /Wi-Fi scan list/.test(line))
      continue;
    const cut = cutColumns(
      line,
      cols.map((c) => c.start),
    );
    const cells: Record<string, string> = {};
    cols.forEach((c, i) => {
      cells[c.name] = cut[i] ?? '';
    });
    const chan = toInt(cells.CHAN);
    const place = placeOnAir(chan, toInt(cells.FREQ), cells.BAND ? bandFromText(cells.BAND) : null);
    if (!place) {
      unplaced++;
      continue;
    }
    const percent = toInt(cells.SIGNAL);
    const secRaw = cells.SECURITY ?? '';
    const ssid = cells.SSID ?? '';
    const hidden = ssid === '' || ssid === '--';
    records.push({
      ssid: hidden ? '' : ssid,
      bssid: cells.BSSID ? normalizeBssid(cells.BSSID) : null,
      ...place,
      signalDbm: percent === null ? null : dbmFromNmcliPercent(percent),
      signalSource: percent === null ? 'none' : 'percent-nmcli',
      ...(percent === null ? {} : { signalPercent: percent }),
      security: securityFromText(secRaw === '' ? 'NONE' : secRaw),
      securityRaw: secRaw,
      connected: (cells['IN-USE'] ?? '') === '*',
      hidden,
    });
  }
  if (unplaced > 0) notes.push(`${unplaced} table row(s) without a readable channel were skipped`);
  return { format: 'nmcli-tabular', tool: 'nmcli device wifi list (table)', records, notes };
}
