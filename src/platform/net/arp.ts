/**
 * Pure parsers of ARP tables: the BSD form printed by macOS `arp -an` and Linux net-tools `arp -a[n]`
 * ("? (192.168.1.1) at 58:6d:8f:7:c9:94 on en0 ifscope [ethernet]"), Windows `arp -a` in any
 * language ("Interface: 10.0.0.185 --- 0x5" sections; types dynamic/dynamique/dynamisch ...), and
 * Windows `netsh interface ipv4 show neighbors` (what gather.ts reads when `arp -a` cannot be read).
 */
import type { Neighbour } from './types.js';
import { isIpv4, normaliseMac } from '../../core/ipv4.js';

const BSD_LINE = /^(\S+)\s+\(([\d.]+)\)\s+at\s+(\S+)(?:\s+\[(\w+)\])?(?:\s+on\s+(\S+))?(.*)$/;

export function parseBsdArp(text: string): Neighbour[] {
  const out: Neighbour[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const m = BSD_LINE.exec(raw.trim());
    if (!m?.[2] || !isIpv4(m[2])) continue;
    const hw = m[3] ?? '';
    const rest = m[6] ?? '';
    const mac = normaliseMac(hw);
    const state = mac === null ? 'incomplete' : /\bpermanent\b/.test(rest) ? 'permanent' : 'dynamic';
    out.push({ ip: m[2], mac, interface: m[5] ?? null, state });
  }
  return out;
}

export function parseWindowsArp(text: string): Neighbour[] {
  const out: Neighbour[] = [];
  let iface: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    // Localized headers put a no-break space before the colon ("Interface\u00a0: 10.33.77.167 --- 0x14").
    const line = raw.replace(/\u00a0/g, ' ').trim();
    const head = /^\S[^:]*:\s*([\d.]+)\s+---\s+0x[0-9a-f]+$/i.exec(line);
    if (head?.[1]) {
      iface = head[1];
      continue;
    }
    const words = line.split(/\s+/);
    const ip = words[0];
    const mac = words[1] ? normaliseMac(words[1]) : null;
    if (!ip || !isIpv4(ip) || mac === null) continue;
    const type = (words[2] ?? '').toLowerCase();
    // static/statique/statisch/estático/statico; everything else the OS learnt (dynamic).
    const state = /^stat|^est/.test(type) ? 'static' : 'dynamic';
    out.push({ ip, mac, interface: iface, state });
  }
  return out;
}

/**
 * `netsh interface ipv4 show neighbors`: "Interface 5: Ethernet 4" sections (the connection's name, the
 * end of ipconfig's "Ethernet adapter Ethernet 4" header), a dashed rule, then "address  mac  type" rows;
 * the MAC is empty for entries never resolved. Read by shape, not by the (translated) words: a header is
 * "<word> <index>: <name>", a row starts with an IPv4 address. Types Unreachable and Incomplete, and rows
 * without a MAC, are `incomplete` (an address nobody answers for); the others keep their word, lower-cased.
 */
export function parseNetshNeighbors(text: string): Neighbour[] {
  const out: Neighbour[] = [];
  let iface: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\u00a0/g, ' ').trim();
    const head = /^\S+\s+\d+\s*:\s*(.+)$/.exec(line);
    if (head?.[1] && !isIpv4(line.split(/\s+/)[0] ?? '')) {
      iface = head[1].trim();
      continue;
    }
    const words = line.split(/\s+/);
    const ip = words[0];
    if (!ip || !isIpv4(ip)) continue;
    const mac = words[1] ? normaliseMac(words[1]) : null;
    const type = (mac === null ? words.slice(1) : words.slice(2)).join(' ').toLowerCase();
    const state = mac === null || /^(unreachable|incomplete)$/.test(type) ? 'incomplete' : type || 'dynamic';
    out.push({ ip, mac, interface: iface, state });
  }
  return out;
}
