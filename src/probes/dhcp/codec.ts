/**
 * A DHCP packet codec after RFC 2131 (message format, section 2) and RFC 2132 (options), with option
 * overload (option 52) and RFC 3396 concatenation of repeated options. zapcheck only ever encodes a
 * DHCPDISCOVER; it decodes whatever comes back to port 68, so the decoder takes any bytes and never
 * throws: garbage gives `{ ok: false, reason }`.
 */

export const BOOTREQUEST = 1;
export const BOOTREPLY = 2;
export const MAGIC_COOKIE = 0x63825363;
/** Fixed BOOTP header (236 bytes) + magic cookie. */
const FIXED = 236;
const OPTIONS_AT = FIXED + 4;
/** BOOTP relays and some servers drop anything shorter than a BOOTP packet (RFC 1542 section 2.1). */
const MIN_PACKET = 300;

export const MessageType = {
  DISCOVER: 1,
  OFFER: 2,
  REQUEST: 3,
  DECLINE: 4,
  ACK: 5,
  NAK: 6,
  RELEASE: 7,
  INFORM: 8,
} as const;

export const Option = {
  PAD: 0,
  SUBNET_MASK: 1,
  ROUTER: 3,
  DNS: 6,
  HOST_NAME: 12,
  DOMAIN_NAME: 15,
  BROADCAST: 28,
  LEASE_TIME: 51,
  OVERLOAD: 52,
  MESSAGE_TYPE: 53,
  SERVER_ID: 54,
  PARAMETER_LIST: 55,
  MAX_SIZE: 57,
  RENEWAL_T1: 58,
  REBINDING_T2: 59,
  CLIENT_ID: 61,
  END: 255,
} as const;

export interface DhcpPacket {
  op: number;
  htype: number;
  hlen: number;
  hops: number;
  xid: number;
  secs: number;
  flags: number;
  ciaddr: string;
  yiaddr: string;
  siaddr: string;
  giaddr: string;
  /** Client hardware address, `hlen` bytes (at most 16) as lower-case colon hex. */
  chaddr: string;
  /** Options by code; repeated options are concatenated (RFC 3396). */
  options: Map<number, Uint8Array>;
}

export type DecodeResult = { ok: true; packet: DhcpPacket } | { ok: false; reason: string };

function ip(bytes: Uint8Array, at: number): string {
  return `${bytes[at]}.${bytes[at + 1]}.${bytes[at + 2]}.${bytes[at + 3]}`;
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(':');
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

/** Reads one options area into `into`; returns an error text, or null. */
function readOptions(area: Uint8Array, into: Map<number, Uint8Array>): string | null {
  let i = 0;
  while (i < area.length) {
    const code = area[i]!;
    if (code === Option.END) return null;
    if (code === Option.PAD) {
      i += 1;
      continue;
    }
    if (i + 1 >= area.length) return `option ${code} has no length byte`;
    const len = area[i + 1]!;
    if (i + 2 + len > area.length) return `option ${code} runs past the end of the packet`;
    const value = area.subarray(i + 2, i + 2 + len);
    const before = into.get(code);
    if (before) {
      const joined = new Uint8Array(before.length + value.length);
      joined.set(before);
      joined.set(value, before.length);
      into.set(code, joined);
    } else {
      into.set(code, value.slice());
    }
    i += 2 + len;
  }
  // RFC 2131 requires END, but servers in the field omit it; what was read is kept.
  return null;
}

export function decodeDhcp(input: Uint8Array): DecodeResult {
  if (!(input instanceof Uint8Array)) return { ok: false, reason: 'not bytes' };
  if (input.length < OPTIONS_AT) return { ok: false, reason: `too short for DHCP (${input.length} bytes)` };
  const b = input;
  const op = b[0]!;
  if (op !== BOOTREQUEST && op !== BOOTREPLY) return { ok: false, reason: `unknown op ${op}` };
  if (u32(b, FIXED) !== MAGIC_COOKIE)
    return { ok: false, reason: 'no DHCP magic cookie (plain BOOTP or not DHCP)' };
  const hlen = Math.min(b[2]!, 16);
  const options = new Map<number, Uint8Array>();
  const err = readOptions(b.subarray(OPTIONS_AT), options);
  if (err) return { ok: false, reason: err };
  const overload = options.get(Option.OVERLOAD)?.[0] ?? 0;
  // RFC 2131 section 4.1: the options field first, then `file`, then `sname`.
  if (overload === 1 || overload === 3) {
    const e = readOptions(b.subarray(108, 236), options);
    if (e) return { ok: false, reason: `file field: ${e}` };
  }
  if (overload === 2 || overload === 3) {
    const e = readOptions(b.subarray(44, 108), options);
    if (e) return { ok: false, reason: `sname field: ${e}` };
  }
  return {
    ok: true,
    packet: {
      op,
      htype: b[1]!,
      hlen,
      hops: b[3]!,
      xid: u32(b, 4),
      secs: (b[8]! << 8) | b[9]!,
      flags: (b[10]! << 8) | b[11]!,
      ciaddr: ip(b, 12),
      yiaddr: ip(b, 16),
      siaddr: ip(b, 20),
      giaddr: ip(b, 24),
      chaddr: hex(b.subarray(28, 28 + hlen)),
      options,
    },
  };
}

/** The fields of a server's answer that a person compares; missing or malformed options are null/[]. */
export interface OfferFields {
  messageType: number | null;
  serverId: string | null;
  address: string;
  subnetMask: string | null;
  routers: string[];
  dnsServers: string[];
  leaseSec: number | null;
  domainName: string | null;
}

function ipList(v: Uint8Array | undefined): string[] {
  if (!v || v.length % 4 !== 0) return [];
  const out: string[] = [];
  for (let i = 0; i < v.length; i += 4) out.push(ip(v, i));
  return out;
}

export function offerFields(p: DhcpPacket): OfferFields {
  const type = p.options.get(Option.MESSAGE_TYPE);
  const lease = p.options.get(Option.LEASE_TIME);
  const domain = p.options.get(Option.DOMAIN_NAME);
  return {
    messageType: type?.length === 1 ? type[0]! : null,
    serverId: ipList(p.options.get(Option.SERVER_ID))[0] ?? null,
    address: p.yiaddr,
    subnetMask: ipList(p.options.get(Option.SUBNET_MASK))[0] ?? null,
    routers: ipList(p.options.get(Option.ROUTER)),
    dnsServers: ipList(p.options.get(Option.DNS)),
    leaseSec: lease?.length === 4 ? u32(lease, 0) : null,
    // Printable ASCII only: this text ends up in a terminal and a JSON report.
    domainName: domain
      ? Buffer.from(domain)
          .toString('latin1')
          .replace(/[^\x20-\x7e]/g, '?')
      : null,
  };
}

export interface DiscoverSpec {
  xid: number;
  /** 6 bytes. */
  mac: Uint8Array;
  /** Seconds since the client began (RFC 2131 `secs`). */
  secs?: number;
  hostName?: string;
}

/**
 * A DHCPDISCOVER (RFC 2131 section 4.4.1) with the BROADCAST flag set, so the server answers to
 * 255.255.255.255 (the probe has no address of its own to be answered at), padded to 300 bytes.
 */
export function encodeDiscover(spec: DiscoverSpec): Buffer {
  if (spec.mac.length !== 6) throw new Error('the client MAC must be 6 bytes');
  // prettier-ignore
  const opts: number[] = [
    Option.MESSAGE_TYPE, 1, MessageType.DISCOVER,
    Option.CLIENT_ID, 7, 1, ...spec.mac,
    Option.PARAMETER_LIST, 8,
    Option.SUBNET_MASK, Option.ROUTER, Option.DNS, Option.DOMAIN_NAME,
    Option.LEASE_TIME, Option.SERVER_ID, Option.RENEWAL_T1, Option.REBINDING_T2,
    Option.MAX_SIZE, 2, 0x05, 0xdc,
  ];
  if (spec.hostName) {
    const name = Buffer.from(spec.hostName, 'ascii').subarray(0, 63);
    opts.push(Option.HOST_NAME, name.length, ...name);
  }
  opts.push(Option.END);
  const buf = Buffer.alloc(Math.max(MIN_PACKET, OPTIONS_AT + opts.length));
  buf[0] = BOOTREQUEST;
  buf[1] = 1; // Ethernet
  buf[2] = 6;
  buf[3] = 0;
  buf.writeUInt32BE(spec.xid >>> 0, 4);
  buf.writeUInt16BE(Math.min(0xffff, Math.max(0, Math.floor(spec.secs ?? 0))), 8);
  buf.writeUInt16BE(0x8000, 10); // BROADCAST
  Buffer.from(spec.mac).copy(buf, 28);
  buf.writeUInt32BE(MAGIC_COOKIE, FIXED);
  Buffer.from(opts).copy(buf, OPTIONS_AT);
  return buf;
}

/** A random locally administered unicast MAC (RFC 7042 section 2.1: U/L bit set, I/G bit clear). */
export function randomLocalMac(random: (n: number) => Uint8Array): Uint8Array {
  const mac = random(6).slice(0, 6);
  mac[0] = (mac[0]! & 0xfc) | 0x02;
  return mac;
}

export function macText(mac: Uint8Array): string {
  return hex(mac);
}
