import type { Endpoint, Profile } from '../profile/types.js';
import type { Guard, Transport } from './guard.js';
import type { Lang, MessageRef, Translate } from '../i18n/index.js';

/**
 * The site context: everything environment-specific, in one object. Checks and probes read it and
 * never look at the process environment, the OS or the clock on their own. The built-in lab builds
 * one of these too; checks cannot tell the difference.
 */

export interface ResolverAddr {
  ip: string;
  port: number;
  /** Where it came from: the OS configuration (what DHCP gave), the user's --dns-server, or the lab. */
  source: 'os' | 'user' | 'lab';
}

/** What a TLS-speaking check validates a chain against, for one endpoint. */
export interface TrustSpec {
  kind: 'public' | 'private' | 'pem' | 'issuer';
  /** PEM roots to validate against; empty for `private` (a root zapcheck does not have). */
  roots: readonly string[];
  /** For `issuer`: the expected issuer name (substring of CN or O). */
  issuer?: string;
  /** Human label of the root set, for evidence: "Node bundled Mozilla roots", a file name, "lab CA". */
  label: string;
}

export interface Clock {
  /** Wall-clock time, ms since the epoch (the laptop's clock: compared with NTP). */
  now(): number;
  /** Monotonic ms, for durations and deadlines. */
  monotonic(): number;
}

export interface DialTarget {
  /** The address the socket really connects to (the lab maps public addresses onto 127.0.0.1). */
  ip: string;
  port: number;
  /**
   * The lab simulates a dropped destination: nothing is sent, the probe waits out its time limit and
   * reports TIMEOUT exactly as a silently dropped SYN (or UDP datagram) would look.
   */
  blackhole?: boolean;
  /**
   * The lab simulates a destination with no route to it (no default gateway, or ICMP unreachable):
   * nothing is sent, the probe fails at once with UNREACHABLE, as the kernel's ENETUNREACH would.
   */
  unreachable?: boolean;
}

export interface SiteEnvironment {
  /** Proxy variables set for this process (a charger cannot use a proxy). Values are redacted of credentials. */
  proxy: Record<string, string>;
  /** IPv4 default route, when the OS told us; null when there is none; undefined when not known. */
  ipv4DefaultRoute: { interface: string; gateway: string | null } | null | undefined;
  /** How ipv4DefaultRoute was learnt, or why it could not be. */
  routeSource: string;
}

export interface SiteContext {
  mode: 'lab' | 'real';
  labScenario: string | null;
  site: string;
  profile: Profile;
  /** Resolvers queried directly (UDP, TCP on truncation), IPv4 only: the ones the charger gets from DHCP. */
  resolvers: readonly ResolverAddr[];
  /** Also ask the OS resolver (getaddrinfo)? Off in the lab and under a loopback guard. */
  useOsResolver: boolean;
  /** Resolve the trust for an endpoint (public bundle, private root file, expected issuer). */
  trustFor(endpoint: Endpoint): TrustSpec;
  /** Maps a logical destination (resolved public IP, port) to where the socket goes; null = unknown. */
  dial(ip: string, port: number, transport: Exclude<Transport, 'lookup'>): DialTarget | null;
  guard: Guard;
  clock: Clock;
  /** Total time budget of the run, ms. */
  deadlineMs: number;
  /** Monotonic time (clock.monotonic()) at which the run must be over. */
  deadlineAt: number;
  /** Aborts on Ctrl-C or at the deadline. */
  signal: AbortSignal;
  environment: SiteEnvironment;
  options: SiteOptions;
  /** Language of everything a person reads; JSON codes stay language-neutral. */
  lang: Lang;
  /** The run's translator; one that remembers what it rendered lets the runner store keys in results. */
  t: Translate & { messageOf?: (text: string) => MessageRef | undefined };
}

/** Per-run options that checks may read (from the CLI or a sites file). */
export interface SiteOptions {
  mqttConnect: boolean;
  chargers?: number;
  ssid?: string;
  dhcpRange?: string;
  strict: boolean;
  /** Free-form options of later checks (wifi scan file, dhcp sweep...). */
  extra: Record<string, unknown>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};

/** The identity mapping of real mode: a socket goes where DNS said. */
export function directDial(ip: string, port: number): DialTarget {
  return { ip, port };
}
