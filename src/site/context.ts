import { readFileSync } from 'node:fs';
import dns from 'node:dns';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import type { Endpoint, Profile } from '../profile/types.js';
import type { Lang, Translate } from '../i18n/index.js';
import { createRecordingTranslator, createTranslator } from '../i18n/index.js';
import {
  type Clock,
  type DialTarget,
  type ResolverAddr,
  type SiteContext,
  type SiteEnvironment,
  type SiteOptions,
  type TrustSpec,
  directDial,
  systemClock,
} from '../core/context.js';
import type { Guard } from '../core/guard.js';
import { UsageError } from '../core/errors.js';

/**
 * Builds site contexts: the real one (what this laptop sees of the site) and the lab one (the
 * simulated site). Everything the OS or the user decides is read here, once, so checks stay pure.
 */

export interface ContextInput {
  site: string;
  profile: Profile;
  deadlineMs: number;
  guard: Guard;
  options: SiteOptions;
  lang: Lang;
  /** Aborted on Ctrl-C. */
  interrupt: AbortSignal;
  clock?: Clock;
  /**
   * Monotonic time (clock.monotonic()) the deadline counts from; default: now. The CLI passes the
   * process's start, so start-up, the OS reads and the lab's set-up are inside --deadline too.
   */
  deadlineFrom?: number;
}

/** `--dns-server ip[:port]`: IPv4 only (the charger is IPv4 only). */
export function parseResolver(text: string, t: Translate = createTranslator('en')): ResolverAddr {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/.exec(text.trim());
  const port = m?.[2] === undefined ? 53 : Number(m[2]);
  if (!m?.[1] || !ipaddr.IPv4.isValidFourPartDecimal(m[1]) || port < 1 || port > 65535) {
    throw new UsageError(t('err.dnsserver', { value: text }), t('err.dnsserver.hint'));
  }
  return { ip: m[1], port, source: 'user' };
}

/** PEM certificates of a file; a clear message when it has none. */
export function readPemFile(file: string, what: string, t: Translate = createTranslator('en')): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(t('err.pem.read', { what, file, code: (err as { code?: string }).code ?? 'error' }));
  }
  const pems = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  for (const pem of pems) {
    try {
      new X509Certificate(pem);
    } catch {
      throw new UsageError(t('err.pem.parse', { what, file }));
    }
  }
  if (pems.length === 0) throw new UsageError(t('err.pem.none', { what, file }));
  return pems;
}

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

/** Proxy variables with any user:password removed (never stored, never printed). */
export function proxyEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PROXY_VARS) {
    const v = env[name];
    if (!v) continue;
    let shown = v;
    try {
      // Without a scheme (curl takes `user:pass@proxy:3128`) URL would read `user:` as the scheme and
      // keep the password in the path.
      const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `http://${v}`);
      u.username = '';
      u.password = '';
      shown = u.toString().replace(/\/$/, '');
    } catch {
      // Unparseable: drop everything up to the last `@` after the scheme.
      shown = v.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^]*@/i, '$1');
    }
    out[name] = shown.slice(0, 200);
  }
  return out;
}

/** Linux: the IPv4 default route from /proc/net/route (no command run). */
export function parseProcNetRoute(text: string): SiteEnvironment['ipv4DefaultRoute'] {
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8 || f[1] !== '00000000' || f[7] !== '00000000') continue;
    const gw = f[2] ?? '00000000';
    const bytes = [6, 4, 2, 0].map((i) => parseInt(gw.slice(i, i + 2), 16));
    return { interface: f[0] ?? '?', gateway: gw === '00000000' ? null : bytes.join('.') };
  }
  return null;
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
    const { gatherNetworkFacts, systemGatherDeps } = await import('../platform/net/gather.js');
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

interface TrustSources {
  publicRoots: readonly string[];
  publicLabel: string;
  /** Lab only: the roots that play a private CA for `{ pem }` endpoints. */
  privateRootsOverride?: readonly string[];
}

function trustResolver(src: TrustSources): (e: Endpoint) => TrustSpec {
  const pemCache = new Map<string, string[]>();
  return (e) => {
    const trust = e.trust;
    if (trust === 'public') return { kind: 'public', roots: src.publicRoots, label: src.publicLabel };
    if (trust === 'private')
      return { kind: 'private', roots: [], label: 'private root (not available to zapcheck)' };
    if ('pem' in trust) {
      if (src.privateRootsOverride)
        return { kind: 'pem', roots: src.privateRootsOverride, label: 'lab private root' };
      let roots = pemCache.get(trust.pem);
      if (!roots) {
        roots = readPemFile(trust.pem, `profile trust for ${e.host}`);
        pemCache.set(trust.pem, roots);
      }
      return { kind: 'pem', roots, label: trust.pem };
    }
    return {
      kind: 'issuer',
      roots: src.publicRoots,
      issuer: trust.issuer,
      label: `issuer "${trust.issuer}"`,
    };
  };
}

function baseContext(
  input: ContextInput,
): Pick<
  SiteContext,
  'site' | 'profile' | 'guard' | 'clock' | 'deadlineMs' | 'deadlineAt' | 'signal' | 'options' | 'lang' | 't'
> {
  const clock = input.clock ?? systemClock;
  const deadlineAt = (input.deadlineFrom ?? clock.monotonic()) + input.deadlineMs;
  return {
    site: input.site,
    profile: input.profile,
    guard: input.guard,
    clock,
    deadlineMs: input.deadlineMs,
    deadlineAt,
    signal: AbortSignal.any([
      input.interrupt,
      AbortSignal.timeout(Math.max(1, Math.round(deadlineAt - clock.monotonic()))),
    ]),
    options: input.options,
    lang: input.lang,
    t: createRecordingTranslator(input.lang),
  };
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
  return {
    ...baseContext(input),
    mode: 'real',
    labScenario: null,
    resolvers,
    // The OS resolver is evidence beside the direct queries; a loopback guard cannot see where it goes.
    useOsResolver: input.guard.mode === 'off' && input.dnsServers.length === 0,
    trustFor: trustResolver({
      publicRoots: userRoots ?? tls.rootCertificates,
      publicLabel: userRoots
        ? `roots from ${input.trustRootsFile}`
        : 'public roots bundled with Node (Mozilla)',
    }),
    dial: (ip, port) => directDial(ip, port),
    environment: input.environment ?? realEnvironment(input.env),
  };
}

/** What a site context needs from the lab (src/lab implements it). */
export interface LabSite {
  scenario: string;
  resolvers: ResolverAddr[];
  publicRoots: string[];
  privateRoots: string[];
  dial(ip: string, port: number, transport: 'tcp' | 'udp'): DialTarget | null;
  environment: SiteEnvironment;
}

export function createLabContext(input: ContextInput, lab: LabSite): SiteContext {
  return {
    ...baseContext(input),
    mode: 'lab',
    labScenario: lab.scenario,
    resolvers: lab.resolvers,
    useOsResolver: false,
    trustFor: trustResolver({
      publicRoots: lab.publicRoots,
      publicLabel: 'lab public root (plays the public roots)',
      privateRootsOverride: lab.privateRoots,
    }),
    dial: (ip, port, transport) => lab.dial(ip, port, transport),
    environment: lab.environment,
  };
}
