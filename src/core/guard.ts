import ipaddr from 'ipaddr.js';

/**
 * The destination guard of a site context. Every probe asks it before sending a single packet.
 *
 * - `off`: real mode at a site (any destination the profile and resolvers lead to).
 * - `loopback`: only 127.0.0.0/8 and ::1, plus CIDRs named explicitly (test network namespaces).
 *   The built-in lab always runs like this; the test suite sets ZAPCHECK_GUARD=loopback so that no
 *   test, and no CLI subprocess a test starts, can reach a machine outside this one.
 *
 * The guard also records every destination it was asked about, allowed or not, so a test can assert
 * that a run talked to nothing beyond the profile's hosts and the configured resolvers.
 */

export type GuardMode = 'off' | 'loopback';
export type Transport = 'tcp' | 'udp' | 'lookup';

export interface Destination {
  transport: Transport;
  /** IP address, or for `lookup` the name given to the OS resolver. */
  address: string;
  port: number;
  allowed: boolean;
}

export interface Guard {
  readonly mode: GuardMode;
  readonly allowedCidrs: readonly string[];
  /** null when allowed; otherwise the reason, naming the address. Records the attempt either way. */
  refuse(transport: Transport, address: string, port: number): string | null;
  readonly destinations: readonly Destination[];
}

function parseCidrs(list: readonly string[]): [ipaddr.IPv4 | ipaddr.IPv6, number][] {
  return list.map((c) => {
    try {
      return ipaddr.parseCIDR(c.includes('/') ? c : `${c}/${c.includes(':') ? 128 : 32}`);
    } catch {
      throw new Error(`guard: not a CIDR: ${JSON.stringify(c)}`);
    }
  });
}

export function isLoopback(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let addr = ipaddr.parse(address);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  }
  return addr.range() === 'loopback';
}

export function createGuard(mode: GuardMode, allow: readonly string[] = []): Guard {
  const cidrs = parseCidrs(allow);
  const destinations: Destination[] = [];
  const inAllowList = (address: string): boolean => {
    if (!ipaddr.isValid(address)) return false;
    const addr = ipaddr.process(address);
    return cidrs.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits));
  };
  return {
    mode,
    allowedCidrs: allow,
    destinations,
    refuse(transport, address, port) {
      let reason: string | null = null;
      if (mode === 'loopback') {
        if (transport === 'lookup') {
          reason = `the OS resolver is not used in ${mode}-only mode (asked for ${address})`;
        } else if (!isLoopback(address) && !inAllowList(address)) {
          reason = `destination ${address}:${port} refused: this run may only reach loopback${
            allow.length ? ` and ${allow.join(', ')}` : ''
          }`;
        }
      }
      destinations.push({ transport, address, port, allowed: reason === null });
      return reason;
    },
  };
}

/**
 * The guard the environment asks for: ZAPCHECK_GUARD=loopback (set by the test suite) and
 * ZAPCHECK_GUARD_ALLOW=cidr,cidr (set by tests that build their own network namespaces).
 * Lab runs pass `forceLoopback`.
 */
export function guardFromEnv(env: NodeJS.ProcessEnv, forceLoopback: boolean): Guard {
  const wanted = env.ZAPCHECK_GUARD === 'loopback' || env.VITEST !== undefined || forceLoopback;
  const allow = (env.ZAPCHECK_GUARD_ALLOW ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return createGuard(wanted ? 'loopback' : 'off', wanted ? allow : []);
}
