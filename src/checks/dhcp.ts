import type { Check, CheckFamily, CheckOutcome } from '../core/check.js';
import { outcome } from '../core/check.js';
import { UsageError } from '../core/errors.js';
import type { Evidence, Json, Remediation, Status } from '../core/result.js';
import type { DhcpRules } from '../profile/types.js';
import {
  computeHeadroom,
  judgeHeadroom,
  parseDhcpRange,
  type Headroom,
  type Ipv4Range,
} from '../dhcp/headroom.js';
import type { DhcpFacts, DhcpOffer } from '../dhcp/types.js';
import { installer, it } from './shared.js';

/**
 * R2: "a DHCP server with enough IP addresses, one per connected device", and the DHCP faults of the
 * field (pool too small, no answer, a second server). One check, id `dhcp`. The `dhcpFacts` probe
 * brings the evidence (lease, neighbour table; a sweep and a DHCPDISCOVER when asked for through
 * ctx.options.extra.dhcpSweep / dhcpProbe); `evaluateDhcp` turns it into a verdict and is pure, so the
 * `zapcheck dhcp` command uses the same words as `zapcheck site`.
 */

/** A lease shorter than this, on a pool at least half used, is worth a note (churn when chargers reboot). */
export const SHORT_LEASE_SEC = 3600;

export interface DhcpEvaluationInput {
  facts: DhcpFacts;
  rules: DhcpRules;
  chargers?: number;
  range: Ipv4Range | null;
  /** Whether the caller asked for a sweep / a DHCPDISCOVER (to say why one is missing). */
  sweepAsked: boolean;
  probeAsked: boolean;
}

interface Finding {
  status: Status;
  cause: string;
  text: string;
  remediation: Remediation[];
}

const PRIORITY = [
  'DHCP_NO_OFFER',
  'DHCP_MULTIPLE_SERVERS',
  'DHCP_NONE',
  'DHCP_POOL_SHORT',
  'DHCP_OFFER_DIFFERS',
  'DHCP_POOL_TIGHT',
  'DHCP_HEADROOM_UNKNOWN',
  'OK',
];
const SEVERITY: Record<Status, number> = { error: 4, fail: 3, warn: 2, skip: 1, pass: 0 };

function duration(sec: number): string {
  if (sec >= 4294967295) return 'infinite';
  if (sec >= 86400 && sec % 3600 === 0) return `${+(sec / 86400).toFixed(1)} d`;
  if (sec >= 3600) return `${+(sec / 3600).toFixed(1)} h`;
  if (sec >= 60) return `${Math.round(sec / 60)} min`;
  return `${sec} s`;
}

function describeOffer(o: DhcpOffer): string {
  const parts = [`offers ${o.address}`];
  parts.push(o.routers.length ? `router ${o.routers.join(', ')}` : 'no router');
  if (o.dnsServers.length) parts.push(`DNS ${o.dnsServers.join(', ')}`);
  if (o.leaseSec !== null) parts.push(`lease ${duration(o.leaseSec)}`);
  return `${o.server}${o.from !== o.server ? ` (via relay ${o.from})` : ''}: ${parts.join(', ')}`;
}

function offerJson(o: DhcpOffer): Json {
  return {
    server: o.server,
    from: o.from,
    address: o.address,
    subnetMask: o.subnetMask,
    routers: o.routers,
    dnsServers: o.dnsServers,
    leaseSec: o.leaseSec,
    domainName: o.domainName,
  };
}

function headroomJson(h: Headroom): Json {
  return {
    poolSource: h.poolSource,
    pool: h.pool,
    poolSize: h.poolSize,
    inUse: h.inUse,
    inUseAddresses: h.inUseAddresses.slice(0, 256),
    free: h.free,
    needed: h.needed,
    comfortable: h.comfortable,
  };
}

export function evaluateDhcp(input: DhcpEvaluationInput): CheckOutcome {
  const { facts, rules, chargers, range } = input;
  const net = facts.network;
  const notes: string[] = [...net.notes];
  const findings: Finding[] = [];
  const subnet = net.address && net.prefixLength !== null ? `${net.address}/${net.prefixLength}` : null;
  const swept = facts.sweep?.status === 'done';
  const method = swept ? 'sweep' : 'passive';
  const howMeasured = swept
    ? `estimate: one datagram to each address of ${facts.sweep?.status === 'done' ? `${facts.sweep.first}-${facts.sweep.last}` : ''}, then the neighbour table (${facts.neighbours.source}); devices asleep or silent are not seen`
    : `estimate, passive: the neighbour table (${facts.neighbours.source}) only lists devices this laptop talked to recently; devices asleep are not seen`;

  if (facts.sweep && facts.sweep.status !== 'done') notes.push(`sweep not done: ${facts.sweep.message}`);
  if (facts.neighbours.error) notes.push(`neighbour table not read: ${facts.neighbours.error}`);

  // --probe: what the DHCP servers themselves say.
  const d = facts.discover;
  const offers = d?.status === 'done' ? d.offers : [];
  const servers = [...new Set(offers.map((o) => o.server))];
  if (d?.status === 'done') {
    if (offers.length === 0) {
      findings.push({
        status: 'fail',
        cause: 'DHCP_NO_OFFER',
        text: `no DHCP server answered a DHCPDISCOVER on ${d.interface} within ${(d.windowMs / 1000).toFixed(1)} s: the pool is exhausted or there is no DHCP server`,
        remediation: [
          it(
            `Make sure a DHCP server serves the network the chargers join (${subnet ?? net.interface ?? 'this network'}) and that its pool has free addresses; shorten the lease time or enlarge the pool if it is full.`,
          ),
        ],
      });
    } else if (servers.length > 1) {
      const byServer = servers.map((s) => offers.find((o) => o.server === s)!);
      findings.push({
        status: 'fail',
        cause: 'DHCP_MULTIPLE_SERVERS',
        text: `${servers.length} DHCP servers answered on ${d.interface}: ${byServer.map(describeOffer).join('; ')}; a charger takes whichever answers first, and a second (rogue) server hands out a wrong gateway`,
        remediation: [
          it(
            `Only one DHCP server may answer on this network: switch off the DHCP server of the extra router or access point (servers seen: ${servers.join(', ')}), or enable DHCP snooping on the switches.`,
          ),
          installer(
            'A second consumer router plugged in LAN-to-LAN is the usual cause: set it to access-point/bridge mode.',
          ),
        ],
      });
    } else {
      const o = offers[0]!;
      const diffs: string[] = [];
      if (net.gateway && o.routers.length && !o.routers.includes(net.gateway)) {
        diffs.push(`router ${o.routers.join(', ')} (this laptop uses ${net.gateway})`);
      }
      if (net.addressing === 'dhcp' && net.dhcpServer && net.dhcpServer !== o.server) {
        diffs.push(`server ${o.server} (this laptop's lease is from ${net.dhcpServer})`);
      }
      if (diffs.length) {
        findings.push({
          status: 'warn',
          cause: 'DHCP_OFFER_DIFFERS',
          text: `the DHCP server that answered offers a different ${diffs.join(' and ')}`,
          remediation: [
            it(`Check which DHCP server is meant to serve this network; the offer was: ${describeOffer(o)}.`),
          ],
        });
      }
      if (net.dnsServers.length && o.dnsServers.length && o.dnsServers.join() !== net.dnsServers.join()) {
        notes.push(
          `the offer's DNS servers (${o.dnsServers.join(', ')}) differ from this laptop's (${net.dnsServers.join(', ')}): the DNS checks used the laptop's`,
        );
      }
      if (net.lease.durationSec !== null && o.leaseSec !== null && o.leaseSec !== net.lease.durationSec) {
        notes.push(
          `offered lease ${duration(o.leaseSec)}; this laptop's lease is ${duration(net.lease.durationSec)}`,
        );
      }
    }
  } else if (d) {
    notes.push(`--probe not done: ${d.message}`);
  } else if (input.probeAsked) {
    notes.push('--probe not done');
  }

  // The laptop has no lease: it cannot tell whether the site has DHCP (unless the probe just saw it).
  if (net.addressing === 'static' && offers.length === 0 && d?.status !== 'done') {
    const what = `this laptop has a static address (${subnet ?? 'unknown'} on ${net.interface ?? '?'}), no DHCP lease, so the site's DHCP server was not seen`;
    if (rules.required) {
      findings.push({
        status: 'fail',
        cause: 'DHCP_NONE',
        text: `${what}; the charger gets its address only by DHCP`,
        remediation: [
          installer(
            'Switch the laptop to DHCP (automatic address) on the network the chargers will use and run zapcheck again, or run `sudo zapcheck dhcp --probe` to ask the DHCP server directly.',
          ),
          it(
            'The chargers need a DHCP server on their network (IPv4, one address per charger); they cannot use a static address.',
          ),
        ],
      });
    } else {
      notes.push(`${what}; the profile does not require DHCP`);
    }
  }

  // Headroom.
  let headroom: Headroom | null = null;
  if (net.interface || range) {
    headroom = computeHeadroom({
      facts: net,
      range,
      neighbours: facts.neighbours.entries,
      ...(chargers !== undefined ? { chargers } : {}),
      addressesPerCharger: rules.addressesPerCharger,
    });
  }
  if (headroom) {
    const verdict = judgeHeadroom(headroom);
    const counts = `about ${headroom.free} of ${headroom.poolSize} addresses free in ${headroom.pool}${headroom.poolSource === 'subnet' ? ` (the subnet ${subnet}, minus network, broadcast, gateway and this laptop)` : ''}`;
    if (headroom.poolSource === 'subnet') {
      notes.push(
        'the pool was taken to be the whole subnet; the DHCP server usually hands out only part of it: give --dhcp-range for a sharper estimate',
      );
    }
    const fix = it(
      `Enlarge the DHCP pool (currently ${headroom.pool}) so that at least ${headroom.comfortable ?? headroom.needed} addresses are free for the chargers, shorten the lease time, or reserve addresses for the chargers by MAC.`,
    );
    if (verdict === 'short') {
      findings.push({
        status: 'fail',
        cause: 'DHCP_POOL_SHORT',
        text: `DHCP pool too small: ${counts}; ${chargers} chargers need ${headroom.needed}`,
        remediation: [fix],
      });
    } else if (verdict === 'tight') {
      findings.push({
        status: 'warn',
        cause: 'DHCP_POOL_TIGHT',
        text: `DHCP pool tight: ${counts}; ${chargers} chargers need ${headroom.needed}, with margin ${headroom.comfortable}`,
        remediation: [fix],
      });
    } else if (verdict === 'enough') {
      findings.push({
        status: 'pass',
        cause: 'OK',
        text: `${counts}; enough for ${chargers} chargers (${headroom.needed} needed, ${headroom.comfortable} with margin)`,
        remediation: [],
      });
    } else {
      findings.push({ status: 'pass', cause: 'OK', text: counts, remediation: [] });
      notes.push('give --chargers N to judge whether that is enough');
    }
    const lease = net.lease.durationSec ?? offers[0]?.leaseSec ?? null;
    if (
      lease !== null &&
      lease < SHORT_LEASE_SEC &&
      headroom.poolSize > 0 &&
      headroom.inUse / headroom.poolSize >= 0.5
    ) {
      notes.push(
        `short lease (${duration(lease)}) with the pool at least half used: devices that come and go keep addresses busy; a lease of several hours suits chargers`,
      );
    }
  } else if (!findings.some((f) => f.status === 'fail')) {
    findings.push({
      status: 'skip',
      cause: 'DHCP_HEADROOM_UNKNOWN',
      text: 'not tested: this laptop has no IPv4 address on a network with a gateway; connect it to the site network the chargers will use',
      remediation: [
        installer(
          'Connect the laptop to the network (Wi-Fi or cable) the chargers will join and run zapcheck again.',
        ),
      ],
    });
  }

  findings.sort(
    (a, b) =>
      SEVERITY[b.status] - SEVERITY[a.status] || PRIORITY.indexOf(a.cause) - PRIORITY.indexOf(b.cause),
  );
  const main = findings[0]!;
  const others = findings.slice(1).filter((f) => f.status === 'fail' || f.status === 'warn');
  let summary = main.text;
  if (others.length) summary += `; also ${others.map((f) => f.cause).join(', ')}`;
  if (headroom && (main.cause === 'OK' || main.cause.startsWith('DHCP_POOL')))
    summary += ` (${method === 'sweep' ? 'estimate from a sweep' : 'passive estimate'})`;
  if (chargers === undefined && main.cause === 'OK') summary += '; give --chargers N to judge';
  summary = summary.charAt(0).toUpperCase() + summary.slice(1);

  const evidence: Evidence = {
    interface: net.interface,
    address: net.address,
    subnet,
    gateway: net.gateway,
    addressing: net.addressing,
    dhcpServer: net.dhcpServer,
    lease: { obtained: net.lease.obtained, expires: net.lease.expires, durationSec: net.lease.durationSec },
    dnsServers: net.dnsServers,
    sources: net.sources,
    method,
    measured: howMeasured,
    neighbourSource: facts.neighbours.source,
    neighboursSeen: facts.neighbours.entries.length,
    chargers: chargers ?? null,
    addressesPerCharger: rules.addressesPerCharger,
    headroom: headroom ? headroomJson(headroom) : null,
    sweep: facts.sweep ? facts.sweep : null,
    probe: d
      ? d.status === 'done'
        ? {
            status: d.status,
            interface: d.interface,
            clientMac: d.clientMac,
            windowMs: d.windowMs,
            sent: d.sent,
            servers,
            offers: offers.map(offerJson),
          }
        : { status: d.status, message: d.message }
      : null,
    findings: findings.map((f) => ({ status: f.status, cause: f.cause, text: f.text })),
    notes,
  };
  const remediation = findings.flatMap((f) => (f.status === 'pass' ? [] : f.remediation));
  return outcome(main.status, main.cause, summary, evidence, remediation);
}

/** The range option of a site, or a UsageError naming what is wrong. */
export function rangeOption(text: string | undefined): Ipv4Range | null {
  return text === undefined || text.trim() === '' ? null : parseDhcpRange(text);
}

export const dhcpCheck: Check = {
  id: 'dhcp',
  kind: 'dhcp',
  title: 'DHCP: a free address for every charger',
  target: { protocol: 'dhcp' },
  needs: [],
  budgetShare: 0.6,
  async run({ ctx, probes, budgetMs }): Promise<CheckOutcome> {
    if (!probes.dhcpFacts) {
      return outcome(
        'skip',
        'NOT_AVAILABLE',
        'not tested: this run cannot read the network configuration (no DHCP facts probe)',
      );
    }
    let range: Ipv4Range | null;
    try {
      range = rangeOption(ctx.options.dhcpRange);
    } catch (err) {
      const msg = err instanceof UsageError ? err.message : String(err);
      return outcome('error', 'BAD_OPTION', msg);
    }
    const extra = ctx.options.extra;
    const sweep = extra.dhcpSweep === true;
    const probe = extra.dhcpProbe === true;
    const iface = typeof extra.dhcpInterface === 'string' ? extra.dhcpInterface : undefined;
    const r = await probes.dhcpFacts({
      timeoutMs: budgetMs,
      ...(iface ? { interface: iface } : {}),
      ...(range ? { range: ctx.options.dhcpRange } : {}),
      sweep,
      discover: probe,
    });
    if (!r.ok) {
      return outcome(
        'error',
        'DHCP_FACTS_FAILED',
        `zapcheck could not read the network configuration: ${r.error.message}`,
        {
          error: r.error.code,
          message: r.error.message,
        },
      );
    }
    return evaluateDhcp({
      facts: r.value,
      rules: ctx.profile.dhcp,
      ...(ctx.options.chargers !== undefined ? { chargers: ctx.options.chargers } : {}),
      range,
      sweepAsked: sweep,
      probeAsked: probe,
    });
  },
};

export const dhcpFamily: CheckFamily = {
  kind: 'dhcp',
  plan: () => [dhcpCheck],
};
