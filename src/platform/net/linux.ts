/**
 * Pure parsers of Linux network state: iproute2 (`ip -j addr|route|neigh`, and the text forms for old
 * iproute2 without -j), NetworkManager (`nmcli -t -f IP4,DHCP4 device show <if>`), systemd-networkd
 * lease files, ISC dhclient lease files, `dhcpcd -U <if>` dumps and /etc/resolv.conf.
 * None of them throws: unreadable input gives empty results.
 */
import type { LeaseFacts, Neighbour, Route } from './types.js';
import { allIpv4, isIpv4, maskToPrefix, normaliseMac } from '../../core/ipv4.js';

export interface InterfaceAddress {
  interface: string;
  ifindex: number | null;
  address: string;
  prefixLength: number;
  /** The kernel's `dynamic` flag: the address has a lifetime (set by a DHCP client). */
  dynamic: boolean;
  /** Seconds left; null = forever. */
  validLifetimeSec: number | null;
  up: boolean;
}

const FOREVER = 4294967295;

function parseJsonArray(text: string): unknown[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** `ip -j addr show` (or `ip -d -j addr`): the IPv4 addresses of every interface. */
export function parseIpAddrJson(text: string): InterfaceAddress[] {
  const out: InterfaceAddress[] = [];
  for (const link of parseJsonArray(text).map(rec)) {
    const name = str(link.ifname);
    if (!name) continue;
    const flags = Array.isArray(link.flags) ? link.flags : [];
    const up = flags.includes('UP') || link.operstate === 'UP';
    const infos = Array.isArray(link.addr_info) ? link.addr_info.map(rec) : [];
    for (const a of infos) {
      const local = str(a.local);
      const prefix = num(a.prefixlen);
      if (a.family !== 'inet' || !local || !isIpv4(local) || prefix === null) continue;
      const valid = num(a.valid_life_time);
      out.push({
        interface: name,
        ifindex: num(link.ifindex),
        address: local,
        prefixLength: prefix,
        dynamic: a.dynamic === true,
        validLifetimeSec: valid === null || valid >= FOREVER ? null : valid,
        up,
      });
    }
  }
  return out;
}

/** `ip -j route show` (main table; entries of other tables are ignored). */
export function parseIpRouteJson(text: string): Route[] {
  const out: Route[] = [];
  for (const r of parseJsonArray(text).map(rec)) {
    const dst = str(r.dst);
    if (!dst) continue;
    const table = str(r.table);
    if (table !== null && table !== 'main') continue;
    if (r.type !== undefined && r.type !== 'unicast') continue;
    out.push({
      dst,
      gateway: str(r.gateway),
      dev: str(r.dev),
      metric: num(r.metric),
      protocol: str(r.protocol),
      src: str(r.prefsrc),
    });
  }
  return out;
}

/** `ip route show` text: "default via 10.16.112.1 dev ens192 proto dhcp src 10.16.125.217 metric 100". */
export function parseIpRouteText(text: string): Route[] {
  const out: Route[] = [];
  for (const line of text.split(/\r?\n/)) {
    const words = line.trim().split(/\s+/);
    const dst = words[0];
    if (
      !dst ||
      dst.includes(':') ||
      ['broadcast', 'local', 'unreachable', 'blackhole', 'prohibit'].includes(dst)
    ) {
      continue;
    }
    const after = (key: string): string | null => {
      const i = words.indexOf(key);
      return i >= 0 ? (words[i + 1] ?? null) : null;
    };
    const metric = after('metric');
    out.push({
      dst,
      gateway: after('via'),
      dev: after('dev'),
      metric: metric !== null && /^\d+$/.test(metric) ? Number(metric) : null,
      protocol: after('proto'),
      src: after('src'),
    });
  }
  return out;
}

/**
 * The IPv4 default route the kernel uses: among `default` routes, the lowest metric (no metric = 0)
 * with a gateway; the first in the table on a tie, as the kernel does.
 */
export function pickDefaultRoute(routes: readonly Route[], onlyInterface?: string): Route | null {
  const defaults = routes.filter(
    (r) =>
      (r.dst === 'default' || r.dst === '0.0.0.0/0') &&
      (onlyInterface === undefined || r.dev === onlyInterface) &&
      (r.gateway === null || isIpv4(r.gateway)),
  );
  const withGateway = defaults.filter((r) => r.gateway !== null);
  const pool = withGateway.length > 0 ? withGateway : defaults;
  let best: Route | null = null;
  for (const r of pool) if (best === null || (r.metric ?? 0) < (best.metric ?? 0)) best = r;
  return best;
}

/** `ip -j neigh show`: IPv4 entries only. */
export function parseIpNeighJson(text: string): Neighbour[] {
  const out: Neighbour[] = [];
  for (const n of parseJsonArray(text).map(rec)) {
    const ip = str(n.dst);
    if (!ip || !isIpv4(ip)) continue;
    const lladdr = str(n.lladdr);
    const states = Array.isArray(n.state) ? n.state.filter((s): s is string => typeof s === 'string') : [];
    out.push({
      ip,
      mac: lladdr ? normaliseMac(lladdr) : null,
      interface: str(n.dev),
      state: states.join(',') || 'NONE',
    });
  }
  return out;
}

/** `ip neigh show` text: "192.168.16.2 dev ens33 lladdr 00:50:56:f1:4c:50 REACHABLE". */
export function parseIpNeighText(text: string): Neighbour[] {
  const out: Neighbour[] = [];
  for (const line of text.split(/\r?\n/)) {
    const words = line.trim().split(/\s+/);
    const ip = words[0];
    if (!ip || !isIpv4(ip)) continue;
    const at = (key: string): string | null => {
      const i = words.indexOf(key);
      return i >= 0 ? (words[i + 1] ?? null) : null;
    };
    const lladdr = at('lladdr');
    const last = words[words.length - 1] ?? '';
    out.push({
      ip,
      mac: lladdr ? normaliseMac(lladdr) : null,
      interface: at('dev'),
      state: /^[A-Z_]+$/.test(last) ? last : 'NONE',
    });
  }
  return out;
}

/**
 * `nmcli -t -f GENERAL,IP4,DHCP4 device show [<if>]` (terse) or the padded human form: one block per
 * device. Returns one LeaseFacts per device; DHCP4.OPTION lines carry the lease.
 */
export function parseNmcliDeviceShow(text: string): LeaseFacts[] {
  const out: LeaseFacts[] = [];
  let cur: LeaseFacts | null = null;
  let hasDhcp4 = false;
  const flush = (): void => {
    if (cur) {
      // No DHCP4 section says nothing by itself (the field may not have been asked for): gather.ts decides.
      if (hasDhcp4) cur.dhcp = true;
      out.push(cur);
    }
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim();
    const value = line
      .slice(colon + 1)
      .trim()
      .replace(/\\:/g, ':');
    if (key === 'GENERAL.DEVICE' || (cur === null && key.startsWith('IP4.'))) {
      flush();
      cur = {};
      hasDhcp4 = false;
      if (key === 'GENERAL.DEVICE') {
        cur.interface = value;
        continue;
      }
    }
    if (!cur) continue;
    if (value === '--' || value === '') continue;
    if (/^IP4\.ADDRESS(\[\d+\])?$/.test(key) && cur.address === undefined) {
      const m = /^([\d.]+)\/(\d+)$/.exec(value);
      if (m?.[1] && isIpv4(m[1])) {
        cur.address = m[1];
        cur.prefixLength = Number(m[2]);
      }
    } else if (key === 'IP4.GATEWAY' && isIpv4(value)) {
      cur.gateway = value;
    } else if (/^IP4\.DNS(\[\d+\])?$/.test(key) && isIpv4(value)) {
      (cur.dnsServers ??= []).push(value);
    } else if (/^DHCP4\.OPTION(\[\d+\])?$/.test(key)) {
      hasDhcp4 = true;
      const eq = value.indexOf('=');
      if (eq < 0) continue;
      const name = value.slice(0, eq).trim();
      const v = value.slice(eq + 1).trim();
      applyDhcpOption(cur, name, v);
    }
  }
  flush();
  return out;
}

/** Option names as NetworkManager and dhcpcd print them (dhclient-script variable names). */
function applyDhcpOption(f: LeaseFacts, name: string, v: string): void {
  switch (name) {
    case 'dhcp_lease_time':
      if (/^\d+$/.test(v)) f.durationSec = Number(v);
      break;
    case 'dhcp_server_identifier':
      if (isIpv4(v)) f.dhcpServer = v;
      break;
    case 'expiry':
      if (/^\d+$/.test(v)) f.expires = new Date(Number(v) * 1000).toISOString().replace('.000Z', 'Z');
      break;
    case 'ip_address':
      if (isIpv4(v)) f.address ??= v;
      break;
    case 'subnet_mask': {
      const p = maskToPrefix(v);
      if (p !== null) f.prefixLength ??= p;
      break;
    }
    case 'subnet_cidr':
      if (/^\d+$/.test(v)) f.prefixLength ??= Number(v);
      break;
    case 'routers': {
      const r = allIpv4(v)[0];
      if (r) f.gateway ??= r;
      break;
    }
    case 'domain_name_servers':
      if (!f.dnsServers?.length) f.dnsServers = allIpv4(v);
      break;
  }
}

/** `dhcpcd -U <if>`: key='value' lines (other lines, e.g. a dhcp6_dump error, are ignored). */
export function parseDhcpcdDump(text: string): LeaseFacts {
  const f: LeaseFacts = {};
  let any = false;
  for (const line of text.split(/\r?\n/)) {
    const m = /^([a-z0-9_]+)=(?:'(.*)'|(.*))$/.exec(line.trim());
    if (!m?.[1]) continue;
    any = true;
    applyDhcpOption(f, m[1], (m[2] ?? m[3] ?? '').trim());
  }
  if (any && f.dhcpServer !== undefined) f.dhcp = true;
  return f;
}

/** systemd-networkd lease file (/run/systemd/netif/leases/<ifindex>): KEY=VALUE. */
export function parseNetworkdLease(text: string): LeaseFacts {
  const f: LeaseFacts = {};
  const kv = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m?.[1] !== undefined && m[2] !== undefined) kv.set(m[1], m[2].trim());
  }
  const addr = kv.get('ADDRESS');
  if (addr && isIpv4(addr)) f.address = addr;
  const mask = kv.get('NETMASK');
  const prefix = mask ? maskToPrefix(mask) : null;
  if (prefix !== null) f.prefixLength = prefix;
  const router = allIpv4(kv.get('ROUTER') ?? '')[0];
  if (router) f.gateway = router;
  const server = kv.get('SERVER_ADDRESS');
  if (server && isIpv4(server)) f.dhcpServer = server;
  const life = kv.get('LIFETIME');
  if (life && /^\d+$/.test(life)) f.durationSec = Number(life);
  const dns = allIpv4(kv.get('DNS') ?? '');
  if (dns.length) f.dnsServers = dns;
  if (f.address || f.dhcpServer) f.dhcp = true;
  return f;
}

/** "0 2156/10/17 20:41:21" (weekday, UTC date and time) -> ISO; "never" -> null. */
function dhclientDate(v: string): string | null {
  const m = /^\d\s+(\d{4})\/(\d{2})\/(\d{2})\s+(\d{2}):(\d{2}):(\d{2})$/.exec(v.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : null;
}

/**
 * ISC dhclient lease file: `lease { ... }` blocks, the last one for an interface is the current lease.
 * Returns the last lease, or the last one of `iface` when given.
 */
export function parseDhclientLeases(text: string, iface?: string): LeaseFacts | null {
  const blocks = [...text.matchAll(/lease\s*\{([^}]*)\}/g)].map((m) => m[1] ?? '');
  let chosen: LeaseFacts | null = null;
  for (const block of blocks) {
    const f: LeaseFacts = { dhcp: true };
    for (const stmt of block.split(';')) {
      const s = stmt.trim();
      let m: RegExpExecArray | null;
      if ((m = /^interface\s+"([^"]*)"$/.exec(s))) f.interface = m[1];
      else if ((m = /^fixed-address\s+([\d.]+)$/.exec(s)) && m[1] && isIpv4(m[1])) f.address = m[1];
      else if ((m = /^option\s+subnet-mask\s+([\d.]+)$/.exec(s)) && m[1]) {
        const p = maskToPrefix(m[1]);
        if (p !== null) f.prefixLength = p;
      } else if ((m = /^option\s+routers\s+(.+)$/.exec(s)) && m[1]) {
        const r = allIpv4(m[1])[0];
        if (r) f.gateway = r;
      } else if ((m = /^option\s+dhcp-lease-time\s+(\d+)$/.exec(s))) f.durationSec = Number(m[1]);
      else if ((m = /^option\s+dhcp-server-identifier\s+([\d.]+)$/.exec(s)) && m[1] && isIpv4(m[1])) {
        f.dhcpServer = m[1];
      } else if ((m = /^option\s+domain-name-servers\s+(.+)$/.exec(s)) && m[1]) f.dnsServers = allIpv4(m[1]);
      else if ((m = /^expire\s+(.+)$/.exec(s)) && m[1]) {
        const d = dhclientDate(m[1]);
        if (d) f.expires = d;
      }
    }
    if (iface === undefined || f.interface === undefined || f.interface === iface) chosen = f;
  }
  return chosen;
}

/** /etc/resolv.conf: the IPv4 nameservers, in order. */
export function parseResolvConf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*nameserver\s+(\S+)/.exec(line);
    if (m?.[1] && isIpv4(m[1])) out.push(m[1]);
  }
  return out;
}

/** Linux: the IPv4 default route from /proc/net/route (no command run). */
export function parseProcNetRoute(text: string): { interface: string; gateway: string | null } | null {
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8 || f[1] !== '00000000' || f[7] !== '00000000') continue;
    const gw = f[2] ?? '00000000';
    const bytes = [6, 4, 2, 0].map((i) => parseInt(gw.slice(i, i + 2), 16));
    return { interface: f[0] ?? '?', gateway: gw === '00000000' ? null : bytes.join('.') };
  }
  return null;
}

/**
 * `ip -4 addr show [dev <if>]` text, for iproute2 too old for `-j` (before 4.14: CentOS 7, Debian 9):
 * "2: ens32: <BROADCAST,MULTICAST,UP,LOWER_UP> ... state UP" headers, then "inet 192.168.131.128/24 brd ...
 * scope global dynamic ens32" and "valid_lft 1307sec preferred_lft 1307sec". The same shape as
 * parseIpAddrJson: the `dynamic` flag is how the kernel says a DHCP client set the address.
 */
export function parseIpAddrText(text: string): InterfaceAddress[] {
  const out: InterfaceAddress[] = [];
  let link: { name: string; ifindex: number; up: boolean } | null = null;
  let last: InterfaceAddress | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const head = /^(\d+):\s+([^:\s@]+)(?:@\S+)?:\s+<([^>]*)>(.*)$/.exec(raw);
    if (head) {
      const flags = (head[3] ?? '').split(',');
      link = {
        name: head[2] ?? '',
        ifindex: Number(head[1]),
        up: flags.includes('UP') || /\bstate UP\b/.test(head[4] ?? ''),
      };
      last = null;
      continue;
    }
    const line = raw.trim();
    const inet = /^inet\s+([\d.]+)(?:\/(\d+))?\s*(.*)$/.exec(line);
    if (inet && link) {
      const address = inet[1] ?? '';
      if (!isIpv4(address)) continue;
      last = {
        interface: link.name,
        ifindex: link.ifindex,
        address,
        prefixLength: inet[2] === undefined ? 32 : Number(inet[2]),
        dynamic: /(?:^|\s)dynamic(?:\s|$)/.test(inet[3] ?? ''),
        validLifetimeSec: null,
        up: link.up,
      };
      out.push(last);
      continue;
    }
    // valid_lft belongs to the address line above it ("forever" stays null); an inet6 one is not ours.
    if (line.startsWith('inet6')) last = null;
    const life = /^valid_lft\s+(\d+)sec\b/.exec(line);
    if (life && last) last.validLifetimeSec = Number(life[1]) >= FOREVER ? null : Number(life[1]);
  }
  return out;
}

/** What `networkctl status <if>` says of one link (systemd-networkd). */
export interface NetworkctlLink extends LeaseFacts {
  /** "routable", "degraded", "carrier" ... (the first word of State:). */
  operational?: string;
  /** "configured" when networkd manages the link, "unmanaged" when another program does. */
  setup?: string;
}

/**
 * `networkctl status <if>`: "● 2: eth0" then right-aligned "Label: value" lines, values continued on
 * deeper-indented lines, then (after a blank line) journal lines, which are ignored. "Address: 10.0.0.114
 * (DHCP4 via 10.0.0.1)" names the DHCP server; DNS: is the link's own resolvers (what DHCP gave it), which
 * systemd-resolved's stub 127.0.0.53 in /etc/resolv.conf hides.
 */
export function parseNetworkctlStatus(text: string): NetworkctlLink {
  const f: NetworkctlLink = {};
  const fields = new Map<string, string[]>();
  let label: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      if (fields.size > 0) break; // the journal follows
      continue;
    }
    const head = /^\s*\S?\s*\d+:\s+(\S+)\s*$/.exec(line);
    if (head && fields.size === 0) {
      f.interface = head[1];
      continue;
    }
    const m = /^\s*([A-Za-z][A-Za-z0-9 ()/.-]*?):(?:\s+(.*))?$/.exec(line);
    if (m?.[1] && !/^\s*[0-9a-f]*:[0-9a-f:]*$/i.test(line)) {
      label = m[1];
      fields.set(label, m[2] === undefined ? [] : [m[2].trim()]);
    } else if (label && /^\s+\S/.test(line)) {
      fields.get(label)?.push(line.trim());
    }
  }
  const state = fields.get('State')?.[0];
  if (state) {
    const s = /^(\S+)(?:\s+\((\S+)\))?/.exec(state);
    if (s?.[1]) f.operational = s[1];
    if (s?.[2]) f.setup = s[2];
  }
  for (const v of fields.get('Address') ?? []) {
    const a = /^([\d.]+)(?:\/(\d+))?(?:\s+\(([^)]*)\))?/.exec(v);
    if (!a?.[1] || !isIpv4(a[1])) continue;
    if (f.address === undefined) {
      f.address = a[1];
      if (a[2] !== undefined) f.prefixLength = Number(a[2]);
    }
    const via = /^DHCP4?\s+via\s+([\d.]+)$/.exec(a[3] ?? '');
    if (via?.[1] && isIpv4(via[1]) && f.dhcpServer === undefined) {
      f.dhcpServer = via[1];
      f.dhcp = true;
      f.address = a[1];
      if (a[2] !== undefined) f.prefixLength = Number(a[2]);
    }
  }
  for (const v of fields.get('Gateway') ?? []) {
    const g = /^([\d.]+)/.exec(v)?.[1];
    if (g && isIpv4(g)) {
      f.gateway = g;
      break;
    }
  }
  const dns = (fields.get('DNS') ?? []).flatMap((v) => {
    const ip = /^([\d.]+)/.exec(v)?.[1];
    return ip && isIpv4(ip) ? [ip] : [];
  });
  if (dns.length) f.dnsServers = dns;
  return f;
}
