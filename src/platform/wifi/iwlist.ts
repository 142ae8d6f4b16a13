/**
 * `iwlist <if> scan` (Wireless Extensions). Cells start with "Cell NN - Address: <mac>". Signal is
 * "Signal level=-53 dBm" or, for some drivers, "Signal level=57/100" (a percentage, converted with the generic
 * linear formula dBm = percent / 2 - 100). ESSID bytes that are not printable come as \xNN.
 */
import { dbmFromWindowsPercent, lines, normalizeBssid, placeOnAir, ssidFromEscaped } from './common.js';
import { securityFromAkm } from './iw.js';
import type { BssRecord, ParsedScan } from './types.js';

interface Draft {
  bssid: string | null;
  channel: number | null;
  freq: number | null;
  signalDbm: number | null;
  signalPercent: number | null;
  essid: string | null;
  encryption: boolean;
  rsnAkm: string | null;
  wpaAkm: string | null;
  ie: 'rsn' | 'wpa' | null;
}

export function parseIwlistScan(text: string): ParsedScan {
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
    const t = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^Cell \d+ - Address: (\S+)/.exec(t))) {
      flush();
      d = {
        bssid: normalizeBssid(m[1] ?? ''),
        channel: null,
        freq: null,
        signalDbm: null,
        signalPercent: null,
        essid: null,
        encryption: false,
        rsnAkm: null,
        wpaAkm: null,
        ie: null,
      };
      continue;
    }
    if (/Scan completed|Interface doesn't support scanning|No scan results/.test(t)) {
      flush();
      continue;
    }
    if (!d) continue;
    if ((m = /^Channel:(\d+)/.exec(t))) d.channel = Number(m[1]);
    else if ((m = /^Frequency:([\d.]+) GHz(?: \(Channel (\d+)\))?/.exec(t))) {
      d.freq = Math.round(Number(m[1]) * 1000);
      if (m[2]) d.channel = Number(m[2]);
    } else if (/Signal level=/.test(t)) {
      const dbm = /Signal level[=:](-?\d+(?:\.\d+)?) dBm/.exec(t);
      const pct = /Signal level[=:](\d+)\/100/.exec(t);
      if (dbm) d.signalDbm = Math.round(Number(dbm[1]));
      else if (pct) d.signalPercent = Number(pct[1]);
    } else if ((m = /^Encryption key:(on|off)/.exec(t))) d.encryption = m[1] === 'on';
    else if ((m = /^ESSID:"(.*)"$/.exec(t))) d.essid = m[1] ?? '';
    else if (/^IE: IEEE 802\.11i\/WPA2/.test(t)) d.ie = 'rsn';
    else if (/^IE: WPA Version/.test(t)) d.ie = 'wpa';
    else if (/^IE: /.test(t)) d.ie = null;
    else if ((m = /^Authentication Suites \(\d+\) : (.*)$/.exec(t))) {
      if (d.ie === 'rsn') d.rsnAkm = m[1] ?? '';
      else if (d.ie === 'wpa') d.wpaAkm = m[1] ?? '';
    }
  }
  flush();
  if (dropped > 0) notes.push(`${dropped} cell(s) without a usable frequency or channel were skipped`);
  return { format: 'iwlist-scan', tool: 'iwlist <if> scan', records, notes };
}

function finish(d: Draft): BssRecord | null {
  const place = placeOnAir(d.channel, d.freq, null);
  if (!place) return null;
  // Some drivers print ESSID:"<hidden>" for a network that does not broadcast its name.
  const { ssid, ssidHex, hidden } =
    d.essid === '<hidden>' ? { ssid: '', ssidHex: '', hidden: true } : ssidFromEscaped(d.essid ?? '');
  const signalDbm = d.signalDbm ?? (d.signalPercent !== null ? dbmFromWindowsPercent(d.signalPercent) : null);
  const rec: BssRecord = {
    ssid,
    ssidHex,
    bssid: d.bssid,
    ...place,
    signalDbm,
    signalSource: d.signalDbm !== null ? 'dbm' : d.signalPercent !== null ? 'percent-generic' : 'none',
    security: securityFromAkm(d.rsnAkm, d.wpaAkm, d.encryption),
    securityRaw: [
      d.rsnAkm !== null ? `WPA2 ${d.rsnAkm}` : '',
      d.wpaAkm !== null ? `WPA ${d.wpaAkm}` : '',
      `Encryption key:${d.encryption ? 'on' : 'off'}`,
    ]
      .filter(Boolean)
      .join('; '),
    connected: false,
    hidden,
  };
  if (d.signalPercent !== null) rec.signalPercent = d.signalPercent;
  return rec;
}
