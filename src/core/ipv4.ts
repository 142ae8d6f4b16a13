/** Small IPv4 arithmetic on unsigned 32-bit numbers: enough for pools, subnets and ranges. */

/** An inclusive range of addresses, as numbers (a DHCP pool, a sweep). */
export interface Ipv4Range {
  first: number;
  last: number;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

export function ipv4ToInt(text: string): number {
  if (!isIpv4(text)) throw new Error(`not an IPv4 address: ${JSON.stringify(text)}`);
  return text.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function intToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** 255.255.252.0 -> 22; null when not a contiguous mask. */
export function maskToPrefix(mask: string): number | null {
  if (!isIpv4(mask)) return null;
  const n = ipv4ToInt(mask);
  let bits = 0;
  while (bits < 32 && (n & (0x80000000 >>> bits)) !== 0) bits += 1;
  const rebuilt = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return rebuilt === n ? bits : null;
}

export function prefixToMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export interface Subnet {
  network: number;
  broadcast: number;
  prefixLength: number;
}

export function subnetOf(address: string, prefixLength: number): Subnet {
  const mask = prefixToMask(prefixLength);
  const network = (ipv4ToInt(address) & mask) >>> 0;
  const broadcast = (network | (~mask >>> 0)) >>> 0;
  return { network, broadcast, prefixLength };
}

export function inSubnet(address: string, subnet: Subnet): boolean {
  if (!isIpv4(address)) return false;
  const n = ipv4ToInt(address);
  return n >= subnet.network && n <= subnet.broadcast;
}

/** The first IPv4 address found in a string ("10.0.0.5(Preferred)" -> "10.0.0.5"). */
export function firstIpv4(text: string): string | null {
  const m = /(?:^|[^\d.])((?:\d{1,3}\.){3}\d{1,3})(?![\d.])/.exec(` ${text}`);
  return m?.[1] !== undefined && isIpv4(m[1]) ? m[1] : null;
}

/** Every IPv4 address in a string, in order. */
export function allIpv4(text: string): string[] {
  const out: string[] = [];
  for (const m of ` ${text} `.matchAll(/(?<![\d.])((?:\d{1,3}\.){3}\d{1,3})(?![\d.])/g)) {
    if (m[1] !== undefined && isIpv4(m[1])) out.push(m[1]);
  }
  return out;
}

/** Normalises "f0:18:98:5:d8:39" or "F0-18-98-05-D8-39" to "f0:18:98:05:d8:39"; null if not a MAC. */
const CANONICAL_MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;

export function normaliseMac(text: string): string | null {
  // Fast path: iproute2 already prints this form (a 65,536-entry table must parse in well under 100 ms).
  if (text.length === 17 && CANONICAL_MAC.test(text)) return text;
  const parts = text.trim().split(/[:-]/);
  if (parts.length !== 6 || !parts.every((p) => /^[0-9a-fA-F]{1,2}$/.test(p))) return null;
  return parts.map((p) => p.toLowerCase().padStart(2, '0')).join(':');
}

/** Why a DHCP pool text is not one: not a range, not IPv4, backwards, or larger than a /16. */
export type RangeProblem = 'form' | 'ipv4' | 'order' | 'large';

/** The largest pool zapcheck sizes: a /16. */
export const MAX_RANGE_ADDRESSES = 65536;

/**
 * A DHCP pool as an IT person writes it: first-last ("192.168.1.100-192.168.1.199", or "-199" for the same
 * /24), or a CIDR block ("192.168.1.0/24": its host addresses, network and broadcast left out; host bits
 * may be set, "192.168.1.1/24" is the same block). Pure: the callers say what is wrong in words.
 */
export function parseIpv4Range(
  text: string,
): { ok: true; range: Ipv4Range } | { ok: false; problem: RangeProblem } {
  const cidr = /^\s*([\d.]+)\s*\/\s*(\d{1,2})\s*$/.exec(text);
  if (cidr?.[1] && cidr[2]) {
    const prefix = Number(cidr[2]);
    if (!isIpv4(cidr[1]) || prefix > 32) return { ok: false, problem: 'ipv4' };
    if (prefix < 16) return { ok: false, problem: 'large' };
    const s = subnetOf(cidr[1], prefix);
    // A /31 (RFC 3021) and a /32 have no network or broadcast address to leave out.
    const range =
      prefix >= 31
        ? { first: s.network, last: s.broadcast }
        : { first: s.network + 1, last: s.broadcast - 1 };
    return { ok: true, range };
  }
  const m = /^\s*([\d.]+)\s*-\s*([\d.]+)\s*$/.exec(text);
  if (!m?.[1] || !m[2]) return { ok: false, problem: 'form' };
  const a = m[1];
  let b = m[2];
  if (/^\d{1,3}$/.test(b) && isIpv4(a)) b = `${a.split('.').slice(0, 3).join('.')}.${b}`;
  if (!isIpv4(a) || !isIpv4(b)) return { ok: false, problem: 'ipv4' };
  const first = ipv4ToInt(a);
  const last = ipv4ToInt(b);
  if (last < first) return { ok: false, problem: 'order' };
  if (last - first + 1 > MAX_RANGE_ADDRESSES) return { ok: false, problem: 'large' };
  return { ok: true, range: { first, last } };
}
