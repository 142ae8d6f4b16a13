/**
 * macOS scanners: `system_profiler SPAirPortDataType` (text and -json: the current tool, no BSSIDs) and the
 * retired `airport -s` / `airport -I` (older systems and saved files).
 */
import type { WifiBand } from '../../profile/types.js';
import { bandFromText, lines, normalizeBssid, placeOnAir, securityFromText, toInt } from './common.js';
import type { BssRecord, ParsedScan } from './types.js';

/** "6", "3,+1", "149,-1", "48,80" -> channel and width. */
function airportChannel(text: string): { channel: number | null; widthMhz?: number } {
  const m = /^(\d+)(?:,([+-]?\d+))?/.exec(text.trim());
  if (!m) return { channel: null };
  const channel = Number(m[1]);
  const second = m[2];
  if (second === undefined) return { channel };
  if (second === '+1' || second === '-1') return { channel, widthMhz: 40 };
  const w = Number(second);
  return [20, 40, 80, 160].includes(w) ? { channel, widthMhz: w } : { channel };
}

const AIRPORT_ROW =
  /^(.*?) +(?:([0-9a-fx]{1,2}(?::[0-9a-fx]{1,2}){5}) +)?(-\d{1,3}) +(\d{1,3}(?:,[-+]?\d+)?) +([YN]|--) +(\S\S) +(.*?)\s*$/i;

/**
 * `airport -s`. The SSID column is right-aligned by bytes, so a UTF-8 SSID shifts the rest of its row:
 * rows are matched from the right (BSSID, RSSI, channel ...) instead of by fixed columns.
 */
export function parseAirportScan(text: string): ParsedScan {
  const records: BssRecord[] = [];
  let noBssid = 0;
  for (const line of lines(text)) {
    if (/^\s*SSID BSSID\s+RSSI/.test(line) || line.trim() === '' || line.startsWith('$ ')) continue;
    const m = AIRPORT_ROW.exec(line);
    if (!m) continue;
    const ssid = (m[1] ?? '').trimStart();
    const { channel, widthMhz } = airportChannel(m[4] ?? '');
    const place = placeOnAir(channel, null, null);
    if (!place) continue;
    const rssi = Number(m[3]);
    const secRaw = (m[7] ?? '').trim();
    const bssid = m[2] ? normalizeBssid(m[2]) : null;
    if (!bssid) noBssid++;
    const rec: BssRecord = {
      ssid,
      bssid,
      ...place,
      signalDbm: rssi,
      signalSource: 'dbm',
      security: securityFromText(secRaw),
      securityRaw: secRaw,
      connected: false,
      hidden: ssid === '',
    };
    if (widthMhz !== undefined) rec.widthMhz = widthMhz;
    records.push(rec);
  }
  const notes =
    noBssid > 0 ? [`${noBssid} network(s) without BSSID (macOS hides them without Location permission)`] : [];
  return { format: 'airport-scan', tool: 'airport -s', records, notes };
}

/** `airport -I`: the network the Mac is on, as one connected record. */
export function parseAirportInfo(text: string): ParsedScan {
  const kv = new Map<string, string>();
  for (const line of lines(text)) {
    const m = /^\s*([\w .]+?): ?(.*)$/.exec(line);
    if (m?.[1] && !kv.has(m[1])) kv.set(m[1], m[2] ?? '');
  }
  const records: BssRecord[] = [];
  const { channel, widthMhz } = airportChannel(kv.get('channel') ?? '');
  const place = placeOnAir(channel, null, null);
  const rssi = toInt(kv.get('agrCtlRSSI'));
  if (place && kv.get('state') !== 'init') {
    const ssid = kv.get('SSID') ?? '';
    const secRaw = kv.get('link auth') ?? '';
    const rec: BssRecord = {
      ssid,
      bssid: normalizeBssid(kv.get('BSSID') ?? ''),
      ...place,
      signalDbm: rssi,
      signalSource: rssi === null ? 'none' : 'dbm',
      security: securityFromAirportLinkAuth(secRaw),
      securityRaw: secRaw,
      connected: true,
      hidden: ssid === '',
    };
    if (widthMhz !== undefined) rec.widthMhz = widthMhz;
    records.push(rec);
  }
  return {
    format: 'airport-info',
    tool: 'airport -I',
    records,
    notes: ['connection info only: one network, no scan'],
  };
}

/** airport -I "link auth": none, wep, wpa-psk, wpa2-psk, wpa3-sae, wpa2-psk/wpa3-sae? , wpa2 (802.1X) ... */
function securityFromAirportLinkAuth(raw: string): BssRecord['security'] {
  const r = raw.toLowerCase();
  if (r === 'none' || r === 'open' || r === '') return ['open'];
  const out = new Set<BssRecord['security'][number]>();
  if (/wpa3-sae|sae/.test(r)) out.add('wpa3-personal');
  if (/wpa2-psk/.test(r)) out.add('wpa2-personal');
  if (/(?:^|[^2-3])wpa-psk/.test(r)) out.add('wpa');
  if (/wep/.test(r)) out.add('wep');
  if (out.size === 0 && /wpa3/.test(r)) out.add('wpa3-enterprise');
  if (out.size === 0 && /wpa/.test(r)) out.add('wpa2-enterprise');
  return [...out];
}

/** "11 (2GHz, 20MHz)", "64 (5GHz, 80MHz)", 6, "149,+1" (10.15 JSON). */
function profilerChannel(value: unknown): {
  channel: number | null;
  band: WifiBand | null;
  widthMhz?: number;
} {
  if (typeof value === 'number') return { channel: value, band: null };
  if (typeof value !== 'string') return { channel: null, band: null };
  const m = /^(\d+)\s*\(([^)]*)\)/.exec(value.trim());
  if (m) {
    const w = /(\d+)\s*MHz/i.exec(m[2] ?? '');
    return {
      channel: Number(m[1]),
      band: bandFromText(m[2] ?? ''),
      ...(w ? { widthMhz: Number(w[1]) } : {}),
    };
  }
  return { ...airportChannel(value), band: null };
}

function signalFromProfiler(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = /(-\d+)\s*dBm/.exec(text);
  return m ? Number(m[1]) : null;
}

/** `system_profiler -json SPAirPortDataType`. */
export function parseSystemProfilerJson(text: string): ParsedScan {
  const notes: string[] = [];
  const records: BssRecord[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      format: 'system-profiler-json',
      tool: 'system_profiler -json SPAirPortDataType',
      records,
      notes: ['not valid JSON'],
    };
  }
  const sections = (data as { SPAirPortDataType?: unknown }).SPAirPortDataType;
  const interfaces: Record<string, unknown>[] = [];
  if (Array.isArray(sections)) {
    for (const s of sections) {
      const ifs = (s as { spairport_airport_interfaces?: unknown } | null)?.spairport_airport_interfaces;
      if (Array.isArray(ifs))
        for (const i of ifs) if (i && typeof i === 'object') interfaces.push(i as Record<string, unknown>);
    }
  }
  const add = (n: unknown, connected: boolean): void => {
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    const { channel, band, widthMhz } = profilerChannel(o.spairport_network_channel);
    const place = placeOnAir(channel, null, band);
    if (!place) return;
    const ssid = typeof o._name === 'string' ? o._name : '';
    const secRaw = typeof o.spairport_security_mode === 'string' ? o.spairport_security_mode : '';
    const signal = signalFromProfiler(o.spairport_signal_noise);
    const bssid =
      typeof o.spairport_network_bssid === 'string' ? normalizeBssid(o.spairport_network_bssid) : null;
    const rec: BssRecord = {
      ssid,
      bssid,
      ...place,
      signalDbm: signal,
      signalSource: signal === null ? 'none' : 'dbm',
      security: securityFromText(secRaw.replace(/^spairport_security_mode_/, '')),
      securityRaw: secRaw,
      connected,
      hidden: ssid === '',
    };
    if (widthMhz !== undefined) rec.widthMhz = widthMhz;
    records.push(rec);
  };
  let wifiOff = false;
  for (const i of interfaces) {
    const status = i.spairport_status_information;
    if (status === 'spairport_status_off') wifiOff = true;
    add(i.spairport_current_network_information, true);
    const others = i.spairport_airport_other_local_wireless_networks;
    if (Array.isArray(others)) for (const o of others) add(o, false);
  }
  if (wifiOff) notes.push('Wi-Fi is switched off on this Mac');
  if (records.some((r) => r.signalDbm === null))
    notes.push('macOS gives no signal for some neighbouring networks');
  return { format: 'system-profiler-json', tool: 'system_profiler -json SPAirPortDataType', records, notes };
}

/** Text `system_profiler SPAirPortDataType` (indentation-structured, SSIDs as "Name:" headings). */
export function parseSystemProfilerText(text: string): ParsedScan {
  const records: BssRecord[] = [];
  const notes: string[] = [];
  let mode: 'current' | 'other' | null = null;
  let listIndent = -1;
  let cur: { ssid: string; fields: Map<string, string>; connected: boolean } | null = null;
  const flush = (): void => {
    if (!cur) return;
    const { channel, band, widthMhz } = profilerChannel(cur.fields.get('Channel'));
    const place = placeOnAir(channel, null, band);
    if (place) {
      const secRaw = cur.fields.get('Security') ?? '';
      const signal = signalFromProfiler(cur.fields.get('Signal / Noise'));
      const bssidText = cur.fields.get('BSSID');
      const rec: BssRecord = {
        ssid: cur.ssid,
        bssid: bssidText ? normalizeBssid(bssidText) : null,
        ...place,
        signalDbm: signal,
        signalSource: signal === null ? 'none' : 'dbm',
        security: securityFromText(secRaw),
        securityRaw: secRaw,
        connected: cur.connected,
        hidden: cur.ssid === '',
      };
      if (widthMhz !== undefined) rec.widthMhz = widthMhz;
      records.push(rec);
    }
    cur = null;
  };
  for (const line of lines(text)) {
    if (line.trim() === '') continue;
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    const t = line.trim();
    if (t === 'Current Network Information:' || t === 'Other Local Wi-Fi Networks:') {
      flush();
      mode = t.startsWith('Current') ? 'current' : 'other';
      listIndent = indent;
      continue;
    }
    if (mode === null) continue;
    if (indent <= listIndent) {
      flush();
      mode = null;
      continue;
    }
    // A heading one level below the list is an SSID ("Name:"); deeper lines are its fields.
    if (t.endsWith(':') && (cur === null || indent <= listIndent + 2)) {
      flush();
      cur = {
        ssid: line.slice(indent, line.lastIndexOf(':')),
        fields: new Map(),
        connected: mode === 'current',
      };
      continue;
    }
    const kv = /^([^:]+):\s*(.*)$/.exec(t);
    if (cur && kv?.[1]) cur.fields.set(kv[1], kv[2] ?? '');
  }
  flush();
  if (records.some((r) => r.bssid === null)) notes.push('system_profiler does not show BSSIDs');
  return { format: 'system-profiler-text', tool: 'system_profiler SPAirPortDataType', records, notes };
}

/** wdutil's channel: "1 (20 MHz, Active)", "144 (40 MHz, DFS)" (macOS 12) or "2g1/20", "5g44/40" (macOS 13+). */
function wdutilChannel(text: string): { channel: number | null; band: WifiBand | null; widthMhz?: number } {
  const compact = /^([256])g(\d{1,3})(?:\/(\d{2,3}))?/i.exec(text.trim());
  if (compact) {
    const band = compact[1] === '2' ? '2.4' : compact[1] === '5' ? '5' : '6';
    return {
      channel: Number(compact[2]),
      band,
      ...(compact[3] ? { widthMhz: Number(compact[3]) } : {}),
    };
  }
  const m = /^(\d{1,3})\s*(?:\((\d{2,3})\s*MHz)?/i.exec(text.trim());
  if (!m) return { channel: null, band: null };
  return { channel: Number(m[1]), band: null, ...(m[2] ? { widthMhz: Number(m[2]) } : {}) };
}

/**
 * `sudo wdutil info` (macOS 12+): the WIFI section describes the network the Mac is associated with: its
 * channel, RSSI and security. One connected record, or none when "Op Mode" is None (not associated).
 * macOS 14+ prints "<redacted>" for SSID and BSSID unless location access is granted: the record then has
 * an empty SSID (not a hidden network) and a note says why.
 */
export function parseWdutilInfo(text: string): ParsedScan {
  const fields = new Map<string, string>();
  let section = '';
  for (const line of lines(text)) {
    const t = line.trim();
    if (/^[A-Z][A-Z0-9 ]+$/.test(t)) {
      section = t;
      continue;
    }
    if (section !== 'WIFI') continue;
    const m = /^\s+([A-Za-z][\w .[\]/-]*?)\s*:\s?(.*)$/.exec(line);
    if (m?.[1] && !fields.has(m[1])) fields.set(m[1], (m[2] ?? '').trim());
  }
  const records: BssRecord[] = [];
  const notes = ['connection info only: one network, no scan'];
  const opMode = fields.get('Op Mode') ?? '';
  const { channel, band, widthMhz } = wdutilChannel(fields.get('Channel') ?? '');
  const place = placeOnAir(channel, null, band);
  if (fields.size > 0 && (opMode === '' || /^none$/i.test(opMode))) {
    notes.push('the Mac is not associated with any Wi-Fi network');
  } else if (place) {
    const rawSsid = fields.get('SSID') ?? '';
    const redacted = /^<redacted>$/i.test(rawSsid);
    if (redacted)
      notes.push('macOS redacted the SSID and BSSID (grant location access, or run it with sudo)');
    const rssi = /^(-\d{1,3})\s*dBm/i.exec(fields.get('RSSI') ?? '');
    const secRaw = fields.get('Security') ?? '';
    const rec: BssRecord = {
      ssid: redacted ? '' : rawSsid,
      bssid: normalizeBssid(fields.get('BSSID') ?? ''),
      ...place,
      signalDbm: rssi ? Number(rssi[1]) : null,
      signalSource: rssi ? 'dbm' : 'none',
      security: secRaw === '' ? [] : securityFromText(secRaw),
      securityRaw: secRaw,
      connected: true,
      hidden: false,
    };
    if (widthMhz !== undefined) rec.widthMhz = widthMhz;
    records.push(rec);
  }
  return { format: 'wdutil-info', tool: 'wdutil info', records, notes };
}
