import { readFileSync } from 'node:fs';
import dns from 'node:dns';
import tls from 'node:tls';
import ipaddr from 'ipaddr.js';
import { createTranslator } from '../i18n/index.js';
import { type ResolverAddr, type SiteContext, type SiteEnvironment, directDial } from '../core/context.js';
import { parseProcNetRoute } from '../platform/net/linux.js';
import { baseContext, trustResolver, type ContextInput } from './base.js';
import { readPemFile } from './pem.js';

/**
 * The real site context: what this laptop sees of the site. Everything the OS or the user decides is read
 * here, once, before the run (resolvers, proxy variables, the default route, PEM files checked), so checks
 * stay pure. The lab's context is src/site/lab.ts; what both share is src/site/base.ts.
 */

/**
 * The resolvers the OS was given (by DHCP, on a laptop on the site network), IPv4 only. A local stub
 * (systemd-resolved's 127.0.0.53) is replaced by the upstream servers it forwards to, which is what
 * the charger will be handed.
 */
export function osResolvers(
  readFile: (p: string) => string = (p) => readFileSync(p, 'utf8'),
): ResolverAddr[] {
  let servers = dns.getServers();
  if (servers.length === 1 && servers[0] === '127.0.0.53') {
    try {
      const upstream = [
        ...readFile('/run/systemd/resolve/resolv.conf').matchAll(/^nameserver\s+(\S+)/gm),
      ].map((m) => m[1] ?? '');
      if (upstream.length) servers = upstream;
    } catch {
      // keep the stub: it still answers the way this laptop resolves
    }
  }
  return servers.flatMap((s): ResolverAddr[] => {
    const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(s);
    const ip = m?.[1] ?? s;
    if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) return [];
    return [{ ip, port: m?.[2] ? Number(m[2]) : 53, source: 'os' }];
  });
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
export async function realEnvironmentOf(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<SiteEnvironment> {
  const base = realEnvironment(env);
  if (process.platform === 'linux') return base;
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

export interface RealContextInput extends ContextInput {
  env: NodeJS.ProcessEnv;
  dnsServers: readonly ResolverAddr[];
  trustRootsFile?: string;
  /** Read beforehand where that needs commands (realEnvironmentOf); default: realEnvironment(env). */
  environment?: SiteEnvironment;
}

export function createRealContext(input: RealContextInput): SiteContext {
  const userRoots = input.trustRootsFile
    ? readPemFile(input.trustRootsFile, '--trust-roots', createTranslator(input.lang))
    : undefined;
  const resolvers = input.dnsServers.length > 0 ? input.dnsServers : osResolvers();
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
    environment: input.environment ?? realEnvironment(input.env),
  };
}
