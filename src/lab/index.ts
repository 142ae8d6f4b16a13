import { once } from 'node:events';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import type * as dnsPacket from 'dns-packet';
import type { ResolverAddr, SiteEnvironment } from '../core/context.js';
import type { Endpoint, Profile } from '../profile/types.js';
import { DAY, makeLeaf, makeRoot, type CertAuthority, type IssuedCert } from './ca.js';
import { startDnsServer, type DnsAnswerFn } from './dns-server.js';
import { startNtpServer } from './ntp-server.js';
import {
  DEFAULT_SCENARIO,
  EXPIRED_CA,
  findScenario,
  LAB_PORTAL_ANSWER,
  LAB_PORTAL_IP,
  LAB_PORTAL_NAME,
  LAB_SCENARIOS,
  type LabBehaviour,
} from './scenarios.js';
import { startTlsListener, type HostCert } from './tls-servers.js';
import { Tracker } from './tracker.js';
import { dialThrough, routeKey, type LabDialTarget, type LabRoutes } from './routes.js';

/**
 * The built-in lab: a simulated site on 127.0.0.1 ephemeral ports that plays the Zaptec cloud (DNS,
 * NTP, HTTPS, MQTT over TLS), with named fault scenarios (./scenarios.ts). It only supplies what a site
 * context needs: resolvers, trust roots, a destination mapping and the environment. Checks never
 * know they talk to the lab.
 *
 * Latency model (`latencyMs` = L, default 0). Exactly these exchanges are delayed, each by one L:
 * - DNS: each answer (UDP datagram, or TCP message) leaves L after its query arrived;
 * - NTP: each reply leaves L after the request arrived (stamped as a symmetric path: receive =
 *   transmit = arrival + L/2, so the client measures delay ~L and no extra offset);
 * - TCP to a TLS endpoint: the connect itself is NOT delayed (the kernel answers it on loopback);
 *   every chunk the server writes goes through a relay that delivers it L later, in order. So:
 *   - each TLS server flight costs one L: TLS 1.3 one flight (ServerHello..Finished), TLS 1.2 two
 *     (ServerHello..ServerHelloDone, then ChangeCipherSpec+Finished); TLS 1.3 session tickets are a
 *     further flight nobody waits for;
 *   - the HTTP answer is one more L after the request arrived;
 *   - the CONNACK (or the junk of mqtt-not-mqtt) is one more L after CONNECT arrived.
 * Nothing the client sends is delayed, and a dropped (blackhole) or refused destination adds nothing.
 * Critical-path floor of one host, healthy, TLS 1.2 probe: DNS L + TLS 2L, and an HTTPS check that
 * opens its own connection 2L + L more; a probe that reuses the TLS session or speaks TLS 1.3 needs less.
 */

export type { LabDialTarget, LabRoutes };

export interface Lab {
  scenario: string;
  resolvers: ResolverAddr[];
  /** PEM of the lab's "public" root: plays Node's Mozilla bundle in the lab. */
  publicRoots: string[];
  /** PEM of "Zaptec Lab Private Root", which signs the profile's trust 'private' / {pem} hosts. */
  privateRoots: string[];
  /** Logical (DNS-answered ip, port) -> 127.0.0.1:<ephemeral>; loopback passes through; unknown -> null. */
  dial(ip: string, port: number, transport: 'tcp' | 'udp'): LabDialTarget | null;
  /** What `dial` maps, as data (a lab in a worker thread hands it to the client's thread). */
  routes: LabRoutes;
  environment: SiteEnvironment;
  /** Lab NTP time minus the real clock, ms. */
  clockOffsetMs: number;
  /** Closes every socket, server and timer; idempotent. */
  close(): Promise<void>;
}

export interface StartLabOptions {
  profile: Profile;
  scenario?: string;
  latencyMs?: number;
}

export { LAB_SCENARIOS, findScenario, DEFAULT_SCENARIO };
export type { LabScenario, ExpectedResult, LabBehaviour } from './scenarios.js';

/**
 * Real Azure answers these through CNAME chains (App Service stamp, IoT Hub scale unit); the lab does
 * too, so the DNS probe's chain following is exercised. The last name gets the host's lab address.
 */
export const LAB_CNAME_CHAINS: Readonly<Record<string, readonly string[]>> = {
  'zapcloud-api.azurewebsites.net': [
    'waws-prod-am2-593.sip.azurewebsites.windows.net',
    'waws-prod-am2-593-9d1c.westeurope.cloudapp.azure.com',
  ],
  'zapcloud.azure-devices.net': ['ihsu-prod-am-010.cloudapp.net'],
};

/** TEST-NET-2 (RFC 5737): documentation addresses that play the cloud's public addresses. */
const LAB_NET = '198.51.100.';
/** The IPv6 documentation prefix (RFC 3849): the address of a host that exists over IPv6 only. */
const LAB_NET6 = '2001:db8:5a9::';

/**
 * One stable address per host: FNV-1a of the name picks 198.51.100.10-249; a collision moves to the
 * next free one (hosts taken in sorted order, so the result does not depend on profile order).
 */
export function labAddresses(hosts: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<number>();
  for (const host of [...new Set(hosts)].sort()) {
    let h = 0x811c9dc5;
    for (const ch of Buffer.from(host)) h = Math.imul(h ^ ch, 0x01000193) >>> 0;
    let octet = 10 + (h % 240);
    while (used.has(octet)) octet = octet === 249 ? 10 : octet + 1;
    used.add(octet);
    out.set(host, `${LAB_NET}${octet}`);
  }
  return out;
}

function matchesName(name: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) return name.endsWith(pattern.slice(1)) && name.length > pattern.length - 1;
  return name === pattern;
}

type ZoneEntry = { cname: string } | { a: string };

/** The resolver's answers for a scenario, as a function of the question. */
export function labDnsAnswers(addresses: Map<string, string>, behaviour: LabBehaviour['dns']): DnsAnswerFn {
  const zone = new Map<string, ZoneEntry>();
  for (const [host, ip] of addresses) {
    const chain = [host, ...(LAB_CNAME_CHAINS[host] ?? [])];
    chain.forEach((name, i) => {
      const next = chain[i + 1];
      zone.set(name, next ? { cname: next } : { a: ip });
    });
  }
  const mode = behaviour?.mode ?? 'answer';
  const nxdomain = behaviour?.nxdomain ?? [];
  const overrides = behaviour?.aOverride ?? {};
  const aaaaOnly = new Set(behaviour?.aaaaOnly ?? []);
  return ({ name, type }) => {
    if (mode === 'silent') return 'silent';
    if (mode === 'servfail') return { rcode: 'SERVFAIL', answers: [] };
    if (behaviour?.hijackAll) {
      return {
        rcode: 'NOERROR',
        answers: type === 'A' ? [{ name, type: 'A', ttl: 60, data: LAB_PORTAL_IP }] : [],
      };
    }
    if (nxdomain.some((p) => matchesName(name, p))) return { rcode: 'NXDOMAIN', answers: [] };
    const override = overrides[name];
    if (override !== undefined) {
      return {
        rcode: 'NOERROR',
        answers: type === 'A' ? [{ name, type: 'A', ttl: 60, data: override }] : [],
      };
    }
    if (aaaaOnly.has(name)) {
      // An IPv6-only host: the name exists (NOERROR), with an AAAA record and no A record.
      const a = [...addresses].find(([h]) => h === name)?.[1] ?? `${LAB_NET}1`;
      const v6 = `${LAB_NET6}${a.split('.').pop() ?? '1'}`;
      return {
        rcode: 'NOERROR',
        answers: type === 'AAAA' ? [{ name, type: 'AAAA', ttl: 300, data: v6 }] : [],
      };
    }
    if (!zone.has(name)) return { rcode: 'NXDOMAIN', answers: [] };
    const answers: dnsPacket.Answer[] = [];
    let current = name;
    for (let hops = 0; hops < 8; hops += 1) {
      const entry = zone.get(current);
      if (!entry) break;
      if ('cname' in entry) {
        answers.push({ name: current, type: 'CNAME', ttl: 3600, data: entry.cname });
        if (type === 'CNAME') break;
        current = entry.cname;
        continue;
      }
      // AAAA and other types: NOERROR with no data (the name exists, IPv4 only, like the charger).
      if (type === 'A') answers.push({ name: current, type: 'A', ttl: 300, data: entry.a });
      break;
    }
    return { rcode: 'NOERROR', answers };
  };
}

const TLS_PROTOCOLS = new Set<Endpoint['protocol']>(['https', 'mqtts', 'tls']);

/** A loopback port with nothing listening: connecting to it gets an RST (ECONNREFUSED). */
async function closedLoopbackPort(): Promise<number> {
  const s = createNetServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

interface LabCas {
  publicRoot: CertAuthority;
  publicIssuing: CertAuthority;
  privateRoot: CertAuthority;
}

async function makeLabCas(): Promise<LabCas> {
  const [publicRoot, privateRoot] = await Promise.all([
    makeRoot({ name: { C: 'NO', O: 'zapcheck lab', CN: 'Zaptec Lab Public Root G2' } }),
    makeRoot({ name: { C: 'NO', O: 'Zaptec Lab', CN: 'Zaptec Lab Private Root' } }),
  ]);
  const publicIssuing = await makeRoot({
    name: { C: 'NO', O: 'zapcheck lab', CN: 'Zaptec Lab Public TLS CA 1' },
    issuer: publicRoot,
  });
  return { publicRoot, publicIssuing, privateRoot };
}

/** The certificate a host serves in this scenario. */
async function hostCert(
  endpoint: Endpoint,
  behaviour: LabBehaviour,
  cas: LabCas,
  interceptor: Promise<CertAuthority> | null,
  issuerCas: Map<string, Promise<CertAuthority>>,
): Promise<IssuedCert & { exactChain?: boolean }> {
  const host = endpoint.host;
  if (interceptor) return makeLeaf({ issuer: await interceptor, sans: [host] });
  let issuer: CertAuthority;
  const trust = endpoint.trust;
  if (trust === 'public') issuer = cas.publicIssuing;
  else if (trust === 'private' || 'pem' in trust) issuer = cas.privateRoot;
  else {
    // { issuer }: a CA carrying the expected name, under the lab public root.
    let ca = issuerCas.get(trust.issuer);
    if (!ca) {
      ca = makeRoot({ name: { O: trust.issuer, CN: `${trust.issuer} TLS CA` }, issuer: cas.publicRoot });
      issuerCas.set(trust.issuer, ca);
    }
    issuer = await ca;
  }
  const plan = behaviour.tls?.certs?.[host];
  const now = Date.now();
  switch (plan?.kind) {
    case undefined:
      return makeLeaf({ issuer, sans: [host] });
    case 'expired':
      return makeLeaf({
        issuer,
        sans: [host],
        notBefore: new Date(now - 91 * DAY),
        notAfter: new Date(now - DAY),
      });
    case 'not-yet-valid':
      return makeLeaf({
        issuer,
        sans: [host],
        notBefore: new Date(now + DAY),
        notAfter: new Date(now + 91 * DAY),
      });
    case 'wrong-host':
      return makeLeaf({ issuer, sans: [plan.name] });
    case 'self-signed':
      return makeLeaf({ sans: [host] });
    case 'expired-intermediate': {
      const expiredCa = await makeRoot({
        name: { C: 'NO', O: 'zapcheck lab', CN: EXPIRED_CA },
        issuer: cas.publicRoot,
        notBefore: new Date(now - 400 * DAY),
        notAfter: new Date(now - DAY),
      });
      return makeLeaf({ issuer: expiredCa, sans: [host] });
    }
    case 'leaf-only': {
      const leaf = await makeLeaf({
        issuer,
        sans: [host],
        caIssuersUrl: 'http://pki.lab.invalid/zaptec-lab-public-tls-ca-1.crt',
      });
      // What the server sends: its own certificate only, the intermediate left out.
      return { ...leaf, chainPem: leaf.pem, exactChain: true };
    }
  }
}

export async function startLab(opts: StartLabOptions): Promise<Lab> {
  const name = opts.scenario ?? DEFAULT_SCENARIO;
  const scenario = findScenario(name);
  if (!scenario) {
    throw new Error(`unknown lab scenario "${name}"; known: ${LAB_SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  const behaviour = scenario.behaviour;
  const latencyMs = Math.max(0, opts.latencyMs ?? 0);
  const profile = opts.profile;
  const tracker = new Tracker();

  try {
    const addresses = labAddresses(profile.endpoints.map((e) => e.host));
    const tlsEndpoints = profile.endpoints.filter((e) => TLS_PROTOCOLS.has(e.protocol));
    const tcpRule = (port: number): 'refused' | 'dropped' | undefined =>
      behaviour.tcp?.[port] ?? behaviour.tcp?.['*'];
    const reachable = tlsEndpoints.filter((e) => tcpRule(e.port) === undefined);
    const portal = behaviour.dns?.hijackAll === true;
    const needsClosedPort = portal || tlsEndpoints.some((e) => tcpRule(e.port) !== undefined);

    const cas = await makeLabCas();
    const interceptor = behaviour.tls?.interceptor ? makeRoot({ name: behaviour.tls.interceptor }) : null;
    interceptor?.catch(() => undefined);
    const issuerCas = new Map<string, Promise<CertAuthority>>();
    const hostCerts = new Map<string, Promise<IssuedCert & { exactChain?: boolean }>>();
    for (const e of reachable) {
      if (hostCerts.has(e.host)) continue;
      const cert = hostCert(e, behaviour, cas, interceptor, issuerCas);
      // Awaited below; marked handled so a failure elsewhere first cannot leave it unhandled.
      cert.catch(() => undefined);
      hostCerts.set(e.host, cert);
    }

    // One listener per (port, protocol); each knows the certificates of the hosts it serves.
    const groups = new Map<string, Endpoint[]>();
    for (const e of reachable) {
      const key = `${e.port}/${e.protocol}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    const portalListener = portal
      ? makeLeaf({ issuer: cas.publicIssuing, sans: [LAB_PORTAL_NAME] }).then((cert) =>
          startTlsListener({
            protocol: 'https',
            logicalPort: 443,
            certs: new Map([[LAB_PORTAL_NAME, cert]]),
            behaviour: { https: LAB_PORTAL_ANSWER },
            latencyMs,
            tracker,
          }),
        )
      : Promise.resolve(null);
    portalListener.catch(() => undefined);
    const noRoute = behaviour.laptop?.ipv4Route === 'none';
    const [dns, secondDns, ntp, closedPort, listeners] = await Promise.all([
      startDnsServer({ answer: labDnsAnswers(addresses, behaviour.dns), latencyMs, tracker }),
      behaviour.dns?.secondResolver === 'refused'
        ? startDnsServer({ answer: () => ({ rcode: 'REFUSED', answers: [] }), latencyMs, tracker })
        : Promise.resolve(null),
      startNtpServer({
        behaviour: {
          mode: behaviour.ntp?.mode ?? 'answer',
          kissCode: behaviour.ntp?.kissCode ?? 'RATE',
          offsetMs: behaviour.ntp?.offsetMs ?? 0,
        },
        latencyMs,
        tracker,
      }),
      needsClosedPort || noRoute ? closedLoopbackPort() : Promise.resolve(0),
      Promise.all(
        [...groups.values()].map(async (endpoints) => {
          const certs = new Map<string, HostCert>();
          for (const e of endpoints) certs.set(e.host, await hostCerts.get(e.host)!);
          const first = endpoints[0]!;
          return startTlsListener({
            protocol: first.protocol,
            logicalPort: first.port,
            certs,
            behaviour,
            latencyMs,
            tracker,
          });
        }),
      ),
    ]);

    const routes = new Map<string, LabDialTarget>();
    const listenerFor = new Map(listeners.map((l) => [`${l.logicalPort}/${l.protocol}`, l]));
    for (const e of profile.endpoints) {
      const ip = addresses.get(e.host)!;
      if (e.protocol === 'ntp') {
        routes.set(routeKey('udp', ip, e.port), { ip: '127.0.0.1', port: ntp.port });
        continue;
      }
      const rule = tcpRule(e.port);
      if (rule === 'refused') routes.set(routeKey('tcp', ip, e.port), { ip: '127.0.0.1', port: closedPort });
      else if (rule === 'dropped') {
        // Points at the closed port too, so a probe that ignores `blackhole` gets REFUSED, never a real service.
        routes.set(routeKey('tcp', ip, e.port), { ip: '127.0.0.1', port: closedPort, blackhole: true });
      } else {
        const l = listenerFor.get(`${e.port}/${e.protocol}`)!;
        routes.set(routeKey('tcp', ip, e.port), { ip: '127.0.0.1', port: l.port });
      }
    }
    if (noRoute) {
      // No default route: nothing beyond the local network is reachable (the resolver is on it). Each
      // route points at the closed port, so a probe that ignores `unreachable` gets REFUSED, never a service.
      for (const key of [...routes.keys()]) {
        routes.set(key, { ip: '127.0.0.1', port: closedPort, unreachable: true });
      }
    }

    const portalServer = await portalListener;
    if (portalServer) {
      // Every name leads here: the portal's web server on 443, nothing (refused) on the other ports.
      for (const e of profile.endpoints) {
        const transport = e.protocol === 'ntp' ? 'udp' : 'tcp';
        routes.set(routeKey(transport, LAB_PORTAL_IP, e.port), { ip: '127.0.0.1', port: closedPort });
      }
      routes.set(routeKey('tcp', LAB_PORTAL_IP, 443), { ip: '127.0.0.1', port: portalServer.port });
    }

    return {
      scenario: scenario.name,
      resolvers:
        behaviour.laptop?.dnsServers === 'none'
          ? []
          : [
              { ip: '127.0.0.1', port: dns.port, source: 'lab' },
              ...(secondDns ? [{ ip: '127.0.0.1', port: secondDns.port, source: 'lab' } as const] : []),
            ],
      publicRoots: [cas.publicRoot.pem],
      privateRoots: [cas.privateRoot.pem],
      dial: dialThrough(routes),
      routes,
      environment: {
        proxy: { ...(behaviour.proxy ?? {}) },
        ipv4DefaultRoute:
          behaviour.laptop?.ipv4Route === 'none'
            ? null
            : behaviour.laptop?.ipv4Route === 'unknown'
              ? undefined
              : { interface: 'lab0', gateway: '192.0.2.1' },
        routeSource:
          behaviour.laptop?.ipv4Route === 'unknown'
            ? `lab scenario ${scenario.name} (simulated: the routing table could not be read)`
            : `lab scenario ${scenario.name} (simulated)`,
      },
      clockOffsetMs: behaviour.ntp?.offsetMs ?? 0,
      close: () => tracker.close(),
    };
  } catch (err) {
    await tracker.close();
    throw err;
  }
}
