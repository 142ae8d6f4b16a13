import type { ProbeResult } from '../core/errors.js';
import type { ResolverAddr } from '../core/context.js';
import type { WifiScan } from '../platform/wifi/types.js';
import type { MessageKey, Vars } from '../i18n/index.js';
import type { DhcpFacts, DhcpFactsRequest } from './dhcp/types.js';

/**
 * What the checks may ask the network. `createProbes(ctx)` binds these to a site context: it maps
 * logical destinations through `ctx.dial`, asks `ctx.guard`, and ties every call to the run's signal.
 * A test gives a check a plain object of this shape instead: no module mocking.
 *
 * Every method takes `timeoutMs` (the check's budget for this exchange) and never throws.
 */
export interface Probes extends PlatformProbes {
  dns(q: {
    name: string;
    type: 'A' | 'AAAA';
    server: ResolverAddr;
    timeoutMs: number;
  }): Promise<ProbeResult<DnsAnswer>>;
  osLookup(q: { name: string; timeoutMs: number }): Promise<ProbeResult<{ addresses: string[] }>>;
  ntp(q: { ip: string; port: number; timeoutMs: number }): Promise<ProbeResult<SntpSample>>;
  tcp(q: TcpProbeRequest): Promise<ProbeResult<TcpInfo>>;
  tls(q: TlsProbeRequest): Promise<ProbeResult<TlsInfo>>;
  https(q: HttpsProbeRequest): Promise<ProbeResult<HttpsInfo>>;
  mqtt(q: MqttProbeRequest): Promise<ProbeResult<MqttInfo>>;
  /**
   * Closes the connections the checks left for each other (`keepAs`) and nobody took; the runner
   * calls it when the run is over. Optional: fake probes keep nothing.
   */
  release?(): void;
}

/**
 * Hand-off keys (src/probes/handoff.ts): `keepAs` leaves the connection of a successful exchange for
 * the next check of the same endpoint, which passes the same key as `reuse`. A connection that is not
 * there or no longer fresh is simply dialled anew, so a key never changes what is measured.
 */
export interface Handoff {
  keepAs?: string;
  reuse?: string;
}

export interface TcpProbeRequest extends Pick<Handoff, 'keepAs'> {
  ip: string;
  port: number;
  timeoutMs: number;
}

export interface DnsRecord {
  name: string;
  type: string;
  ttl: number;
  /** Address for A/AAAA, target name for CNAME, text otherwise. */
  data: string;
}

export interface DnsAnswer {
  /** `ip:port` of the resolver that answered. */
  server: string;
  rcode: string; // NOERROR, NXDOMAIN, SERVFAIL, REFUSED ...
  answers: DnsRecord[];
  /** Names followed from the question to the final name, question first. */
  cnameChain: string[];
  /** Addresses of the requested type at the end of the chain. */
  addresses: string[];
  /** The UDP answer was truncated and the query was repeated over TCP. */
  viaTcp: boolean;
  authoritative: boolean;
}

/** RFC 5905 on-wire quantities, all in ms, plus the header fields a client must validate. */
export interface SntpSample {
  server: string;
  stratum: number;
  leap: number;
  version: number;
  /** Reference id: for stratum 1 an ASCII source, else an IPv4 address. */
  refId: string;
  /** Server time minus local time, ms (theta). Positive: the laptop is behind. */
  offsetMs: number;
  /** Round-trip delay, ms (delta). */
  delayMs: number;
  /** Server's transmit time, ISO string. */
  serverTime: string;
  rootDelayMs: number;
  rootDispersionMs: number;
  /** Kiss-o'-death code (RATE, DENY, RSTR ...) when stratum 0; then the other numbers are meaningless. */
  kissCode: string | null;
  /**
   * Why the server is not synchronised itself (RFC 5905: leap indicator 3 "alarm", stratum 16, or stratum 0
   * with reference INIT/STEP), else null/absent. Its time is then no time to set a clock by: the numbers
   * are zero.
   */
  unsynchronised?: string | null;
}

export interface TcpInfo {
  /** `ip:port` actually connected. */
  remote: string;
  local: string;
}

export interface TlsProbeRequest extends Handoff {
  ip: string;
  port: number;
  servername: string;
  /** PEM roots the chain is verified against; empty = verify against nothing (evidence only). */
  ca: readonly string[];
  minVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  maxVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  /** OpenSSL cipher string; a diagnostic attempt at old versions lowers the security level. */
  ciphers?: string;
  alpn?: string[];
  timeoutMs: number;
}

export interface CertInfo {
  subject: { CN?: string; O?: string; OU?: string };
  issuer: { CN?: string; O?: string; OU?: string };
  subjectAltNames: string[];
  validFrom: string; // ISO
  validTo: string; // ISO
  serialNumber: string;
  fingerprint256: string;
  isCA: boolean;
  selfSigned: boolean;
  /** Authority Information Access "CA Issuers" URLs: where the issuer's certificate can be fetched. */
  caIssuers?: string[];
}

export interface TlsInfo {
  protocol: string; // TLSv1.2, TLSv1.3
  cipher: string;
  alpn: string | null;
  /** The chain verified against the given roots and the name matched. */
  authorized: boolean;
  /** OpenSSL/Node code when not authorized: CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID ... */
  authorizationError: string | null;
  /** Peer chain as sent/built, leaf first. */
  chain: CertInfo[];
}

export interface HttpsProbeRequest extends Pick<Handoff, 'reuse'> {
  ip: string;
  port: number;
  servername: string;
  path: string;
  ca: readonly string[];
  /** Verify the chain (true unless the trust is private: then the TLS check already judged it). */
  verify: boolean;
  timeoutMs: number;
}

export interface HttpsInfo {
  status: number;
  /** Location header, absolute, when a redirect. */
  location: string | null;
  contentType: string | null;
  /** First bytes of the body as text (control characters removed), at most 512. */
  bodySnippet: string;
  /** Headers that matter for diagnosis (server, via, proxy-*), sanitised. */
  headers: Record<string, string>;
}

export interface MqttProbeRequest extends Pick<Handoff, 'reuse'> {
  ip: string;
  port: number;
  servername: string;
  ca: readonly string[];
  verify: boolean;
  /** A random probe id, never a real charger's. */
  clientId: string;
  timeoutMs: number;
}

export interface MqttInfo {
  /** MQTT 3.1.1 CONNACK return code: 0 accepted, 4 bad user/password, 5 not authorized ... */
  returnCode: number;
  sessionPresent: boolean;
}

/**
 * Platform probes (Wi-Fi scan, DHCP/lease facts) are added by their own modules; a site context that
 * cannot provide them (no adapter, the lab without a recorded scan) leaves them out and the checks skip.
 */
export interface PlatformProbes {
  /** Implemented in src/platform (Wi-Fi issue). */
  wifiScan?(q: { timeoutMs: number }): Promise<ProbeResult<WifiScan>>;
  /** Lease, routes, neighbour table; sweep and DHCPDISCOVER on request. See src/probes/dhcp/facts.ts. */
  dhcpFacts?(q: DhcpFactsRequest): Promise<ProbeResult<DhcpFacts>>;
}

/** Why a scan could not be made; the wifi check turns these into a skip. */
export type WifiScanUnavailable =
  'NO_SCANNER' | 'NO_ADAPTER' | 'DENIED' | 'WIFI_OFF' | 'EMPTY' | 'BAD_FILE' | 'TIMEOUT';

export interface WifiScanFailureCause {
  reason: WifiScanUnavailable;
  /** A command that would work, for the user to run (English). */
  hint: string;
  /** Commands tried and what each said. */
  tried: string[];
  /** The catalogue message behind the error message and the hint, so a caller can say them in its language. */
  text?: { message: Msg; hint: Msg };
}

/** A catalogue key with its variables: the probe stays language-neutral, callers translate. */
export interface Msg {
  key: MessageKey;
  vars?: Vars;
}
