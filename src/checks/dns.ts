import { randomBytes } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import type { Check, CheckFamily, CheckOutcome } from '../core/check.js';
import { outcome } from '../core/check.js';
import { type ProbeError, type ProbeResult, probeOk } from '../core/errors.js';
import type { ResolverAddr, SiteContext } from '../core/context.js';
import type { CheckResult, Evidence, Json } from '../core/result.js';
import type { DnsAnswer } from '../probes/types.js';
import { dnsCheckId, installer, it, registrableDomain, seconds, uniqueHosts } from './shared.js';
import type { MessageKey } from '../i18n/index.js';

/**
 * R8: every profile host resolves to IPv4 through the resolver the charger gets from DHCP (and, as
 * evidence, through the laptop's OS resolver). A public host answered with an address no public host
 * has (0.0.0.0, loopback, RFC 1918, CGNAT, link-local) is a sinkhole or a block list.
 */

/** Address ranges (ipaddr.js names) that a public cloud host never resolves to. */
const SINKHOLE_RANGES = new Set([
  'unspecified',
  'loopback',
  'private',
  'carrierGradeNat',
  'linkLocal',
  'broadcast',
]);

export function sinkholeKind(address: string): string | null {
  if (!ipaddr.IPv4.isValid(address)) return null;
  const range = ipaddr.IPv4.parse(address).range();
  return SINKHOLE_RANGES.has(range) ? range : null;
}

const ERROR_CAUSE: Record<string, string> = {
  NXDOMAIN: 'DNS_NXDOMAIN',
  SERVFAIL: 'DNS_SERVFAIL',
  REFUSED_DNS: 'DNS_REFUSED',
  TIMEOUT: 'DNS_TIMEOUT',
  ABORTED: 'DNS_TIMEOUT',
  REFUSED: 'DNS_UNREACHABLE',
  UNREACHABLE: 'DNS_UNREACHABLE',
  RESET: 'DNS_UNREACHABLE',
  PROTOCOL: 'DNS_BAD_REPLY',
  TOO_LARGE: 'DNS_BAD_REPLY',
  BLOCKED: 'GUARD_BLOCKED',
};

interface PerResolver {
  server: string;
  source: string;
  ms: number;
  result: ProbeResult<DnsAnswer>;
}

function resolverEvidence(r: PerResolver): Evidence {
  if (r.result.ok) {
    const v = r.result.value;
    return {
      server: r.server,
      source: r.source,
      rcode: v.rcode,
      addresses: v.addresses,
      cnameChain: v.cnameChain,
      viaTcp: v.viaTcp,
      ms: Math.round(r.ms),
    };
  }
  return {
    server: r.server,
    source: r.source,
    error: r.result.error.code,
    message: r.result.error.message,
    ms: Math.round(r.ms),
  };
}

function failureOutcome(
  ctx: SiteContext,
  host: string,
  error: ProbeError,
  server: string,
  evidence: Evidence,
): CheckOutcome {
  const t = ctx.t;
  const cause = ERROR_CAUSE[error.code] ?? 'DNS_ERROR';
  const vars = { host, server, limit: seconds(ctx.deadlineMs, ctx.t) };
  switch (cause) {
    case 'DNS_NXDOMAIN':
      return outcome('fail', cause, t('dns.nxdomain', vars), evidence, [it(t('dns.nxdomain.fix', vars))]);
    case 'DNS_SERVFAIL':
      return outcome('fail', cause, t('dns.servfail', vars), evidence, [it(t('dns.servfail.fix', vars))]);
    case 'DNS_REFUSED':
      return outcome('fail', cause, t('dns.refused', vars), evidence, [it(t('dns.refused.fix', vars))]);
    case 'DNS_TIMEOUT':
      return outcome('fail', cause, t('dns.timeout', vars), evidence, [it(t('dns.timeout.fix', vars))]);
    case 'DNS_UNREACHABLE':
      return outcome('fail', cause, t('dns.unreachable', vars), evidence, [
        it(t('dns.unreachable.fix', vars)),
      ]);
    case 'DNS_BAD_REPLY': {
      // A well-formed answer whose CNAME chain loops or runs too long is not a broken packet: say which.
      const fault = error.cause as { cname?: unknown; limit?: unknown } | undefined;
      if (fault?.cname === 'too-long' || fault?.cname === 'loop') {
        const cVars = { ...vars, limit: String(fault.limit) };
        const key = fault.cname === 'loop' ? 'dns.cname.loop' : 'dns.cname.long';
        return outcome('fail', cause, t(key, cVars), evidence, [it(t('dns.badreply.fix', vars))]);
      }
      return outcome('fail', cause, t('dns.badreply', vars), evidence, [it(t('dns.badreply.fix', vars))]);
    }
    case 'GUARD_BLOCKED':
      return outcome('error', cause, t('guard.blocked', { what: server }), evidence);
    default:
      return outcome('error', cause, t('dns.error', { ...vars, message: error.message }), evidence);
  }
}

/** A name that cannot exist: a random label under the host's registrable domain. */
export function nonexistentName(host: string): string {
  return `zc-${randomBytes(6).toString('hex')}.${registrableDomain(host)}`;
}

/**
 * `askNonexistent`: this check also asks the first resolver for a name that cannot exist (the evidence
 * of a resolver that answers every name: a captive portal or DNS redirect, judged by correlateDns). The
 * query goes out beside the host's own; the family gives it to the check of a host nothing slow waits
 * for (the NTP server), so it is on no critical path.
 */
export function dnsCheck(host: string, opts: { askNonexistent?: boolean } = {}): Check {
  return {
    id: dnsCheckId(host),
    kind: 'dns',
    title: `DNS ${host}`,
    target: { host, port: 53, protocol: 'dns' },
    needs: [],
    budgetShare: 0.4,
    async run({ ctx, probes, budgetMs }) {
      const t = ctx.t;
      const resolvers: readonly ResolverAddr[] = ctx.resolvers;
      if (resolvers.length === 0 && !ctx.useOsResolver) {
        return outcome('fail', 'DNS_NO_RESOLVER', t('dns.noresolver', { host }), {}, [
          it(t('dns.noresolver.fix')),
        ]);
      }
      const probeName = opts.askNonexistent && resolvers[0] ? nonexistentName(host) : null;
      const [direct, os, nonexistent] = await Promise.all([
        Promise.all(
          resolvers.map(async (server): Promise<PerResolver> => {
            const raw = await probes.dns({ name: host, type: 'A', server, timeoutMs: budgetMs });
            const addr = `${server.ip}:${server.port}`;
            // NODATA (the name exists, no A record) is an answer, not a failure: it is DNS_NO_IPV4 below.
            const result: ProbeResult<DnsAnswer> =
              !raw.ok && raw.error.code === 'NODATA'
                ? probeOk(
                    {
                      server: addr,
                      rcode: 'NOERROR',
                      answers: [],
                      cnameChain: [host],
                      addresses: [],
                      viaTcp: false,
                      authoritative: false,
                    },
                    raw.ms,
                  )
                : raw;
            return { server: addr, source: server.source, ms: result.ms, result };
          }),
        ),
        ctx.useOsResolver ? probes.osLookup({ name: host, timeoutMs: budgetMs }) : Promise.resolve(null),
        probeName && resolvers[0]
          ? probes.dns({ name: probeName, type: 'A', server: resolvers[0], timeoutMs: budgetMs })
          : Promise.resolve(null),
      ]);

      const evidence: Evidence = {
        resolvers: direct.map(resolverEvidence),
      };
      if (probeName && nonexistent) {
        evidence.nonexistentName = nonexistent.ok
          ? { name: probeName, rcode: nonexistent.value.rcode, addresses: nonexistent.value.addresses }
          : { name: probeName, error: nonexistent.error.code };
      }
      if (os) {
        evidence.osResolver = os.ok
          ? { addresses: os.value.addresses, ms: Math.round(os.ms) }
          : { error: os.error.code, message: os.error.message, ms: Math.round(os.ms) };
      }

      // The charger asks the DHCP-given resolvers; the OS resolver is the fallback evidence when none
      // could be read (e.g. Windows without a readable resolver list).
      const answered = direct.filter((d) => d.result.ok);
      const first = direct[0];
      if (answered.length === 0) {
        if (first && !first.result.ok)
          return failureOutcome(ctx, host, first.result.error, first.server, evidence);
        if (os && !os.ok) return failureOutcome(ctx, host, os.error, 'OS resolver', evidence);
      }

      let addresses: string[];
      let cnameChain: string[] = [];
      let server: string;
      const best = answered[0];
      if (best?.result.ok) {
        addresses = best.result.value.addresses;
        cnameChain = best.result.value.cnameChain;
        server = best.server;
      } else if (os?.ok) {
        addresses = os.value.addresses;
        server = 'OS resolver';
      } else {
        return outcome(
          'error',
          'DNS_ERROR',
          t('dns.error', { host, server: '-', message: 'no answer' }),
          evidence,
        );
      }
      evidence.addresses = addresses;
      evidence.cnameChain = cnameChain;
      evidence.server = server;

      if (addresses.length === 0) {
        // Does it exist over IPv6 only? The charger speaks IPv4 only.
        const resolver = resolvers[0];
        let ipv6: string[] = [];
        if (resolver) {
          const aaaa = await probes.dns({ name: host, type: 'AAAA', server: resolver, timeoutMs: budgetMs });
          if (aaaa.ok) ipv6 = aaaa.value.addresses;
        }
        evidence.ipv6Addresses = ipv6;
        const vars = { host, server };
        return outcome(
          'fail',
          'DNS_NO_IPV4',
          t(ipv6.length ? 'dns.noipv4.v6only' : 'dns.noipv4', vars),
          evidence,
          [it(t('dns.noipv4.fix', vars))],
        );
      }

      // Every resolver the charger may be handed counts: one with a block list breaks it whenever it
      // is the one asked (a confident wrong answer is not retried elsewhere).
      const candidates: [string, string[]][] = answered.length
        ? answered.map((d) => [d.server, d.result.ok ? d.result.value.addresses : []])
        : [[server, addresses]];
      const sinkholed = candidates
        .flatMap(([srv, list]) => list.map((a) => [a, sinkholeKind(a), srv] as const))
        .find(([, kind]) => kind !== null);
      if (sinkholed) {
        // The range in words of the run's language ("private" -> "privato"); the evidence keeps ipaddr.js's name.
        const range = t(`dns.range.${sinkholed[1] ?? 'unspecified'}` as MessageKey);
        const vars = { host, server: sinkholed[2], address: sinkholed[0], range };
        evidence.sinkhole = { address: sinkholed[0], range: sinkholed[1], server: sinkholed[2] };
        return outcome('fail', 'DNS_SINKHOLE', t('dns.sinkhole', vars), evidence, [
          it(t('dns.sinkhole.fix', vars)),
        ]);
      }

      const failedResolvers = direct.filter((d) => !d.result.ok);
      if (failedResolvers.length > 0) {
        const bad = failedResolvers.map((d) => d.server).join(', ');
        return outcome('warn', 'DNS_PARTIAL', t('dns.partial', { host, bad }), evidence, [
          it(t('dns.partial.fix', { host, bad })),
        ]);
      }
      const via = cnameChain.length > 1 ? ` via ${cnameChain.slice(1).join(' -> ')}` : '';
      return outcome(
        'pass',
        'OK',
        t('dns.ok', { host, addresses: addresses.slice(0, 3).join(', '), via, server }),
        evidence,
      );
    },
  };
}

/** Results that show the address answers as somebody else: a certificate for another name, a redirect. */
const PORTAL_SIGNS = new Set(['TLS_NAME_MISMATCH', 'TLS_UNTRUSTED', 'HTTP_CAPTIVE_PORTAL']);

function sameAddresses(r: CheckResult): string | null {
  const list = r.evidence.addresses;
  if (!Array.isArray(list) || list.length !== 1 || typeof list[0] !== 'string') return null;
  return list[0];
}

/**
 * A captive portal or DNS redirect: the resolver answers every profile host, and a name that cannot
 * exist, with the same one address, and TLS there shows a certificate for another name (or HTTPS a
 * redirect). Then every connection went to the portal: the DNS results say so, each with the same one
 * piece of advice, and the runner turns the hosts' TCP, TLS and HTTPS results into skips (their
 * failures are the portal's, not the hosts'). Pure: runs over the finished results of the run.
 */
export function correlateDns(
  results: CheckResult[],
  t: SiteContext['t'],
  all: readonly CheckResult[] = results,
): CheckResult[] {
  const hostResults = results.filter((r) => r.target.host !== undefined);
  if (hostResults.length < 2) return results;
  if (!hostResults.every((r) => r.status === 'pass' || r.status === 'warn')) return results;
  const address = sameAddresses(hostResults[0]!);
  if (address === null || !hostResults.every((r) => sameAddresses(r) === address)) return results;
  const probe = hostResults
    .map((r) => r.evidence.nonexistentName as { name?: string; addresses?: Json } | undefined)
    .find((p) => Array.isArray(p?.addresses) && p.addresses.includes(address));
  if (!probe?.name) return results;
  const signs = all.filter((r) => PORTAL_SIGNS.has(r.cause));
  if (signs.length === 0) return results;
  const location = all
    .filter((r) => r.cause === 'HTTP_CAPTIVE_PORTAL')
    .map((r) => r.evidence.location)
    .find((l): l is string => typeof l === 'string');
  const serverText = hostResults[0]!.evidence.server;
  const server = typeof serverText === 'string' ? serverText : '';
  // What names the portal: its login page (the redirect), else the name on its certificate.
  const leaf = all
    .map((r) =>
      Array.isArray(r.evidence.chain) ? (r.evidence.chain[0] as { subject?: unknown }) : undefined,
    )
    .find((c) => typeof c?.subject === 'string');
  const portal = location ? location : typeof leaf?.subject === 'string' ? leaf.subject : '';
  const vars = { address, probe: probe.name, server, portal };
  const hijack: Json = {
    address,
    nonexistentName: probe.name,
    seenBy: signs.map((s) => `${s.id} ${s.cause}`),
    ...(location ? { location } : {}),
  };
  return results.map((r) =>
    hostResults.includes(r)
      ? {
          ...r,
          status: 'fail',
          cause: 'DNS_HIJACK',
          summary: t('dns.hijack', { ...vars, host: r.target.host ?? '' }),
          evidence: { ...r.evidence, hijack },
          remediation: [installer(t(portal ? 'dns.hijack.fix' : 'dns.hijack.fix.plain', vars))],
        }
      : r,
  );
}

/** The host whose check also asks a name that cannot exist: one nothing slow waits for (NTP only), else the last. */
function nonexistentCarrier(ctx: SiteContext): string | undefined {
  const hosts = uniqueHosts(ctx);
  const ntpOnly = hosts.find((h) =>
    ctx.profile.endpoints.filter((e) => e.host === h).every((e) => e.protocol === 'ntp'),
  );
  return ntpOnly ?? hosts[hosts.length - 1];
}

export const dnsFamily: CheckFamily = {
  kind: 'dns',
  plan: (ctx) => {
    const carrier = nonexistentCarrier(ctx);
    return uniqueHosts(ctx).map((h) => dnsCheck(h, { askNonexistent: h === carrier }));
  },
  correlate: (results, ctx, all) => correlateDns(results, ctx.t, all),
};
