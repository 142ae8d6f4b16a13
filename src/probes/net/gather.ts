/**
 * Runs the OS tools (through platform/exec.ts, never a shell) and reads the lease files, then merges
 * what the pure parsers found into one NetworkFacts. Every dependency is injectable so the merge is
 * tested on recorded outputs.
 */
import { readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import { runTool, type RunTool } from '../../platform/exec.js';
import {
  emptyFacts,
  type LeaseFacts,
  type Neighbour,
  type NetworkFacts,
  type Route,
} from '../../platform/net/types.js';
import { isIpv4, maskToPrefix } from '../../core/ipv4.js';
import {
  parseDhclientLeases,
  parseDhcpcdDump,
  parseIpAddrJson,
  parseIpAddrText,
  parseIpNeighJson,
  parseIpNeighText,
  parseIpRouteJson,
  parseIpRouteText,
  parseNetworkctlStatus,
  parseNetworkdLease,
  parseNmcliDeviceShow,
  parseResolvConf,
  pickDefaultRoute,
} from '../../platform/net/linux.js';
import { parseIpconfigGetpacket, parseNetstatRn } from '../../platform/net/macos.js';
import { parseIpconfigAll, parseRoutePrint } from '../../platform/net/windows.js';
import { parseBsdArp, parseNetshNeighbors, parseWindowsArp } from '../../platform/net/arp.js';
import { createTranslator } from '../../i18n/index.js';

/** Notes are written in English from the catalogue; the DHCP check renders them in the run's language. */
const EN = createTranslator('en');

export interface GatherDeps {
  platform: NodeJS.Platform;
  run: RunTool;
  /** File contents, or null when missing/unreadable. */
  readText(path: string): Promise<string | null>;
  listDir(path: string): Promise<string[]>;
  interfaces(): NodeJS.Dict<os.NetworkInterfaceInfo[]>;
}

export const systemGatherDeps: GatherDeps = {
  platform: process.platform,
  run: runTool,
  readText: (p) => readFile(p, 'utf8').catch(() => null),
  listDir: (p) => readdir(p).catch(() => []),
  interfaces: () => os.networkInterfaces(),
};

export interface GatherOptions {
  interface?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

const MAX_BYTES = 4 * 1024 * 1024;

async function tool(
  deps: GatherDeps,
  o: GatherOptions,
  file: string,
  args: string[],
): Promise<{ ok: true; stdout: string } | { ok: false; message: string }> {
  const r = await deps.run(file, args, {
    timeoutMs: Math.max(500, Math.min(o.timeoutMs, 5000)),
    maxBytes: MAX_BYTES,
    ...(o.signal ? { signal: o.signal } : {}),
  });
  return r.ok ? { ok: true, stdout: r.stdout } : { ok: false, message: r.message };
}

function ipv4Of(deps: GatherDeps, iface: string): { address: string; prefixLength: number } | null {
  const list = deps.interfaces()[iface] ?? [];
  for (const i of list) {
    if (i.family === 'IPv4' && !i.internal) {
      const p = maskToPrefix(i.netmask);
      if (p !== null) return { address: i.address, prefixLength: p };
    }
  }
  return null;
}

function applyLease(f: NetworkFacts, lease: LeaseFacts, source: string): void {
  f.sources.push(source);
  if (lease.dhcp === true || lease.dhcpServer) f.addressing = 'dhcp';
  if (lease.dhcpServer) f.dhcpServer ??= lease.dhcpServer;
  if (!f.address && lease.address) f.address = lease.address;
  if (f.prefixLength === null && lease.prefixLength !== undefined) f.prefixLength = lease.prefixLength;
  if (!f.gateway && lease.gateway) f.gateway = lease.gateway;
  if (lease.obtained) f.lease.obtained ??= lease.obtained;
  if (lease.expires) f.lease.expires ??= lease.expires;
  if (lease.durationSec !== undefined) f.lease.durationSec ??= lease.durationSec;
  if (lease.dnsServers?.length && f.dnsServers.length === 0) f.dnsServers = [...lease.dnsServers];
}

export async function gatherNetworkFacts(deps: GatherDeps, o: GatherOptions): Promise<NetworkFacts> {
  switch (deps.platform) {
    case 'linux':
      return gatherLinux(deps, o);
    case 'darwin':
      return gatherMac(deps, o);
    case 'win32':
      return gatherWindows(deps, o);
    default: {
      const f = emptyFacts(deps.platform);
      f.notes.push(EN('net.note.platform', { platform: deps.platform }));
      return f;
    }
  }
}

function chooseRoute(f: NetworkFacts, routes: Route[], o: GatherOptions): void {
  const def = pickDefaultRoute(routes, o.interface);
  if (def) {
    f.interface = o.interface ?? def.dev;
    f.gateway = def.gateway;
  } else if (o.interface) {
    f.interface = o.interface;
    f.notes.push(EN('net.note.noroute.iface', { iface: o.interface }));
  } else {
    f.notes.push(EN('net.note.noroute'));
  }
}

/** A function, not a comparison, so the compiler does not narrow across the awaits that change it. */
function leaseFound(f: NetworkFacts): boolean {
  return f.addressing === 'dhcp';
}

async function gatherLinux(deps: GatherDeps, o: GatherOptions): Promise<NetworkFacts> {
  const f = emptyFacts('linux');
  let routes: Route[] = [];
  const rj = await tool(deps, o, 'ip', ['-j', '-4', 'route', 'show']);
  if (rj.ok) {
    routes = parseIpRouteJson(rj.stdout);
    f.sources.push('ip -j -4 route show');
  } else {
    const rt = await tool(deps, o, 'ip', ['-4', 'route', 'show']);
    if (rt.ok) {
      routes = parseIpRouteText(rt.stdout);
      f.sources.push('ip -4 route show');
    } else f.notes.push(EN('net.note.routes', { message: rt.message }));
  }
  chooseRoute(f, routes, o);
  const iface = f.interface;
  if (!iface) return f;
  const def = pickDefaultRoute(routes, iface);

  let ifindex: number | null = null;
  let dynamic = false;
  // iproute2 before 4.14 (CentOS 7, Debian 9) has no -j: the text form keeps the kernel's `dynamic` flag
  // (a DHCP client set the address), which os.networkInterfaces() does not give.
  const aj = await tool(deps, o, 'ip', ['-j', '-4', 'addr', 'show', 'dev', iface]);
  const at = aj.ok ? null : await tool(deps, o, 'ip', ['-4', 'addr', 'show', 'dev', iface]);
  const addrSource = aj.ok
    ? { name: `ip -j -4 addr show dev ${iface}`, addrs: parseIpAddrJson(aj.stdout) }
    : at?.ok
      ? { name: `ip -4 addr show dev ${iface}`, addrs: parseIpAddrText(at.stdout) }
      : null;
  if (addrSource) {
    f.sources.push(addrSource.name);
    const addrs = addrSource.addrs.filter((a) => a.interface === iface);
    const a = addrs.find((x) => x.address === def?.src) ?? addrs[0];
    if (a) {
      f.address = a.address;
      f.prefixLength = a.prefixLength;
      ifindex = a.ifindex;
      dynamic = a.dynamic;
    }
  } else {
    const a = ipv4Of(deps, iface);
    if (a) {
      f.address = a.address;
      f.prefixLength = a.prefixLength;
    }
  }

  // Lease sources, most specific first: NetworkManager, systemd-networkd, dhclient, dhcpcd.
  const nm = await tool(deps, o, 'nmcli', ['-t', '-f', 'GENERAL.DEVICE,IP4,DHCP4', 'device', 'show', iface]);
  let nmManaged = false;
  if (nm.ok) {
    const dev = parseNmcliDeviceShow(nm.stdout).find(
      (d) => d.interface === iface || d.interface === undefined,
    );
    if (dev) {
      nmManaged = dev.address !== undefined;
      if (dev.dhcp) applyLease(f, dev, `nmcli -t -f GENERAL.DEVICE,IP4,DHCP4 device show ${iface}`);
      if (dev.dnsServers?.length && f.dnsServers.length === 0) f.dnsServers = [...dev.dnsServers];
    }
  }
  if (!leaseFound(f) && ifindex !== null) {
    const path = `/run/systemd/netif/leases/${ifindex}`;
    const text = await deps.readText(path);
    if (text !== null) applyLease(f, parseNetworkdLease(text), path);
  }
  // systemd-networkd without a readable lease file: `networkctl status` names the DHCP server ("Address:
  // 10.0.0.114 (DHCP4 via 10.0.0.1)") and the link's own DNS servers, which resolv.conf hides behind
  // systemd-resolved's stub 127.0.0.53. Journal lines are not asked for (-n 0).
  if (!leaseFound(f) || f.dnsServers.length === 0) {
    const nc = await tool(deps, o, 'networkctl', ['--no-pager', '-n', '0', 'status', iface]);
    const link = nc.ok ? parseNetworkctlStatus(nc.stdout) : null;
    if (link && (link.interface === undefined || link.interface === iface)) {
      const source = `networkctl status ${iface}`;
      if (!leaseFound(f) && link.dhcp) applyLease(f, link, source);
      else if (f.dnsServers.length === 0 && link.dnsServers?.length) {
        f.dnsServers = [...link.dnsServers];
        f.sources.push(source);
      }
    }
  }
  if (!leaseFound(f)) {
    for (const dir of ['/var/lib/dhcp', '/var/lib/dhclient', '/var/lib/NetworkManager']) {
      const names = (await deps.listDir(dir)).filter((n) => /dhclient.*\.lease/.test(n));
      // A file named after the interface wins over a generic one.
      names.sort((a, b) => Number(b.includes(iface)) - Number(a.includes(iface)));
      for (const name of names) {
        const text = await deps.readText(`${dir}/${name}`);
        const lease = text === null ? null : parseDhclientLeases(text, iface);
        if (lease && (lease.address === undefined || lease.address === f.address)) {
          applyLease(f, lease, `${dir}/${name}`);
          break;
        }
      }
      if (leaseFound(f)) break;
    }
  }
  if (!leaseFound(f)) {
    const dd = await tool(deps, o, 'dhcpcd', ['-U', iface]);
    if (dd.ok) {
      const lease = parseDhcpcdDump(dd.stdout);
      if (lease.dhcp && (lease.address === undefined || lease.address === f.address)) {
        applyLease(f, lease, `dhcpcd -U ${iface}`);
      }
    }
  }
  if (!leaseFound(f)) {
    if (dynamic || def?.protocol === 'dhcp') {
      f.addressing = 'dhcp';
      f.notes.push(EN('net.note.dhcp.nolease', { iface }));
    } else if (f.address) {
      f.addressing = 'static';
      const address = `${f.address}/${f.prefixLength ?? '?'}`;
      f.notes.push(EN(nmManaged ? 'net.note.static.nm' : 'net.note.static', { address, iface }));
    }
  }
  if (f.dnsServers.length === 0) {
    const rc = await deps.readText('/etc/resolv.conf');
    if (rc !== null) {
      f.dnsServers = parseResolvConf(rc);
      f.sources.push('/etc/resolv.conf');
    }
  }
  return f;
}

async function gatherMac(deps: GatherDeps, o: GatherOptions): Promise<NetworkFacts> {
  const f = emptyFacts('darwin');
  const r = await tool(deps, o, 'netstat', ['-rn', '-f', 'inet']);
  if (r.ok) f.sources.push('netstat -rn -f inet');
  else f.notes.push(EN('net.note.routes', { message: r.message }));
  chooseRoute(f, r.ok ? parseNetstatRn(r.stdout) : [], o);
  const iface = f.interface;
  if (!iface) return f;
  const a = ipv4Of(deps, iface);
  if (a) {
    f.address = a.address;
    f.prefixLength = a.prefixLength;
  }
  const p = await tool(deps, o, 'ipconfig', ['getpacket', iface]);
  const lease = p.ok ? parseIpconfigGetpacket(p.stdout) : null;
  if (lease) applyLease(f, lease, `ipconfig getpacket ${iface}`);
  else if (f.address) {
    f.addressing = 'static';
    f.notes.push(EN('net.note.static.mac', { iface }));
  }
  if (f.dnsServers.length === 0) {
    const rc = await deps.readText('/etc/resolv.conf');
    if (rc !== null) f.dnsServers = parseResolvConf(rc);
  }
  return f;
}

async function gatherWindows(deps: GatherDeps, o: GatherOptions): Promise<NetworkFacts> {
  const f = emptyFacts('win32');
  const r = await tool(deps, o, 'route', ['print', '-4']);
  if (r.ok) f.sources.push('route print -4');
  const routes = r.ok ? parseRoutePrint(r.stdout) : [];
  const def = pickDefaultRoute(routes);
  const ip = await tool(deps, o, 'ipconfig', ['/all']);
  if (!ip.ok) {
    f.notes.push(EN('net.note.ipconfig', { message: ip.message }));
    return f;
  }
  f.sources.push('ipconfig /all');
  const adapters = parseIpconfigAll(ip.stdout);
  const adapter = o.interface
    ? adapters.find((x) => x.name.toLowerCase().includes(o.interface!.toLowerCase()))
    : (adapters.find((x) => x.address !== undefined && x.address === def?.dev) ??
      adapters.find((x) => x.gateway !== undefined && x.address !== undefined));
  if (!adapter) {
    f.notes.push(EN('net.note.nogateway'));
    return f;
  }
  f.interface = adapter.name;
  f.address = adapter.address ?? null;
  f.prefixLength = adapter.prefixLength ?? null;
  f.gateway = adapter.gateway ?? (def?.gateway && isIpv4(def.gateway) ? def.gateway : null);
  if (adapter.dnsServers) f.dnsServers = [...adapter.dnsServers];
  if (adapter.dhcpEnabled === true || adapter.dhcpServer) applyLease(f, adapter, 'ipconfig /all');
  else if (adapter.dhcpEnabled === false) {
    f.addressing = 'static';
    f.notes.push(EN('net.note.static.win', { name: adapter.name }));
  }
  return f;
}

/** Reads the neighbour (ARP) table; nothing is sent. */
export async function readNeighbourTable(
  deps: GatherDeps,
  o: GatherOptions,
): Promise<{ source: string; entries: Neighbour[]; error: string | null }> {
  if (deps.platform === 'linux') {
    const j = await tool(deps, o, 'ip', ['-j', '-4', 'neigh', 'show']);
    if (j.ok) return { source: 'ip -j -4 neigh show', entries: parseIpNeighJson(j.stdout), error: null };
    const t = await tool(deps, o, 'ip', ['-4', 'neigh', 'show']);
    if (t.ok) return { source: 'ip -4 neigh show', entries: parseIpNeighText(t.stdout), error: null };
    return { source: 'ip neigh', entries: [], error: t.message };
  }
  if (deps.platform === 'darwin') {
    const a = await tool(deps, o, 'arp', ['-an']);
    return a.ok
      ? { source: 'arp -an', entries: parseBsdArp(a.stdout), error: null }
      : { source: 'arp -an', entries: [], error: a.message };
  }
  if (deps.platform === 'win32') {
    const a = await tool(deps, o, 'arp', ['-a']);
    const entries = a.ok ? parseWindowsArp(a.stdout) : [];
    if (entries.length > 0 || (a.ok && !/\d+\.\d+\.\d+\.\d+/.test(a.stdout))) {
      return { source: 'arp -a', entries, error: null };
    }
    // arp -a failed, or printed addresses in a layout it cannot read: the same table through netsh.
    const n = await tool(deps, o, 'netsh', ['interface', 'ipv4', 'show', 'neighbors']);
    if (n.ok) {
      return {
        source: 'netsh interface ipv4 show neighbors',
        entries: parseNetshNeighbors(n.stdout),
        error: null,
      };
    }
    return { source: 'arp -a', entries: [], error: a.ok ? n.message : a.message };
  }
  return { source: 'none', entries: [], error: `no neighbour table reader for ${deps.platform}` };
}
