import { readFileSync } from 'node:fs';
import dns from 'node:dns';
import tls from 'node:tls';
import ipaddr from 'ipaddr.js';
import { createTranslator } from '../i18n/index.js';
import { type ResolverAddr, type SiteContext, type SiteEnvironment, directDial } from '../core/context.js';
import { runTool, type RunTool } from '../platform/exec.js';
import { parseNetworkctlStatus, parseNmcliDeviceShow, parseProcNetRoute } from '../platform/net/linux.js';
import { baseContext, trustResolver, type ContextInput } from './base.js';
import { readPemFile } from './pem.js';

/**
 * The real site context: what this laptop sees of the site. Everything the OS or the user decides is read
 * here, once, before the run (resolvers, proxy variables, the default route, PEM files checked), so checks
 * stay pure. The lab's context is src/site/lab.ts; what both share is src/site/base.ts.
 */

/** systemd-resolved's stub listener: in /etc/resolv.conf it stands for the link's real servers. */
const RESOLVED_STUB = '127.0.0.53';

/**
 * The resolvers the OS was given (by DHCP, on a laptop on the site network), IPv4 only. A local stub
 * (systemd-resolved's 127.0.0.53) is replaced by what the charger will be handed: the DNS servers of the
 * interface carrying the default route (`linkDns`, read beforehand by realEnvironmentOf), else the upstream
 * servers resolved forwards to (/run/systemd/resolve/resolv.conf: every link's and the global ones, a VPN's
 * or a second adapter's included).
 */
export function osResolvers(
  readFile: (p: string) => string = (p) => readFileSync(p, 'utf8'),
  linkDns: readonly string[] = [],
  servers: readonly string[] = dns.getServers(),
): ResolverAddr[] {
  let chosen = [...servers];
  if (chosen.length === 1 && chosen[0] === RESOLVED_STUB) {
    if (linkDns.length) chosen = [...linkDns];
    else {
      try {
        const upstream = [
          ...readFile('/run/systemd/resolve/resolv.conf').matchAll(/^nameserver\s+(\S+)/gm),
        ].map((m) => m[1] ?? '');
        if (upstream.length) chosen = upstream;
      } catch {
        // keep the stub: it still answers the way this laptop resolves
      }
    }
  }
  return chosen.flatMap((s): ResolverAddr[] => {
    const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(s);
    const ip = m?.[1] ?? s;
    if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) return [];
    return [{ ip, port: m?.[2] ? Number(m[2]) : 53, source: 'os' }];
  });
}

/**
 * The DNS servers one interface got (from DHCP, or its static configuration): systemd-networkd's
 * `networkctl status <if>`, else NetworkManager's `nmcli -t -f GENERAL.DEVICE,IP4.DNS device show <if>`.
 * Null when neither tool knows the link (or is installed).
 */
export async function linkDnsServers(
  iface: string,
  timeoutMs: number,
  run: RunTool = runTool,
): Promise<{ servers: string[]; source: string } | null> {
  const opts = { timeoutMs: Math.max(200, timeoutMs), maxBytes: 1024 * 1024 };
  const nc = await run('networkctl', ['--no-pager', '-n', '0', 'status', iface], opts);
  if (nc.ok) {
    const link = parseNetworkctlStatus(nc.stdout);
    if ((link.interface === undefined || link.interface === iface) && link.dnsServers?.length) {
      return { servers: link.dnsServers, source: `networkctl status ${iface}` };
    }
  }
  const nm = await run('nmcli', ['-t', '-f', 'GENERAL.DEVICE,IP4.DNS', 'device', 'show', iface], opts);
  if (nm.ok) {
    const dev = parseNmcliDeviceShow(nm.stdout).find(
      (d) => d.interface === iface || d.interface === undefined,
    );
    if (dev?.dnsServers?.length) return { servers: dev.dnsServers, source: `nmcli device show ${iface}` };
  }
  return null;
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

/**
 * A proxy URL reduced to scheme://host:port: no user or password, no path, no query (`?token=...`), no
 * fragment. What is stored and printed (JSON, terminal, history) is only where the proxy is.
 */
export function proxyAddress(raw: string): string {
  // Credentials end at the last @ before any query or fragment; a / in a password makes it no URL at all.
  const cut = raw.search(/[?#]/);
  const head = cut < 0 ? raw : raw.slice(0, cut);
  const at = head.lastIndexOf('@');
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0] ?? '';
  const value = at < 0 ? raw : `${scheme}${raw.slice(at + 1)}`;
  try {
    // Without a scheme (curl takes `user:pass@proxy:3128`) URL would read `user:` as the scheme.
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    const port = u.port || (u.protocol === 'https:' ? '443' : u.protocol === 'http:' ? '80' : '');
    return `${u.protocol}//${u.hostname}${port ? `:${port}` : ''}`.slice(0, 200);
  } catch {
    // Unparseable: keep scheme and host-looking text only, never anything after @, /, ? or #.
    const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(?:[^@/?#]*@)?([^/?#@\s]*)/i.exec(value);
    return `${m?.[1] ? `${m[1]}://` : ''}${m?.[2] ?? ''}`.slice(0, 200);
  }
}

/** Proxy variables set for this process, each reduced to scheme://host:port (never credentials). */
export function proxyEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PROXY_VARS) {
    const v = env[name];
    if (v) out[name] = proxyAddress(v);
  }
  return out;
}

export function realEnvironment(env: NodeJS.ProcessEnv): SiteEnvironment {
  const proxy = proxyEnvironment(env);
  if (process.platform === 'linux') {
    try {
      return {
        proxy,
        ipv4DefaultRoute: parseProcNetRoute(readFileSync('/proc/net/route', 'utf8')),
        routeSource: '/proc/net/route',
      };
    } catch {
      return { proxy, ipv4DefaultRoute: undefined, routeSource: '/proc/net/route unreadable' };
    }
  }
  return { proxy, ipv4DefaultRoute: undefined, routeSource: `not read on ${process.platform}` };
}

/**
 * Where /proc/net/route does not exist (macOS, Windows), the default route comes from the same OS
 * readers the DHCP check uses (`route -n get default`, `route print`), bounded in time.
 */
export async function realEnvironmentOf(
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  run: RunTool = runTool,
): Promise<RealEnvironment> {
  const base = realEnvironment(env);
  if (process.platform === 'linux') {
    // Behind systemd-resolved's stub the DHCP-given resolver is the route interface's own DNS server.
    const servers = dns.getServers();
    const iface = base.ipv4DefaultRoute?.interface;
    if (!iface || servers.length !== 1 || servers[0] !== RESOLVED_STUB) return base;
    const link = await linkDnsServers(iface, timeoutMs, run).catch(() => null);
    return link ? { ...base, linkDns: link.servers } : base;
  }
  try {
    const { gatherNetworkFacts, systemGatherDeps } = await import('../probes/net/gather.js');
    const facts = await gatherNetworkFacts(systemGatherDeps, { timeoutMs });
    const source = facts.sources.join(', ') || 'OS network tools';
    if (facts.interface === null && facts.gateway === null) {
      return { ...base, ipv4DefaultRoute: facts.sources.length ? null : undefined, routeSource: source };
    }
    return {
      ...base,
      ipv4DefaultRoute: { interface: facts.interface ?? '?', gateway: facts.gateway },
      routeSource: source,
    };
  } catch (err) {
    return {
      ...base,
      routeSource: `could not read the routes: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

/** What realEnvironmentOf reads beforehand: the site environment, and the route interface's DNS servers. */
export interface RealEnvironment extends SiteEnvironment {
  /** The DNS servers of the default route's interface, where resolv.conf names resolved's stub. */
  linkDns?: string[];
}

export interface RealContextInput extends ContextInput {
  env: NodeJS.ProcessEnv;
  dnsServers: readonly ResolverAddr[];
  trustRootsFile?: string;
  /** Read beforehand where that needs commands (realEnvironmentOf); default: realEnvironment(env). */
  environment?: RealEnvironment;
}

/** The site environment without what only chose the resolvers (the report shape has no such field). */
function environmentOnly(e: RealEnvironment): SiteEnvironment {
  const { linkDns: _linkDns, ...rest } = e;
  return rest;
}

export function createRealContext(input: RealContextInput): SiteContext {
  const userRoots = input.trustRootsFile
    ? readPemFile(input.trustRootsFile, '--trust-roots', createTranslator(input.lang))
    : undefined;
  const resolvers =
    input.dnsServers.length > 0 ? input.dnsServers : osResolvers(undefined, input.environment?.linkDns);
  const trustFor = trustResolver({
    publicRoots: userRoots ?? tls.rootCertificates,
    publicLabel: userRoots
      ? `roots from ${input.trustRootsFile}`
      : 'public roots bundled with Node (Mozilla)',
  });
  // The PEM files a profile names are read and checked now: a missing or broken file is a usage error
  // before the run (exit 2), not a TLS check that breaks half-way through it.
  for (const e of input.profile.endpoints) {
    if (typeof e.trust === 'object' && 'pem' in e.trust) trustFor(e);
  }
  return {
    ...baseContext(input),
    mode: 'real',
    labScenario: null,
    resolvers,
    // The OS resolver is evidence beside the direct queries; a loopback guard cannot see where it goes.
    useOsResolver: input.guard.mode === 'off' && input.dnsServers.length === 0,
    trustFor,
    dial: (ip, port) => directDial(ip, port),
    environment: environmentOnly(input.environment ?? realEnvironment(input.env)),
  };
}
