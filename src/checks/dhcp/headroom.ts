/**
 * R2, "a DHCP server with enough IP addresses, one per connected device": how many addresses of the
 * pool are still free, measured from what the laptop can see. Pure: facts in, numbers out.
 */
import { UsageError } from '../../core/errors.js';
import { createTranslator, type Translate } from '../../i18n/index.js';
import { intToIpv4, ipv4ToInt, isIpv4, parseIpv4Range, subnetOf, type Ipv4Range } from '../../core/ipv4.js';
import type { Neighbour, NetworkFacts } from '../../platform/net/types.js';

export type { Ipv4Range };

/**
 * --dhcp-range: "192.168.1.100-192.168.1.199", "192.168.1.100-199" or a CIDR block "192.168.1.0/24" (its
 * host addresses). Throws UsageError on anything else. The sites file's dhcpRange takes the same forms.
 */
export function parseDhcpRange(text: string, t: Translate = createTranslator('en')): Ipv4Range {
  const r = parseIpv4Range(text);
  if (r.ok) return r.range;
  const hint = t('err.range.hint');
  const quoted = JSON.stringify(text);
  if (r.problem === 'form') throw new UsageError(t('err.range.form', { value: quoted }), hint);
  if (r.problem === 'ipv4') throw new UsageError(t('err.range.ipv4', { value: quoted }), hint);
  if (r.problem === 'order') throw new UsageError(t('err.range.order', { value: text }), hint);
  throw new UsageError(t('err.range.large', { value: text }), hint);
}

export function rangeText(r: Ipv4Range): string {
  return `${intToIpv4(r.first)}-${intToIpv4(r.last)}`;
}

/** Neighbour states that mean a device answered recently (a MAC is known). */
export function isPresent(n: Neighbour): boolean {
  if (n.mac === null || n.mac === '00:00:00:00:00:00' || n.mac === 'ff:ff:ff:ff:ff:ff') return false;
  return !/FAILED|INCOMPLETE|NOARP|incomplete/.test(n.state);
}

export interface Headroom {
  /** Where the pool came from: the user's --dhcp-range, or the laptop's subnet. */
  poolSource: 'range' | 'subnet';
  pool: string;
  poolSize: number;
  /** Addresses of the pool seen in use (neighbours, plus the laptop and gateway when inside). */
  inUse: number;
  inUseAddresses: string[];
  free: number;
  /** Addresses the planned chargers need; null without --chargers. */
  needed: number | null;
  /** Fewer free than this is tight: max(needed + 20 %, needed + 2). */
  comfortable: number | null;
}

export interface HeadroomInput {
  facts: NetworkFacts;
  range: Ipv4Range | null;
  neighbours: readonly Neighbour[];
  chargers?: number;
  addressesPerCharger: number;
}

/** Null when neither a range nor the laptop's subnet is known. */
export function computeHeadroom(input: HeadroomInput): Headroom | null {
  const { facts, range } = input;
  const subnet =
    facts.address && facts.prefixLength !== null ? subnetOf(facts.address, facts.prefixLength) : null;
  let first: number;
  let last: number;
  const excluded = new Set<number>();
  if (range) {
    first = range.first;
    last = range.last;
  } else if (subnet) {
    if (subnet.prefixLength >= 31) {
      first = subnet.network;
      last = subnet.broadcast;
    } else {
      first = subnet.network + 1;
      last = subnet.broadcast - 1;
    }
    // The gateway and the laptop are in use but are not pool addresses a charger could get here.
    for (const a of [facts.gateway, facts.address]) if (a && isIpv4(a)) excluded.add(ipv4ToInt(a));
  } else {
    return null;
  }
  const inPool = (n: number): boolean => n >= first && n <= last && !excluded.has(n);
  let poolSize = last - first + 1;
  for (const e of excluded) if (e >= first && e <= last) poolSize -= 1;
  const used = new Set<number>();
  for (const n of input.neighbours) {
    if (!isPresent(n) || !isIpv4(n.ip)) continue;
    const v = ipv4ToInt(n.ip);
    if (inPool(v)) used.add(v);
  }
  if (range) {
    // Inside a user-given range the laptop's own lease and the router count as taken.
    for (const a of [facts.address, facts.gateway])
      if (a && isIpv4(a) && inPool(ipv4ToInt(a))) used.add(ipv4ToInt(a));
  }
  const needed =
    input.chargers !== undefined ? Math.ceil(input.chargers * Math.max(1, input.addressesPerCharger)) : null;
  return {
    poolSource: range ? 'range' : 'subnet',
    pool: `${intToIpv4(first)}-${intToIpv4(last)}`,
    poolSize: Math.max(0, poolSize),
    inUse: used.size,
    inUseAddresses: [...used].sort((a, b) => a - b).map(intToIpv4),
    free: Math.max(0, poolSize - used.size),
    needed,
    comfortable: needed === null ? null : Math.max(Math.ceil(needed * 1.2), needed + 2),
  };
}

export type HeadroomVerdict = 'short' | 'tight' | 'enough' | 'unjudged';

export function judgeHeadroom(h: Headroom): HeadroomVerdict {
  if (h.needed === null || h.comfortable === null) return 'unjudged';
  if (h.free < h.needed) return 'short';
  if (h.free < h.comfortable) return 'tight';
  return 'enough';
}
