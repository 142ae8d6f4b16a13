/**
 * Pure parsers of macOS network state: `ipconfig getpacket <if>` (the DHCP ACK the interface holds),
 * `netstat -rn [-f inet]` and `route -n get default`.
 */
import type { LeaseFacts, Route } from './types.js';
import { allIpv4, isIpv4, maskToPrefix } from '../../core/ipv4.js';

/** A uint32 as ipconfig prints it: "0x76a700" (hex) or a decimal. */
function uint(v: string): number | null {
  const t = v.trim();
  if (/^0x[0-9a-f]+$/i.test(t)) return parseInt(t.slice(2), 16);
  if (/^\d+$/.test(t)) return Number(t);
  return null;
}

/**
 * `ipconfig getpacket en0`: "yiaddr = 10.1.1.16" header fields and "name (type): value" options.
 * Empty output (exit 1) means the interface has no DHCP packet: a static or no address.
 */
export function parseIpconfigGetpacket(text: string): LeaseFacts | null {
  const f: LeaseFacts = {};
  let sawPacket = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    let m = /^(yiaddr|ciaddr|op)\s*=\s*(.*)$/.exec(line);
    if (m) {
      sawPacket = true;
      if (m[1] === 'yiaddr' && m[2] && isIpv4(m[2]) && m[2] !== '0.0.0.0') f.address = m[2];
      if (m[1] === 'ciaddr' && m[2] && isIpv4(m[2]) && m[2] !== '0.0.0.0') f.address ??= m[2];
      continue;
    }
    m = /^([a-z_0-9]+)\s*\(([a-z_0-9]+)\):\s*(.*)$/i.exec(line);
    if (!m?.[1]) continue;
    const [, name, , value = ''] = m;
    sawPacket = true;
    switch (name) {
      case 'server_identifier':
        if (isIpv4(value.trim())) f.dhcpServer = value.trim();
        break;
      case 'subnet_mask': {
        const p = maskToPrefix(value.trim());
        if (p !== null) f.prefixLength = p;
        break;
      }
      case 'lease_time': {
        const n = uint(value);
        if (n !== null) f.durationSec = n;
        break;
      }
      case 'router': {
        const r = allIpv4(value)[0];
        if (r) f.gateway = r;
        break;
      }
      case 'domain_name_server': {
        const dns = allIpv4(value);
        if (dns.length) f.dnsServers = dns;
        break;
      }
    }
  }
  if (!sawPacket) return null;
  f.dhcp = true;
  return f;
}

/** `netstat -rn` (with or without the Mtu column): the Internet (IPv4) section only. */
export function parseNetstatRn(text: string): Route[] {
  const out: Route[] = [];
  let section = '';
  let cols: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^Internet6?:$/.test(line)) {
      section = line;
      cols = [];
      continue;
    }
    if (section !== 'Internet:' || line === '') continue;
    const words = line.split(/\s+/);
    if (words[0] === 'Destination') {
      cols = words;
      continue;
    }
    if (cols.length === 0) continue;
    const dst = words[0] ?? '';
    const gw = words[1] ?? '';
    const netifAt = cols.indexOf('Netif');
    // Expire is the only column that may be empty, and it is the last: Netif is found from the left.
    const dev = netifAt >= 0 ? (words[netifAt] ?? null) : null;
    out.push({
      dst: dst === 'default' ? 'default' : dst,
      gateway: isIpv4(gw) ? gw : null,
      dev,
      metric: null,
      protocol: null,
      src: null,
    });
  }
  return out;
}

/** `route -n get default`: "gateway: 10.160.24.1", "interface: en0". */
export function parseRouteGetDefault(text: string): Route | null {
  const gw = /^\s*gateway:\s*(\S+)/m.exec(text)?.[1];
  const dev = /^\s*interface:\s*(\S+)/m.exec(text)?.[1];
  if (!dev) return null;
  return {
    dst: 'default',
    gateway: gw && isIpv4(gw) ? gw : null,
    dev,
    metric: null,
    protocol: null,
    src: null,
  };
}
