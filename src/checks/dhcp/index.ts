import type { Check, CheckFamily, CheckOutcome } from '../../core/check.js';
import { outcome } from '../../core/check.js';
import { UsageError } from '../../core/errors.js';
import type { Evidence, Json, Remediation, Status } from '../../core/result.js';
import type { DhcpRules } from '../../profile/types.js';
import { computeHeadroom, judgeHeadroom, parseDhcpRange, type Headroom, type Ipv4Range } from './headroom.js';
import type { DhcpFacts, DhcpOffer } from '../../probes/dhcp/types.js';
import { installer, it } from '../shared.js';
import { createTranslator, fromEnglish, type Translate } from '../../i18n/index.js';

const ENGLISH: Translate = createTranslator('en');

/**
 * R2: "a DHCP server with enough IP addresses, one per connected device", and the DHCP faults of the
 * field (pool too small, no answer, a second server). One check, id `dhcp`. The `dhcpFacts` probe
 * brings the evidence (lease, neighbour table; a sweep and a DHCPDISCOVER only in `zapcheck dhcp`, which
 * asks for them with --sweep / --probe); `evaluateDhcp` turns it into a verdict and is pure, so the
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
  /** The words of the verdict (English when not given): the function stays pure. */
  t?: Translate;
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
  'DHCP_STATIC',
  'DHCP_HEADROOM_UNKNOWN',
  'OK',
];
const SEVERITY: Record<Status, number> = { error: 4, fail: 3, warn: 2, skip: 1, pass: 0 };

function duration(sec: number, t: Translate): string {
  if (sec >= 4294967295) return t('dhcp.infinite');
  if (sec >= 86400 && sec % 3600 === 0) return t('unit.d', { x: sec / 86400 });
  if (sec >= 3600) return t('unit.h', { x: sec / 3600 });
  if (sec >= 60) return t('unit.min', { x: Math.round(sec / 60) });
  return t('unit.s', { x: sec });
}

function describeOffer(o: DhcpOffer, t: Translate): string {
  const parts = [t('dhcp.offer.address', { address: o.address })];
  parts.push(
    o.routers.length ? t('dhcp.offer.router', { routers: o.routers.join(', ') }) : t('dhcp.offer.norouter'),
  );
  if (o.dnsServers.length) parts.push(`DNS ${o.dnsServers.join(', ')}`);
  if (o.leaseSec !== null) parts.push(t('dhcp.offer.lease', { lease: duration(o.leaseSec, t) }));
  const relay = o.from !== o.server ? ` ${t('dhcp.offer.relay', { from: o.from })}` : '';
  return `${o.server}${relay}: ${parts.join(', ')}`;
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
  const t = input.t ?? ENGLISH;
  const net = facts.network;
  // The probe's notes are English catalogue sentences: said again in the run's language.
  const notes: string[] = net.notes.map((n) => fromEnglish(n, t, 'net.note.'));
  const findings: Finding[] = [];
  const subnet = net.address && net.prefixLength !== null ? `${net.address}/${net.prefixLength}` : null;
  const swept = facts.sweep?.status === 'done';
  const method = swept ? 'sweep' : 'passive';
  const howMeasured = swept
    ? t('dhcp.measured.sweep', {
        range: facts.sweep?.status === 'done' ? `${facts.sweep.first}-${facts.sweep.last}` : '',
        source: facts.neighbours.source,
      })
    : t('dhcp.measured.passive', { source: facts.neighbours.source });

  if (facts.sweep && facts.sweep.status !== 'done')
    notes.push(t('dhcp.note.sweep', { message: facts.sweep.message }));
  if (facts.neighbours.error) notes.push(t('dhcp.note.neighbours', { message: facts.neighbours.error }));

  // --probe: what the DHCP servers themselves say.
  const d = facts.discover;
  const offers = d?.status === 'done' ? d.offers : [];
  const servers = [...new Set(offers.map((o) => o.server))];
  if (d?.status === 'done') {
    if (offers.length === 0) {
      findings.push({
        status: 'fail',
        cause: 'DHCP_NO_OFFER',
        text: t('dhcp.nooffer', { iface: d.interface, seconds: d.windowMs / 1000 }),
        remediation: [
          it(t('dhcp.nooffer.fix', { network: subnet ?? net.interface ?? t('dhcp.thisnetwork') })),
        ],
      });
    } else if (servers.length > 1) {
      const byServer = servers.map((s) => offers.find((o) => o.server === s)!);
      findings.push({
        status: 'fail',
        cause: 'DHCP_MULTIPLE_SERVERS',
        text: t('dhcp.multiple', {
          n: servers.length,
          iface: d.interface,
          offers: byServer.map((o) => describeOffer(o, t)).join('; '),
        }),
        remediation: [
          it(t('dhcp.multiple.fix', { servers: servers.join(', ') })),
          installer(t('dhcp.multiple.installer')),
        ],
      });
    } else {
      const o = offers[0]!;
      const diffs: string[] = [];
      if (net.gateway && o.routers.length && !o.routers.includes(net.gateway)) {
        diffs.push(t('dhcp.differs.router', { routers: o.routers.join(', '), gateway: net.gateway }));
      }
      if (net.addressing === 'dhcp' && net.dhcpServer && net.dhcpServer !== o.server) {
        diffs.push(t('dhcp.differs.server', { server: o.server, own: net.dhcpServer }));
      }
      if (diffs.length) {
        findings.push({
          status: 'warn',
          cause: 'DHCP_OFFER_DIFFERS',
          text: t('dhcp.differs', { diffs: diffs.join(` ${t('word.and')} `) }),
          remediation: [it(t('dhcp.differs.fix', { offer: describeOffer(o, t) }))],
        });
      }
      if (net.dnsServers.length && o.dnsServers.length && o.dnsServers.join() !== net.dnsServers.join()) {
        notes.push(t('dhcp.note.dns', { offered: o.dnsServers.join(', '), own: net.dnsServers.join(', ') }));
      }
      if (net.lease.durationSec !== null && o.leaseSec !== null && o.leaseSec !== net.lease.durationSec) {
        notes.push(
          t('dhcp.note.lease', {
            offered: duration(o.leaseSec, t),
            own: duration(net.lease.durationSec, t),
          }),
        );
      }
    }
  } else if (d) {
    notes.push(t('dhcp.note.probe', { message: d.message }));
  } else if (input.probeAsked) {
    notes.push(t('dhcp.note.probe.none'));
  }

  // A self-assigned 169.254/16 address: the laptop's DHCP client asked and nobody answered. That is
  // evidence about the site (unless the probe just saw a server answer).
  const linkLocal = net.address !== null && net.address.startsWith('169.254.');
  if (linkLocal && offers.length === 0 && rules.required) {
    findings.push({
      status: 'fail',
      cause: 'DHCP_NONE',
      text: t('dhcp.linklocal', { address: net.address ?? '', iface: net.interface ?? '?' }),
      remediation: [it(t('dhcp.static.it'))],
    });
  }
  // A static address on the laptop proves nothing about the site's DHCP: not checked, with the two
  // ways to check it (unless the probe just saw the servers).
  if (net.addressing === 'static' && !linkLocal && offers.length === 0 && d?.status !== 'done') {
    const what = t('dhcp.static', { subnet: subnet ?? t('dhcp.unknown'), iface: net.interface ?? '?' });
    if (rules.required) {
      findings.push({
        status: 'skip',
        cause: 'DHCP_STATIC',
        text: t('dhcp.static.required', { what }),
        remediation: [installer(t('dhcp.static.installer'))],
      });
    } else {
      notes.push(t('dhcp.static.notrequired', { what }));
    }
  }

  // Headroom.
  let headroom: Headroom | null = null;
  if ((net.interface && !linkLocal) || range) {
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
    const countVars = { free: headroom.free, size: headroom.poolSize, pool: headroom.pool };
    const counts =
      headroom.poolSource === 'subnet'
        ? t('dhcp.counts.subnet', { ...countVars, subnet: String(subnet) })
        : t('dhcp.counts', countVars);
    if (headroom.poolSource === 'subnet') notes.push(t('dhcp.note.subnetpool'));
    const fix = it(
      t('dhcp.pool.fix', { pool: headroom.pool, n: String(headroom.comfortable ?? headroom.needed) }),
    );
    const poolVars = {
      counts,
      chargers: String(chargers),
      needed: String(headroom.needed),
      comfortable: String(headroom.comfortable),
    };
    if (verdict === 'short') {
      findings.push({
        status: 'fail',
        cause: 'DHCP_POOL_SHORT',
        text: t('dhcp.pool.short', poolVars),
        remediation: [fix],
      });
    } else if (verdict === 'tight') {
      findings.push({
        status: 'warn',
        cause: 'DHCP_POOL_TIGHT',
        text: t('dhcp.pool.tight', poolVars),
        remediation: [fix],
      });
    } else if (verdict === 'enough') {
      findings.push({
        status: 'pass',
        cause: 'OK',
        text: t('dhcp.pool.enough', poolVars),
        remediation: [],
      });
    } else {
      findings.push({ status: 'pass', cause: 'OK', text: counts, remediation: [] });
      notes.push(t('dhcp.note.chargers'));
    }
    const lease = net.lease.durationSec ?? offers[0]?.leaseSec ?? null;
    if (
      lease !== null &&
      lease < SHORT_LEASE_SEC &&
      headroom.poolSize > 0 &&
      headroom.inUse / headroom.poolSize >= 0.5
    ) {
      notes.push(t('dhcp.note.shortlease', { lease: duration(lease, t) }));
    }
  } else if (!findings.some((f) => f.status === 'fail')) {
    findings.push({
      status: 'skip',
      cause: 'DHCP_HEADROOM_UNKNOWN',
      text: t('dhcp.noaddress'),
      remediation: [installer(t('dhcp.noaddress.fix'))],
    });
  }

  findings.sort(
    (a, b) =>
      SEVERITY[b.status] - SEVERITY[a.status] || PRIORITY.indexOf(a.cause) - PRIORITY.indexOf(b.cause),
  );
  const main = findings[0]!;
  const others = findings.slice(1).filter((f) => f.status === 'fail' || f.status === 'warn');
  // Each step is a catalogue sentence of the one before, so a saved report renders in another language.
  let summary = main.text;
  if (others.length)
    summary = t('dhcp.summary.also', {
      main: summary,
      also: t('dhcp.also', { causes: others.map((f) => f.cause).join(', ') }),
    });
  if (headroom && (main.cause === 'OK' || main.cause.startsWith('DHCP_POOL')))
    summary = t('dhcp.summary.method', {
      main: summary,
      method: method === 'sweep' ? t('dhcp.method.sweep') : t('dhcp.method.passive'),
    });
  if (chargers === undefined && main.cause === 'OK')
    summary = t('dhcp.summary.judge', { main: summary, judge: t('dhcp.judge') });
  // Only when it changes the text: the same text from two sentences could not be told apart in the report.
  if (summary.charAt(0) !== summary.charAt(0).toLocaleUpperCase())
    summary = t('text.capital', { text: summary });

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
export function rangeOption(text: string | undefined, t: Translate = ENGLISH): Ipv4Range | null {
  return text === undefined || text.trim() === '' ? null : parseDhcpRange(text, t);
}

/** The dhcp check, its title in the run's language. */
export function dhcpCheckFor(t: Translate): Check {
  return { ...dhcpCheck, title: t('title.dhcp') };
}

export const dhcpCheck: Check = {
  id: 'dhcp',
  kind: 'dhcp',
  title: ENGLISH('title.dhcp'),
  target: { protocol: 'dhcp' },
  needs: [],
  budgetShare: 0.6,
  async run({ ctx, probes, budgetMs }): Promise<CheckOutcome> {
    const t = ctx.t;
    if (!probes.dhcpFacts) {
      return outcome('skip', 'NOT_AVAILABLE', t('dhcp.noprobe'));
    }
    let range: Ipv4Range | null;
    try {
      range = rangeOption(ctx.options.dhcpRange, t);
    } catch (err) {
      const msg = err instanceof UsageError ? err.message : String(err);
      return outcome('error', 'BAD_OPTION', msg);
    }
    // A site run reads the passive facts only: the sweep and the DHCPDISCOVER are `zapcheck dhcp`'s opt-ins
    // (--sweep, --probe), which `zapcheck site` does not offer.
    const r = await probes.dhcpFacts({
      timeoutMs: budgetMs,
      ...(range ? { range } : {}),
      sweep: false,
      discover: false,
    });
    if (!r.ok) {
      return outcome('error', 'DHCP_FACTS_FAILED', t('dhcp.factsfailed', { message: r.error.message }), {
        error: r.error.code,
        message: r.error.message,
      });
    }
    return evaluateDhcp({
      facts: r.value,
      rules: ctx.profile.dhcp,
      ...(ctx.options.chargers !== undefined ? { chargers: ctx.options.chargers } : {}),
      range,
      sweepAsked: false,
      probeAsked: false,
      t,
    });
  },
};

export const dhcpFamily: CheckFamily = {
  kind: 'dhcp',
  plan: (ctx) => [dhcpCheckFor(ctx.t)],
};
