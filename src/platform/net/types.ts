/**
 * What the laptop already knows about the network it is on, in one shape for every OS. The per-OS
 * parsers (linux.ts, macos.ts, windows.ts, arp.ts) are pure functions of recorded command output;
 * gather.ts runs the commands (through platform/exec.ts) and merges what the parsers found.
 */

/** How the active interface got its IPv4 address. */
export type Addressing = 'dhcp' | 'static' | 'unknown';

export interface LeaseInfo {
  /** ISO 8601; with `Z` when the source gave UTC, without when it gave the laptop's local time. */
  obtained: string | null;
  expires: string | null;
  /** Lease duration in seconds (option 51); 4294967295 = infinite. */
  durationSec: number | null;
}

export interface NetworkFacts {
  os: string;
  /** The interface carrying the IPv4 default route (or the one the user named). */
  interface: string | null;
  address: string | null;
  prefixLength: number | null;
  gateway: string | null;
  addressing: Addressing;
  dhcpServer: string | null;
  lease: LeaseInfo;
  dnsServers: string[];
  /** Which commands and files the facts came from, e.g. `ip -j route`, `/run/systemd/netif/leases/2`. */
  sources: string[];
  /** Plain-language notes on what could not be learnt and why. */
  notes: string[];
}

/** What one source says about the DHCP lease of an interface; every field optional. */
export interface LeaseFacts {
  interface?: string;
  address?: string;
  prefixLength?: number;
  gateway?: string;
  dhcpServer?: string;
  obtained?: string;
  expires?: string;
  durationSec?: number;
  dnsServers?: string[];
  /** The source says DHCP is (true) or is not (false) in use on this interface. */
  dhcp?: boolean;
}

export interface Route {
  /** `default` or a CIDR / host address. */
  dst: string;
  gateway: string | null;
  /** Interface name (Linux, macOS) or, on Windows, the interface's IPv4 address. */
  dev: string | null;
  metric: number | null;
  protocol: string | null;
  /** Preferred source address, when the route names one. */
  src: string | null;
}

export interface Neighbour {
  ip: string;
  /** Lower-case, zero-padded `aa:bb:cc:dd:ee:ff`; null while unresolved. */
  mac: string | null;
  /** Interface name, or on Windows the interface's IPv4 address. */
  interface: string | null;
  /** As the OS says it: REACHABLE, STALE, FAILED, dynamic, static, permanent, incomplete ... */
  state: string;
}

export function emptyFacts(os: string): NetworkFacts {
  return {
    os,
    interface: null,
    address: null,
    prefixLength: null,
    gateway: null,
    addressing: 'unknown',
    dhcpServer: null,
    lease: { obtained: null, expires: null, durationSec: null },
    dnsServers: [],
    sources: [],
    notes: [],
  };
}
