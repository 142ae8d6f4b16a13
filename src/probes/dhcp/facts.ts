/**
 * The `dhcpFacts` platform probe: passive facts (lease, routes, neighbour table), and on request a
 * sweep and a DHCPDISCOVER. The site pipeline wires it in as
 * `probes.dhcpFacts = createDhcpFactsProbe({ guard: ctx.guard, signal: ctx.signal })`.
 */
import type { Guard } from '../../core/guard.js';
import { probeFail, probeOk, type ProbeResult } from '../../core/errors.js';
import { gatherNetworkFacts, readNeighbourTable, systemGatherDeps, type GatherDeps } from '../net/gather.js';
import { intToIpv4, ipv4ToInt, subnetOf } from '../../core/ipv4.js';
import { discoverDhcpOffers } from './discover.js';
import { SWEEP_MAX_ADDRESSES, sleep, sweepRange } from './sweep.js';
import type { DhcpFacts, DhcpFactsRequest, DiscoverReport, SweepReport } from './types.js';

export interface DhcpFactsProbeOptions {
  guard: Guard;
  signal?: AbortSignal;
  deps?: Partial<GatherDeps>;
  /** Time the OS gets after the sweep to finish ARP resolution before the table is read, ms. */
  settleMs?: number;
  sweepRatePerSec?: number;
}

export type DhcpFactsProbe = (q: DhcpFactsRequest) => Promise<ProbeResult<DhcpFacts>>;

const DEFAULT_WINDOW_MS = 4000;

export function createDhcpFactsProbe(opts: DhcpFactsProbeOptions): DhcpFactsProbe {
  const deps: GatherDeps = { ...systemGatherDeps, ...opts.deps };
  return async (q) => {
    const started = Date.now();
    const left = (): number => q.timeoutMs - (Date.now() - started);
    try {
      const g = {
        timeoutMs: q.timeoutMs,
        ...(q.interface ? { interface: q.interface } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
      };
      const network = await gatherNetworkFacts(deps, g);
      const subnet =
        network.address && network.prefixLength !== null
          ? subnetOf(network.address, network.prefixLength)
          : null;

      let discover: Promise<DiscoverReport> | null = null;
      if (q.discover) {
        if (!network.interface) {
          discover = Promise.resolve({
            status: 'no-interface',
            message: 'no interface to send a DHCPDISCOVER on (no default route; name one with --interface)',
          });
        } else {
          const windowMs = Math.max(500, Math.min(q.discoverWindowMs ?? DEFAULT_WINDOW_MS, left() - 500));
          discover = discoverDhcpOffers({
            interface: network.interface,
            interfaceAddress: network.address,
            directedBroadcast: subnet && subnet.prefixLength < 31 ? intToIpv4(subnet.broadcast) : null,
            guard: opts.guard,
            windowMs,
            ...(opts.signal ? { signal: opts.signal } : {}),
          });
        }
      }

      let sweep: SweepReport | null = null;
      if (q.sweep) {
        const range = q.range ?? null;
        if (!range && !subnet) {
          sweep = {
            status: 'no-subnet',
            message: 'no subnet to sweep: the laptop has no IPv4 address; give --dhcp-range',
          };
        } else {
          const first = range ? range.first : subnet!.network + 1;
          const last = range ? range.last : subnet!.broadcast - 1;
          if (!range && last - first + 1 > SWEEP_MAX_ADDRESSES) {
            sweep = {
              status: 'too-large',
              message: `the subnet is a /${subnet!.prefixLength} (${last - first + 1} addresses); a sweep covers at most a /22: give the DHCP pool with --dhcp-range`,
            };
          } else {
            sweep = await sweepRange({
              first,
              last,
              guard: opts.guard,
              ...(opts.sweepRatePerSec !== undefined ? { ratePerSec: opts.sweepRatePerSec } : {}),
              ...(opts.signal ? { signal: opts.signal } : {}),
              skip: network.address ? [ipv4ToInt(network.address)] : [],
            });
            if (sweep.status === 'done')
              await sleep(Math.min(opts.settleMs ?? 1500, Math.max(0, left() - 1000)), opts.signal);
          }
        }
      }
      const neighbours = await readNeighbourTable(deps, g);
      if (network.interface) {
        const iface = network.interface;
        // Windows names the interface by its address in arp -a, by its connection name in netsh (the end
        // of ipconfig's "Ethernet adapter Ethernet 4" header).
        neighbours.entries = neighbours.entries.filter(
          (n) =>
            n.interface === null ||
            n.interface === iface ||
            n.interface === network.address ||
            iface.endsWith(` ${n.interface}`),
        );
      }
      const facts: DhcpFacts = { network, neighbours, sweep, discover: discover ? await discover : null };
      return probeOk(facts, Date.now() - started);
    } catch (err) {
      return probeFail(
        'INTERNAL',
        `reading the network configuration failed: ${String(err)}`,
        Date.now() - started,
        err,
      );
    }
  };
}
