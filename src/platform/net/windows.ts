/**
 * Pure parsers of Windows network state: `ipconfig /all` in English and other languages, and
 * `route print [-4]`.
 *
 * ipconfig labels are translated ("DHCP Server", "DHCP-Server", "Serveur DHCP") and its dates follow
 * the user's locale, so fields are found by what survives translation: "IPv4" in the address label,
 * "DHCP" in the server and enabled labels, "DNS" in the servers label, a gateway word, a netmask-shaped
 * value after the address, and the two lease dates in their fixed order (obtained, then expires).
 */
import type { LeaseFacts, Route } from './types.js';
import { allIpv4, firstIpv4, isIpv4, maskToPrefix } from '../../core/ipv4.js';

export interface IpconfigAdapter extends LeaseFacts {
  /** The header line without its trailing colon: "Wireless LAN adapter Wi-Fi". */
  name: string;
  /** "DHCP Enabled: Yes" (or its translation); undefined when the line is missing. */
  dhcpEnabled?: boolean;
  /** The lease dates as printed, for evidence. */
  obtainedText?: string;
  expiresText?: string;
  mediaDisconnected: boolean;
}

const YES = /^(yes|ja|oui|s[iíì]|sim|tak|да|evet|igen|ano|kyllä)$/i;
const GATEWAY = /gateway|passerelle|enlace|brama|шлюз|gateway|standaardgateway|átjáró|brána/i;
const DOT_LEADER = /(?:\s*\.)+\s*:(?=\s|$)|\s+:(?=\s|$)/;

interface Field {
  label: string;
  values: string[];
}

/** Splits "   Label . . . . : value" lines; continuation lines (deep indent, no label) extend the last. */
function adapterBlocks(text: string): { name: string; fields: Field[] }[] {
  const lines = text.replace(/\u00a0/g, ' ').split(/\r?\n/);
  const blocks: { name: string; fields: Field[] }[] = [];
  let cur: { name: string; fields: Field[] } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trimEnd();
    if (line.trim() === '') continue;
    const next = (lines[i + 1] ?? '').trim();
    const hasLeader = /\.\s\./.test(line) || / \.\s*:/.test(line);
    // An adapter header ends with ':' and is followed by a blank line; a label never is (its value or
    // the next label follows at once).
    if (line.endsWith(':') && !hasLeader && next === '') {
      cur = { name: line.trim().replace(/\s*:$/, ''), fields: [] };
      blocks.push(cur);
      continue;
    }
    if (!cur) continue;
    const sep = DOT_LEADER.exec(line);
    const colon = sep ? sep.index : line.indexOf(':');
    const labelPart = colon >= 0 ? line.slice(0, colon) : '';
    if (colon >= 0 && /^\s{1,8}\S/.test(line) && !/^\s*[\d.]+$/.test(labelPart)) {
      const value = line.slice(colon + (sep ? sep[0].length : 1)).trim();
      cur.fields.push({ label: labelPart.trim(), values: value ? [value] : [] });
    } else if (/^\s{9,}\S/.test(line)) {
      cur.fields[cur.fields.length - 1]?.values.push(line.trim());
    }
    // Anything else (a description wrapped at column 80 onto column 0) is ignored.
  }
  return blocks;
}

export function parseIpconfigAll(text: string): IpconfigAdapter[] {
  const out: IpconfigAdapter[] = [];
  for (const block of adapterBlocks(text)) {
    const a: IpconfigAdapter = { name: block.name, mediaDisconnected: false };
    const dates: { text: string }[] = [];
    let afterAddress = false;
    for (const f of block.fields) {
      const label = f.label;
      const first = f.values[0] ?? '';
      const ip = firstIpv4(first);
      if (/IPv4/i.test(label) && ip && a.address === undefined && !/DNS|DHCP|WINS/i.test(label)) {
        a.address = ip;
        afterAddress = true;
        continue;
      }
      if (afterAddress && ip && maskToPrefix(ip) !== null && a.prefixLength === undefined) {
        a.prefixLength = maskToPrefix(ip) ?? undefined;
        afterAddress = false;
        continue;
      }
      afterAddress = false;
      if (/DHCP/i.test(label) && !/v6/i.test(label)) {
        if (ip) a.dhcpServer = ip;
        else if (first) a.dhcpEnabled = YES.test(first.trim());
        continue;
      }
      if (/DNS/i.test(label) && !/v6/i.test(label)) {
        const dns = f.values.flatMap((v) => (isIpv4(v.trim()) ? [v.trim()] : allIpv4(v).slice(0, 1)));
        if (dns.length) a.dnsServers = dns;
        continue;
      }
      if (GATEWAY.test(label)) {
        const gw = f.values.map((v) => v.trim()).find((v) => isIpv4(v));
        if (gw) a.gateway = gw;
        continue;
      }
      if (/\b(19|20|21)\d\d\b/.test(first) && /\d{1,2}:\d{2}:\d{2}/.test(first)) {
        dates.push({ text: first });
        continue;
      }
      if (/disconnect|getrennt|déconnecté|desconectado|disconnesso/i.test(first)) a.mediaDisconnected = true;
    }
    if (dates[0]) {
      a.obtainedText = dates[0].text;
      const d = parseWindowsDate(dates[0].text);
      if (d) a.obtained = d;
    }
    if (dates[1]) {
      a.expiresText = dates[1].text;
      const d = parseWindowsDate(dates[1].text);
      if (d) a.expires = d;
    }
    if (a.obtained && a.expires) {
      const ms = Date.parse(`${a.expires}Z`) - Date.parse(`${a.obtained}Z`);
      if (Number.isFinite(ms) && ms >= 0) a.durationSec = Math.round(ms / 1000);
    }
    if (a.dhcpEnabled !== undefined) a.dhcp = a.dhcpEnabled;
    out.push(a);
  }
  return out;
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['january', 'janvier', 'januar', 'jänner', 'gennaio', 'enero', 'janeiro', 'januari', 'jan'],
  ['february', 'février', 'fevrier', 'februar', 'febbraio', 'febrero', 'fevereiro', 'februari', 'feb'],
  ['march', 'mars', 'märz', 'marz', 'marzo', 'março', 'maart', 'mar'],
  ['april', 'avril', 'aprile', 'abril', 'apr'],
  ['may', 'mai', 'maggio', 'mayo', 'maio', 'mei'],
  ['june', 'juin', 'juni', 'giugno', 'junio', 'junho', 'jun'],
  ['july', 'juillet', 'juli', 'luglio', 'julio', 'julho', 'jul'],
  ['august', 'août', 'aout', 'agosto', 'augustus', 'aug'],
  ['september', 'septembre', 'settembre', 'septiembre', 'setembro', 'sep', 'sept'],
  ['october', 'octobre', 'oktober', 'ottobre', 'octubre', 'outubro', 'oct', 'okt'],
  ['november', 'novembre', 'noviembre', 'novembro', 'nov'],
  ['december', 'décembre', 'decembre', 'dezember', 'dicembre', 'diciembre', 'dezembro', 'dec', 'dez'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A lease date as ipconfig prints it in the user's locale, to local ISO 8601 without a zone
 * ("Thursday, June 22, 2023 10:39:04 AM" -> "2023-06-22T10:39:04"; "mercredi 11 octobre 2023 09:02:30";
 * "07 December 2010 10:41:08"; "22.06.2023 10:39:04"). Null when it cannot be read with certainty.
 */
export function parseWindowsDate(text: string): string | null {
  const t = text.trim().toLowerCase();
  const time = /(\d{1,2}):(\d{2}):(\d{2})(?:\s*([ap])\.?\s*m\.?)?/.exec(t);
  if (!time) return null;
  let hour = Number(time[1]);
  if (time[4] === 'p' && hour < 12) hour += 12;
  if (time[4] === 'a' && hour === 12) hour = 0;
  const datePart = t.slice(0, time.index);
  const year = /\b(\d{4})\b/.exec(datePart)?.[1];
  if (!year) return null;
  let month: number | undefined;
  let day: number | undefined;
  for (const word of datePart.split(/[^\p{L}]+/u)) {
    const m = MONTHS[word];
    if (m !== undefined && word.length > 0) {
      month = m;
      break;
    }
  }
  const numbers = [...datePart.matchAll(/\b(\d{1,2})\b/g)].map((m) => Number(m[1]));
  if (month !== undefined) {
    day = numbers[0];
  } else {
    // Numeric dates: 22.06.2023 / 22/06/2023 (day first) or 6/22/2023 (month first, en-US).
    const m = /\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b/.exec(datePart);
    if (!m) return null;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12) [day, month] = [a, b];
    else if (b > 12) [month, day] = [a, b];
    else if (datePart.includes('/')) [month, day] = [a, b];
    else [day, month] = [a, b];
  }
  if (day === undefined || day < 1 || day > 31 || month < 1 || month > 12) return null;
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${time[2]}:${time[3]}`;
}

/**
 * `route print [-4]`: the IPv4 "Active Routes" table. `dev` is the interface's own address, which is
 * how Windows names the interface there; "On-link" gateways become null.
 */
export function parseRoutePrint(text: string): Route[] {
  const out: Route[] = [];
  let inTable = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (
      /^Network Destination|^Netzwerkziel|^Destination réseau|^Destinazione di rete|^Destino de red/i.test(
        line,
      )
    ) {
      inTable = true;
      continue;
    }
    if (!inTable) continue;
    if (line.startsWith('=') || line === '') {
      inTable = false;
      continue;
    }
    const w = line.split(/\s+/);
    if (w.length < 5 || !isIpv4(w[0] ?? '') || !isIpv4(w[1] ?? '') || !isIpv4(w[3] ?? '')) continue;
    const [dst = '', mask = '', gw = '', dev = '', metric = ''] = w;
    const prefix = maskToPrefix(mask);
    out.push({
      dst: dst === '0.0.0.0' && prefix === 0 ? 'default' : `${dst}/${prefix ?? 32}`,
      gateway: isIpv4(gw) ? gw : null,
      dev,
      metric: /^\d+$/.test(metric) ? Number(metric) : null,
      protocol: null,
      src: dev,
    });
  }
  return out;
}
