/**
 * `iw dev <if> scan` (nl80211). Blocks start with "BSS <mac>(on <if>)"; "-- associated" marks the BSS the
 * laptop is on. iw prints SSID bytes that are not printable ASCII (and '\', and edge spaces) as \xNN.
 * Security is read from the RSN/WPA information elements (IEEE 802.11-2020 9.4.2.24: AKM suites) and the
 * Privacy capability bit.
 */
import type { WifiSecurity } from '../../profile/types.js';
import { lines, normalizeBssid, placeOnAir, ssidFromEscaped } from './common.js';
import type { BssRecord, ParsedScan } from './types.js';

interface Draft {
  bssid: string | null;
  connected: boolean;
  freq: number | null;
  channel: number | null;
  signal: number | null;
  ssidRaw: string | null;
  privacy: boolean;
  rsnAkm: string | null;
  wpaAkm: string | null;
  section: 'rsn' | 'wpa' | null;
  secondary: 'above' | 'below' | null;
  staWidthAny: boolean;
  htOp: boolean;
  vhtWidth: number | null;
}

const BSS_RE = /^BSS ([0-9a-fx]{1,2}(?::[0-9a-fx]{1,2}){5})\s*(?:\(on [^)]*\))?\s*(-- associated)?/i;

export function parseIwScan(text: string): ParsedScan {
  const records: BssRecord[] = [];
  const notes: string[] = [];
  let d: Draft | null = null;
  let dropped = 0;
  const flush = (): void => {
    if (!d) return;
    const rec = finish(d);
    if (rec) records.push(rec);
    else dropped++;
    d = null;
  };
  for (const raw of lines(text)) {
    const line = raw.replace(/\s+$/, '');
    const bss = BSS_RE.exec(line);
    if (bss) {
      flush();
      d = {
        bssid: normalizeBssid(bss[1] ?? ''),
        connected: Boolean(bss[2]),
        freq: null,
        channel: null,
        signal: null,
        ssidRaw: null,
        privacy: false,
        rsnAkm: null,
        wpaAkm: null,
        section: null,
        secondary: null,
        staWidthAny: false,
        htOp: false,
        vhtWidth: null,
      };
      continue;
    }
    if (!d) continue;
    const t = line.trim();
    const topLevel = /^(?:\t| {4})(?!\t| )/.test(line) || /^\t[^\t]/.test(line);
    let m: RegExpExecArray | null;
    if (topLevel) {
      if (/^RSN:/.test(t)) d.section = 'rsn';
      else if (/^WPA:/.test(t)) d.section = 'wpa';
      else if (!t.startsWith('*')) d.section = null;
    }
    if ((m = /^freq:\s*([\d.]+)/.exec(t)) && d.freq === null) d.freq = Number(m[1]);
    else if ((m = /^signal:\s*(-?[\d.]+)\s*dBm/.exec(t))) d.signal = Math.round(Number(m[1]));
    else if ((m = /^SSID:\s?(.*)$/.exec(t)) && d.ssidRaw === null && topLevel)
      d.ssidRaw = line.replace(/^\s*SSID: ?/, '');
    else if (/^capability:/.test(t)) d.privacy = /\bPrivacy\b/.test(t);
    else if ((m = /^DS Parameter set: channel (\d+)/.exec(t))) d.channel = Number(m[1]);
    else if ((m = /^\* primary channel: (\d+)/.exec(t)) && d.channel === null) d.channel = Number(m[1]);
    else if ((m = /secondary channel offset: (above|below)/.exec(t))) d.secondary = m[1] as 'above' | 'below';
    else if (/^HT operation:/.test(t)) d.htOp = true;
    else if (/STA channel width: any/.test(t)) d.staWidthAny = true;
    else if ((m = /^\* channel width: (\d) \(/.exec(t)))
      d.vhtWidth = m[1] === '1' ? 80 : m[1] === '2' ? 160 : null;
    else if ((m = /Authentication suites: (.*)$/.exec(t))) {
      if (d.section === 'rsn' || (d.section === null && d.rsnAkm === null)) d.rsnAkm = m[1] ?? '';
      else if (d.section === 'wpa') d.wpaAkm = m[1] ?? '';
    }
    // RSN:\t * Version: 1 puts the first item on the RSN line itself
    if (/^RSN:/.test(t)) d.section = 'rsn';
    if (/^WPA:/.test(t)) d.section = 'wpa';
  }
  flush();
  if (dropped > 0) notes.push(`${dropped} BSS block(s) without a usable frequency or channel were skipped`);
  return { format: 'iw-scan', tool: 'iw dev <if> scan', records, notes };
}

export function securityFromAkm(
  rsnAkm: string | null,
  wpaAkm: string | null,
  privacy: boolean,
): WifiSecurity[] {
  const out = new Set<WifiSecurity>();
  const addFrom = (akm: string, rsn: boolean): void => {
    const a = akm.toUpperCase();
    if (/\bPSK\b|FT\/PSK|PSK\/SHA-256/.test(a)) out.add(rsn ? 'wpa2-personal' : 'wpa');
    if (/\bSAE\b|FT\/SAE/.test(a)) out.add('wpa3-personal');
    if (/802\.1X|IEEE 802\.1X|EAP/.test(a))
      out.add(/SUITE-B|SHA-384|SHA384/.test(a) ? 'wpa3-enterprise' : 'wpa2-enterprise');
    if (/\bOWE\b/.test(a)) out.add('owe');
  };
  if (rsnAkm !== null) addFrom(rsnAkm, true);
  if (wpaAkm !== null) addFrom(wpaAkm, false);
  if (out.size === 0) out.add(privacy ? 'wep' : 'open');
  return [...out];
}

function finish(d: Draft): BssRecord | null {
  const place = placeOnAir(d.channel, d.freq, null);
  if (!place) return null;
  // DS Parameter set may be missing (5 GHz): keep the frequency's channel then.
  const { ssid, ssidHex, hidden } = ssidFromEscaped(d.ssidRaw ?? '');
  const security = securityFromAkm(d.rsnAkm, d.wpaAkm, d.privacy);
  const rec: BssRecord = {
    ssid,
    ssidHex,
    bssid: d.bssid,
    ...place,
    signalDbm: d.signal,
    signalSource: d.signal === null ? 'none' : 'dbm',
    security,
    securityRaw: [
      d.rsnAkm !== null ? `RSN ${d.rsnAkm}` : '',
      d.wpaAkm !== null ? `WPA ${d.wpaAkm}` : '',
      d.privacy ? 'Privacy' : '',
    ]
      .filter(Boolean)
      .join('; '),
    connected: d.connected,
    hidden,
  };
  const width = d.vhtWidth ?? (d.htOp ? (d.secondary && d.staWidthAny ? 40 : 20) : undefined);
  if (width !== undefined) rec.widthMhz = width;
  return rec;
}
