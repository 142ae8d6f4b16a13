import type { CertName } from './ca.js';

/**
 * The lab's named fault scenarios, as data. Each one says what the simulated network does (`behaviour`,
 * read by the lab servers), in one line for people (`network`), what zapcheck should conclude
 * (`verdict`), and the results a run of the zaptec-pro profile must produce (`expect`).
 *
 * Host names in `behaviour` are the zaptec-pro hosts; with another profile a rule naming a host the
 * profile does not have has no effect, while port rules (443, 8883, 123) apply to every host.
 */

export interface ExpectedResult {
  /** Check id: dns:<host>, ntp:<host>:123, tcp|tls|https:<host>:<port>, mqtt:<host>:8883, env:route, env:proxy. */
  id: string;
  status: 'pass' | 'warn' | 'fail' | 'skip' | 'error';
  /** Result cause; 'OK' on pass, 'SKIPPED' for a dependent of a failed check. */
  cause: string;
}

/** A host's certificate in a scenario. Default: valid, from the lab public root (or the private root for trust 'private'). */
export type CertPlan =
  | { kind: 'expired' }
  | { kind: 'not-yet-valid' }
  /** Valid, from the expected root, but for another name. */
  | { kind: 'wrong-host'; name: string }
  /** A self-signed leaf (no CA above it). */
  | { kind: 'self-signed' }
  /** A valid leaf under an intermediate CA that expired yesterday (the server sends both). */
  | { kind: 'expired-intermediate' }
  /** A valid leaf (with an AIA CA Issuers URL, as public CAs issue them) sent without its intermediate. */
  | { kind: 'leaf-only' };

export type TlsVersionName = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the simulated network does. Every field is optional: absent means "works like the real thing". */
export interface LabBehaviour {
  dns?: {
    /** answer: a working resolver; servfail: SERVFAIL to every query; silent: never answers (UDP or TCP). */
    mode?: 'answer' | 'servfail' | 'silent';
    /** Names answered NXDOMAIN: exact names or `*.suffix` (a block list). */
    nxdomain?: string[];
    /** Names answered with this IPv4 address instead of their lab address (sinkhole, split horizon). */
    aOverride?: Record<string, string>;
    /**
     * A captive portal that hijacks DNS: every name, existing or not, is answered with the lab's portal
     * address (LAB_PORTAL_IP), where a web server with a certificate for the portal's own name answers
     * 443 with a redirect to its login page; 8883 and 123 are refused there.
     */
    hijackAll?: boolean;
    /** Names that exist over IPv6 only: A gets NOERROR with no record, AAAA an address (2001:db8::/32). */
    aaaaOnly?: string[];
    /** DHCP hands out a second DNS server, after the lab's, which answers REFUSED to every query. */
    secondResolver?: 'refused';
  };
  ntp?: {
    /**
     * answer: RFC 5905 server reply; silent: UDP 123 dropped; kod: kiss-o'-death with `kissCode`;
     * unsynchronised: a reply with leap indicator 3 and stratum 16 (a time server with no upstream);
     * zero-transmit: a reply that echoes the request but carries no time (transmit timestamp zero).
     */
    mode?: 'answer' | 'silent' | 'kod' | 'unsynchronised' | 'zero-transmit';
    kissCode?: string;
    /** Lab NTP time minus real time, ms. */
    offsetMs?: number;
  };
  /** TCP by logical port ('*' = every port): refused (RST from a closed port) or dropped (blackhole). */
  tcp?: Partial<Record<number | '*', 'refused' | 'dropped'>>;
  tls?: {
    /** A TLS-inspecting firewall: a CA of this name re-signs every host (including private-trust ones). */
    interceptor?: CertName;
    /** Per host certificate fault. */
    certs?: Record<string, CertPlan>;
    /** Per logical port: the versions (and ciphers) the server accepts. Default TLS 1.2-1.3. */
    versions?: Partial<Record<number, { min: TlsVersionName; max: TlsVersionName; ciphers?: string }>>;
    /** A filter that swallows every TLS connection whose ClientHello names this host (SNI), never answering. */
    sniDrop?: string;
    /** A path-MTU black hole: server packets (written chunks) over this many bytes are lost, and all after. */
    pathMtu?: number;
    /**
     * Per logical port, a firewall that lets TCP connect and stops TLS at the ClientHello: `alert` answers
     * it with a fatal TLS alert (access_denied) and closes; `reset` resets the connection (TCP RST).
     */
    refuse?: Partial<Record<number, 'alert' | 'reset'>>;
  };
  /** What every HTTPS endpoint answers to any request. Default 200 "zapcheck lab". */
  https?: HttpAnswer;
  /**
   * The 443 servers complete TLS, then: `silent` never answer the request; `not-http` answer with
   * bytes that are not HTTP (another service behind 443, e.g. an SSH server multiplexed on it).
   */
  httpsServer?: 'silent' | 'not-http';
  /** connack: CONNACK 5 (not authorized) then close, like Azure IoT Hub without valid credentials; junk: non-MQTT bytes. */
  mqtt?: { mode: 'connack' | 'junk' };
  /** Proxy variables of the simulated laptop (redacted form, as the real context reports them). */
  proxy?: Record<string, string>;
  /** The simulated laptop's own network facts (what the real context reads from the OS). */
  laptop?: {
    /**
     * none: DHCP gave an address and a DNS server on the local network but no router, so no IPv4 default
     * route: every destination beyond the local network is unreachable (ENETUNREACH), the resolver is not.
     * unknown: the routing table could not be read.
     */
    ipv4Route?: 'none' | 'unknown';
    /** none: DHCP handed out no DNS server. */
    dnsServers?: 'none';
  };
}

export interface LabScenario {
  name: string;
  /** What the network does, one line. */
  network: string;
  /** What zapcheck says about it, one line. */
  verdict: string;
  /**
   * For the zaptec-pro profile, run with the default options (the MQTT CONNECT is sent): the results
   * this scenario changes (dependents of a failed check listed as skipped); every other check passes
   * with cause OK.
   */
  expect: ExpectedResult[];
  behaviour: LabBehaviour;
}

// The zaptec-pro profile, for the expectations below.
const NTP_HOST = 'no.pool.ntp.org';
const HUB = 'zapcloud.azure-devices.net';
const API_AZ = 'zapcloud-api.azurewebsites.net';
const DEVICES = 'devices.zaptec.com';
const API = 'api.zaptec.com';
const HTTPS_HOSTS = [API_AZ, DEVICES, API] as const;
const TLS_HOSTS = [HUB, ...HTTPS_HOSTS] as const;
const ALL_HOSTS = [NTP_HOST, ...TLS_HOSTS] as const;

const skip = (id: string): ExpectedResult => ({ id, status: 'skip', cause: 'SKIPPED' });
const fail = (id: string, cause: string): ExpectedResult => ({ id, status: 'fail', cause });

/** The checks that need TLS to a host: https for 443 endpoints, mqtt for the hub. */
function afterTls(host: string): ExpectedResult[] {
  return host === HUB ? [skip(`mqtt:${HUB}:8883`)] : [skip(`https:${host}:443`)];
}
function portOf(host: string): number {
  return host === HUB ? 8883 : 443;
}
/** A DNS failure of `host` and everything that needed its address, skipped. */
function dnsFails(host: string, cause: string): ExpectedResult[] {
  if (host === NTP_HOST) return [fail(`dns:${host}`, cause), skip(`ntp:${host}:123`)];
  const port = portOf(host);
  return [
    fail(`dns:${host}`, cause),
    skip(`tcp:${host}:${port}`),
    skip(`tls:${host}:${port}`),
    ...afterTls(host),
  ];
}
function tcpFails(host: string, cause: string): ExpectedResult[] {
  const port = portOf(host);
  return [fail(`tcp:${host}:${port}`, cause), skip(`tls:${host}:${port}`), ...afterTls(host)];
}
function tlsFails(host: string, cause: string): ExpectedResult[] {
  return [fail(`tls:${host}:${portOf(host)}`, cause), ...afterTls(host)];
}

const warn = (id: string, cause: string): ExpectedResult => ({ id, status: 'warn', cause });

const CAPTIVE_LOCATION = 'http://login.captive.example/';
/** The address dns-outside-lab answers (TEST-NET-3, RFC 5737): outside the lab, so nothing may reach it. */
export const LAB_OUTSIDE_IP = '203.0.113.80';
/** The portal of dns-hijack-portal: its address (TEST-NET-2, outside the hosts' .10-.249) and name. */
export const LAB_PORTAL_IP = '198.51.100.250';
export const LAB_PORTAL_NAME = 'login.captive.example';
export const LAB_PORTAL_ANSWER: HttpAnswer = {
  status: 302,
  headers: { location: CAPTIVE_LOCATION, 'content-type': 'text/html' },
  body: `<html><body><a href="${CAPTIVE_LOCATION}">Log in to continue</a></body></html>`,
};
/** The subject CN of the lab's expired intermediate (tls-expired-intermediate). */
export const EXPIRED_CA = 'Zaptec Lab Public TLS CA 0';

export const LAB_SCENARIOS: readonly LabScenario[] = [
  {
    name: 'healthy',
    network: 'everything works: DNS, NTP, TCP 443/8883, valid TLS, HTTP 200, MQTT CONNACK 5 to a probe',
    verdict: 'ready: every check passes',
    expect: [],
    behaviour: {},
  },
  {
    name: 'dns-nxdomain',
    network: `the resolver answers NXDOMAIN for ${API}`,
    verdict: `not ready: ${API} does not resolve (DNS_NXDOMAIN); its TCP/TLS/HTTPS checks are skipped`,
    expect: dnsFails(API, 'DNS_NXDOMAIN'),
    behaviour: { dns: { nxdomain: [API] } },
  },
  {
    name: 'dns-sinkhole',
    network: `the resolver answers ${HUB} with 0.0.0.0 (a sinkhole)`,
    verdict: `not ready: ${HUB} is sinkholed (DNS_SINKHOLE); TCP/TLS to it skipped`,
    expect: dnsFails(HUB, 'DNS_SINKHOLE'),
    behaviour: { dns: { aOverride: { [HUB]: '0.0.0.0' } } },
  },
  {
    name: 'dns-servfail',
    network: 'the resolver answers SERVFAIL to every query',
    verdict: 'not ready: no host resolves (DNS_SERVFAIL); everything after DNS is skipped',
    expect: ALL_HOSTS.flatMap((h) => dnsFails(h, 'DNS_SERVFAIL')),
    behaviour: { dns: { mode: 'servfail' } },
  },
  {
    name: 'dns-timeout',
    network: 'the resolver never answers (UDP and TCP 53 swallowed)',
    verdict: 'not ready: DNS times out for every host (DNS_TIMEOUT); everything after DNS is skipped',
    expect: ALL_HOSTS.flatMap((h) => dnsFails(h, 'DNS_TIMEOUT')),
    behaviour: { dns: { mode: 'silent' } },
  },
  {
    name: 'dns-filtered',
    network: 'a DNS block list catches *.azure-devices.net (NXDOMAIN for it, other names resolve)',
    verdict: `not ready: ${HUB} does not resolve (DNS_NXDOMAIN; the advice mentions block lists)`,
    expect: dnsFails(HUB, 'DNS_NXDOMAIN'),
    behaviour: { dns: { nxdomain: ['*.azure-devices.net'] } },
  },
  {
    name: 'dns-private-answer',
    network: `the resolver answers ${API} with 10.20.30.40 (split horizon / DNS rebinding protection)`,
    verdict: `not ready: ${API} resolves to a private address (DNS_SINKHOLE)`,
    expect: dnsFails(API, 'DNS_SINKHOLE'),
    behaviour: { dns: { aOverride: { [API]: '10.20.30.40' } } },
  },
  {
    name: 'dns-hijack-portal',
    network: `a captive portal answers every DNS name, even made-up ones, with ${LAB_PORTAL_IP}, where a certificate for ${LAB_PORTAL_NAME} and a redirect to its login page answer`,
    verdict:
      'not ready: a captive portal or DNS redirect (DNS_HIJACK), said once with one piece of advice; everything after DNS is skipped',
    expect: ALL_HOSTS.flatMap((h) => dnsFails(h, 'DNS_HIJACK')),
    behaviour: { dns: { hijackAll: true } },
  },
  {
    name: 'dns-ipv6-only',
    network: `${API} exists in DNS with an IPv6 address (AAAA) only, no IPv4 address (A)`,
    verdict: `not ready: ${API} has no IPv4 address for the IPv4-only charger (DNS_NO_IPV4); its TCP/TLS/HTTPS checks are skipped`,
    expect: dnsFails(API, 'DNS_NO_IPV4'),
    behaviour: { dns: { aaaaOnly: [API] } },
  },
  {
    name: 'dns-second-refused',
    network: 'DHCP hands out two DNS servers; the second one refuses every query (REFUSED)',
    verdict:
      'ready with warnings: every host resolves through the first DNS server, the second refuses (DNS_PARTIAL)',
    expect: ALL_HOSTS.map((h) => warn(`dns:${h}`, 'DNS_PARTIAL')),
    behaviour: { dns: { secondResolver: 'refused' } },
  },
  {
    name: 'dhcp-no-dns',
    network: 'DHCP gives the laptop an address and a router but no DNS server',
    verdict: 'not ready: no DNS server to ask (DNS_NO_RESOLVER); everything after DNS is skipped',
    expect: ALL_HOSTS.flatMap((h) => dnsFails(h, 'DNS_NO_RESOLVER')),
    behaviour: { laptop: { dnsServers: 'none' } },
  },
  {
    name: 'dhcp-no-router',
    network:
      'DHCP gives an address and a local DNS server but no router: no IPv4 default route, nothing beyond the local network is reachable',
    verdict:
      'not ready: no IPv4 route (ENV_NO_IPV4); TCP to all four endpoints unreachable (TCP_UNREACHABLE); no NTP reply (NTP_NO_REPLY)',
    expect: [
      fail('env:route', 'ENV_NO_IPV4'),
      fail(`ntp:${NTP_HOST}:123`, 'NTP_NO_REPLY'),
      ...TLS_HOSTS.flatMap((h) => tcpFails(h, 'TCP_UNREACHABLE')),
    ],
    behaviour: { laptop: { ipv4Route: 'none' } },
  },
  {
    name: 'route-unreadable',
    network: "the laptop's routing table cannot be read; the network itself works",
    verdict: 'ready, with the IPv4 route not checked (ENV_UNKNOWN); every network check passes',
    expect: [{ id: 'env:route', status: 'skip', cause: 'ENV_UNKNOWN' }],
    behaviour: { laptop: { ipv4Route: 'unknown' } },
  },
  {
    name: 'dns-outside-lab',
    network: `the resolver answers ${API} with ${LAB_OUTSIDE_IP}, an address outside the lab`,
    verdict: `zapcheck's safety guard refuses to contact ${LAB_OUTSIDE_IP}:443 and sends nothing (GUARD_BLOCKED, exit 3); TLS/HTTPS to ${API} skipped`,
    expect: [
      { id: `tcp:${API}:443`, status: 'error', cause: 'GUARD_BLOCKED' },
      skip(`tls:${API}:443`),
      skip(`https:${API}:443`),
    ],
    behaviour: { dns: { aOverride: { [API]: LAB_OUTSIDE_IP } } },
  },
  {
    name: 'ntp-blocked',
    network: 'UDP 123 is dropped: the NTP server never answers',
    verdict: `not ready: no NTP reply from ${NTP_HOST} (NTP_NO_REPLY)`,
    expect: [fail(`ntp:${NTP_HOST}:123`, 'NTP_NO_REPLY')],
    behaviour: { ntp: { mode: 'silent' } },
  },
  {
    name: 'ntp-kod',
    network: "the NTP server answers with a kiss-o'-death RATE packet (stratum 0)",
    verdict: `not ready: ${NTP_HOST} refuses to serve time (NTP_KOD)`,
    expect: [fail(`ntp:${NTP_HOST}:123`, 'NTP_KOD')],
    behaviour: { ntp: { mode: 'kod', kissCode: 'RATE' } },
  },
  {
    name: 'ntp-unsynchronised',
    network: 'a local time server answers NTP but is not synchronised itself (leap indicator 3, stratum 16)',
    verdict: `not ready: the time server answering for ${NTP_HOST} is not synchronised (NTP_UNSYNCHRONISED)`,
    expect: [fail(`ntp:${NTP_HOST}:123`, 'NTP_UNSYNCHRONISED')],
    behaviour: { ntp: { mode: 'unsynchronised' } },
  },
  {
    name: 'ntp-bad-reply',
    network: 'the NTP server answers, but its reply carries no time (transmit timestamp zero)',
    verdict: `not ready: the NTP reply from ${NTP_HOST} is not valid (NTP_BAD_REPLY)`,
    expect: [fail(`ntp:${NTP_HOST}:123`, 'NTP_BAD_REPLY')],
    behaviour: { ntp: { mode: 'zero-transmit' } },
  },
  {
    name: 'clock-skew',
    network: "NTP time is 10 minutes ahead of the laptop's clock",
    verdict: 'not ready: the clock is 10 min off (CLOCK_SKEW; the IoT Hub refuses tokens over 5 min off)',
    expect: [fail(`ntp:${NTP_HOST}:123`, 'CLOCK_SKEW')],
    behaviour: { ntp: { offsetMs: 10 * 60_000 } },
  },
  {
    name: 'tcp-8883-refused',
    network: 'TCP 8883 is actively refused (RST from a closed port)',
    verdict: `not ready: ${HUB}:8883 refused (TCP_REFUSED); TLS and MQTT skipped`,
    expect: tcpFails(HUB, 'TCP_REFUSED'),
    behaviour: { tcp: { 8883: 'refused' } },
  },
  {
    name: 'tcp-8883-dropped',
    network: 'TCP 8883 is silently dropped (no answer at all)',
    verdict: `not ready: ${HUB}:8883 dropped (TCP_DROPPED); TLS and MQTT skipped`,
    expect: tcpFails(HUB, 'TCP_DROPPED'),
    behaviour: { tcp: { 8883: 'dropped' } },
  },
  {
    name: 'tcp-443-dropped',
    network: 'TCP 443 is silently dropped for every host',
    verdict: 'not ready: the three HTTPS hosts are dropped on 443 (TCP_DROPPED)',
    expect: HTTPS_HOSTS.flatMap((h) => tcpFails(h, 'TCP_DROPPED')),
    behaviour: { tcp: { 443: 'dropped' } },
  },
  {
    name: 'tcp-all-dropped',
    network: 'every outbound TCP connection is silently dropped (DNS and NTP still work)',
    verdict: 'not ready: all four TCP endpoints are dropped (TCP_DROPPED)',
    expect: TLS_HOSTS.flatMap((h) => tcpFails(h, 'TCP_DROPPED')),
    behaviour: { tcp: { '*': 'dropped' } },
  },
  {
    name: 'tls-intercepted',
    network: "a firewall re-signs every TLS connection with its own CA (O 'Fortinet', CN 'FortiGate CA')",
    verdict:
      'not ready: TLS inspection by Fortinet FortiGate on all four hosts (TLS_INTERCEPTED); HTTPS skipped',
    expect: TLS_HOSTS.flatMap((h) => tlsFails(h, 'TLS_INTERCEPTED')),
    behaviour: {
      tls: { interceptor: { C: 'US', O: 'Fortinet', OU: 'Certificate Authority', CN: 'FortiGate CA' } },
    },
  },
  {
    name: 'tls-expired',
    network: `${HUB}:8883 serves a certificate from the lab public root that expired yesterday`,
    verdict: `not ready: ${HUB} certificate expired (TLS_EXPIRED)`,
    expect: tlsFails(HUB, 'TLS_EXPIRED'),
    behaviour: { tls: { certs: { [HUB]: { kind: 'expired' } } } },
  },
  {
    name: 'tls-not-yet-valid',
    network: `${HUB}:8883 serves a certificate whose notBefore is tomorrow`,
    verdict: `not ready: ${HUB} certificate not yet valid (TLS_NOT_YET_VALID; check the laptop clock too)`,
    expect: tlsFails(HUB, 'TLS_NOT_YET_VALID'),
    behaviour: { tls: { certs: { [HUB]: { kind: 'not-yet-valid' } } } },
  },
  {
    name: 'tls-expired-intermediate',
    network: `${HUB}:8883 serves a valid certificate under an intermediate CA that expired yesterday`,
    verdict: `not ready: the intermediate '${EXPIRED_CA}' expired, named with its own date (TLS_EXPIRED)`,
    expect: tlsFails(HUB, 'TLS_EXPIRED'),
    behaviour: { tls: { certs: { [HUB]: { kind: 'expired-intermediate' } } } },
  },
  {
    name: 'tls-leaf-only',
    network: `${API}:443 sends only its own certificate, not the intermediate that signed it`,
    verdict: `not ready: ${API} does not send its intermediate certificate (TLS_CHAIN_INCOMPLETE; a fix for its server)`,
    expect: tlsFails(API, 'TLS_CHAIN_INCOMPLETE'),
    behaviour: { tls: { certs: { [API]: { kind: 'leaf-only' } } } },
  },
  {
    name: 'tls-wrong-host',
    network: `${API}:443 serves a valid public certificate for www.example.net`,
    verdict: `not ready: ${API} certificate is for another name (TLS_NAME_MISMATCH)`,
    expect: tlsFails(API, 'TLS_NAME_MISMATCH'),
    behaviour: { tls: { certs: { [API]: { kind: 'wrong-host', name: 'www.example.net' } } } },
  },
  {
    name: 'tls-self-signed',
    network: `${API}:443 serves a self-signed certificate`,
    verdict: `not ready: ${API} certificate is not trusted (TLS_UNTRUSTED)`,
    expect: tlsFails(API, 'TLS_UNTRUSTED'),
    behaviour: { tls: { certs: { [API]: { kind: 'self-signed' } } } },
  },
  {
    name: 'tls-1.3-only',
    network: 'the 8883 server accepts only TLS 1.3 (the charger speaks TLS 1.2)',
    verdict: `not ready: ${HUB}:8883 refuses TLS 1.2 (TLS_VERSION)`,
    expect: tlsFails(HUB, 'TLS_VERSION'),
    behaviour: { tls: { versions: { 8883: { min: 'TLSv1.3', max: 'TLSv1.3' } } } },
  },
  {
    name: 'tls-1.0-only',
    network: 'the 8883 server accepts only TLS 1.0 (a firewall forcing an old version)',
    verdict: `not ready: ${HUB}:8883 offers only TLS 1.0 (TLS_VERSION)`,
    expect: tlsFails(HUB, 'TLS_VERSION'),
    behaviour: {
      tls: { versions: { 8883: { min: 'TLSv1', max: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' } } },
    },
  },
  {
    name: 'tls-sni-filtered',
    network: `a filter swallows every TLS ClientHello that names ${HUB} (SNI): TCP 8883 connects, nothing comes back`,
    verdict: `not ready: TLS to ${HUB}:8883 gets nothing back after the ClientHello, a filter on the name (TLS_STALLED_SNI)`,
    expect: tlsFails(HUB, 'TLS_STALLED_SNI'),
    behaviour: { tls: { sniDrop: HUB } },
  },
  {
    name: 'tls-mtu-blackhole',
    network:
      'server packets over 600 bytes are lost on the way back (ICMP "fragmentation needed" blocked): every TLS certificate flight',
    verdict:
      'not ready: a path-MTU black hole stalls TLS to all four hosts (TLS_STALLED_MTU); HTTPS and MQTT skipped',
    expect: TLS_HOSTS.flatMap((h) => tlsFails(h, 'TLS_STALLED_MTU')),
    behaviour: { tls: { pathMtu: 600 } },
  },
  {
    name: 'tls-alert',
    network:
      'a firewall lets TCP 8883 connect, then answers the TLS ClientHello with a fatal TLS alert (access denied)',
    verdict: `not ready: the TLS handshake with ${HUB}:8883 fails (TLS_HANDSHAKE); MQTT skipped`,
    expect: tlsFails(HUB, 'TLS_HANDSHAKE'),
    behaviour: { tls: { refuse: { 8883: 'alert' } } },
  },
  {
    name: 'tls-reset',
    network:
      'a firewall lets TCP 8883 connect, then resets the connection (TCP RST) when the TLS ClientHello passes',
    verdict: `not ready: the connection to ${HUB}:8883 is cut when TLS starts (TLS_RESET); MQTT skipped`,
    expect: tlsFails(HUB, 'TLS_RESET'),
    behaviour: { tls: { refuse: { 8883: 'reset' } } },
  },
  {
    name: 'https-captive-portal',
    network: `every 443 host answers 302 to ${CAPTIVE_LOCATION} (valid TLS)`,
    verdict: 'not ready: a captive portal answers for the HTTPS hosts (HTTP_CAPTIVE_PORTAL)',
    expect: HTTPS_HOSTS.map((h) => fail(`https:${h}:443`, 'HTTP_CAPTIVE_PORTAL')),
    behaviour: {
      https: {
        status: 302,
        headers: { location: CAPTIVE_LOCATION, 'content-type': 'text/html' },
        body: `<html><body><a href="${CAPTIVE_LOCATION}">Log in to continue</a></body></html>`,
      },
    },
  },
  {
    name: 'https-proxy-required',
    network: 'every 443 host answers 407 Proxy Authentication Required; HTTPS_PROXY is set on the laptop',
    verdict:
      'not ready: the site needs a proxy, which the charger cannot use (HTTP_PROXY_REQUIRED, ENV_PROXY)',
    expect: [
      ...HTTPS_HOSTS.map((h) => fail(`https:${h}:443`, 'HTTP_PROXY_REQUIRED')),
      // warn, as src/checks/env.ts rates it: a proxy variable on the laptop is a sign, not proof; the
      // fail is carried by the 407s (HTTP_PROXY_REQUIRED).
      { id: 'env:proxy', status: 'warn', cause: 'ENV_PROXY' },
    ],
    behaviour: {
      https: {
        status: 407,
        headers: {
          'proxy-authenticate': 'Basic realm="proxy.example"',
          'content-type': 'text/html',
          via: '1.1 proxy.example',
        },
        body: '<html><body>Proxy Authentication Required</body></html>',
      },
      proxy: { HTTPS_PROXY: 'http://proxy.example:3128' },
    },
  },
  {
    name: 'https-not-http',
    network:
      'every 443 host completes TLS, then answers the request with bytes that are not HTTP (another service on 443)',
    verdict: 'not ready: the HTTP answer of the three HTTPS hosts is broken (HTTP_BAD_RESPONSE); TLS passes',
    expect: HTTPS_HOSTS.map((h) => fail(`https:${h}:443`, 'HTTP_BAD_RESPONSE')),
    behaviour: { httpsServer: 'not-http' },
  },
  {
    name: 'https-silent',
    network: 'every 443 host completes TLS, then never answers the HTTP request',
    verdict:
      'not ready: no HTTP answer from the three HTTPS hosts within the time limit (HTTP_NO_ANSWER); TLS passes',
    expect: HTTPS_HOSTS.map((h) => fail(`https:${h}:443`, 'HTTP_NO_ANSWER')),
    behaviour: { httpsServer: 'silent' },
  },
  {
    name: 'mqtt-not-mqtt',
    network: '8883 completes TLS but answers an MQTT CONNECT with non-MQTT bytes',
    verdict: `not ready: no CONNACK from ${HUB} (MQTT_NO_CONNACK); TLS passes`,
    expect: [fail(`mqtt:${HUB}:8883`, 'MQTT_NO_CONNACK')],
    behaviour: { mqtt: { mode: 'junk' } },
  },
];

export function findScenario(name: string): LabScenario | undefined {
  return LAB_SCENARIOS.find((s) => s.name === name);
}

export const DEFAULT_SCENARIO = 'healthy';
