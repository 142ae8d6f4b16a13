import type { Ipv4Range } from '../../core/ipv4.js';
import type { OfferFields } from './codec.js';
import type { Neighbour, NetworkFacts } from '../../platform/net/types.js';

/** What the `dhcpFacts` probe is asked for: passive facts always; a sweep and a DISCOVER only on request. */
export interface DhcpFactsRequest {
  timeoutMs: number;
  /** Interface to look at; default: the one with the IPv4 default route. */
  interface?: string;
  /** The pool given by the user (parsed by the caller); the sweep covers it (else the subnet). */
  range?: Ipv4Range;
  /** Send one datagram to each address first so the OS resolves neighbours (opt-in: IDS alarm on it). */
  sweep?: boolean;
  /** Broadcast a DHCPDISCOVER and collect every DHCPOFFER (needs root/admin). */
  discover?: boolean;
  /** How long to listen for offers, ms (default 4000, never more than the budget allows). */
  discoverWindowMs?: number;
}

export interface NeighbourReading {
  /** `ip -j neigh show`, `arp -an`, `arp -a`. */
  source: string;
  entries: Neighbour[];
  /** Why the table could not be read; then `entries` is empty. */
  error: string | null;
}

export type SweepReport =
  | { status: 'done'; first: string; last: string; sent: number; ratePerSec: number; ms: number }
  | { status: 'too-large' | 'blocked' | 'no-subnet' | 'failed'; message: string };

/** One server's offer: what the codec read from it (codec.ts OfferFields), and who sent it. */
export interface DhcpOffer extends Omit<OfferFields, 'messageType' | 'serverId'> {
  /** Server identifier (option 54), else the address the offer came from. */
  server: string;
  /** Source address of the UDP datagram (a relay when it differs from `server`). */
  from: string;
}

export type DiscoverReport =
  | {
      status: 'done';
      interface: string;
      /** The random locally administered MAC the DISCOVER carried. */
      clientMac: string;
      windowMs: number;
      /** How many DISCOVERs were sent (one retransmission when nothing came back at first). */
      sent: number;
      offers: DhcpOffer[];
    }
  | { status: 'not-permitted' | 'port-busy' | 'blocked' | 'no-interface' | 'failed'; message: string };

export interface DhcpFacts {
  network: NetworkFacts;
  neighbours: NeighbourReading;
  sweep: SweepReport | null;
  discover: DiscoverReport | null;
}
