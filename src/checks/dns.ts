import ipaddr from 'ipaddr.js';
import type { Check, CheckFamily, CheckOutcome } from '../core/check.js';
import { outcome } from '../core/check.js';
import { type ProbeError, type ProbeResult, probeOk } from '../core/errors.js';
import type { ResolverAddr, SiteContext } from '../core/context.js';
import type { Evidence } from '../core/result.js';
import type { DnsAnswer } from '../probes/types.js';
import { dnsCheckId, it, seconds, uniqueHosts } from './shared.js';
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

export function dnsCheck(host: string): Check {
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
      const [direct, os] = await Promise.all([
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
      ]);

      const evidence: Evidence = {
        resolvers: direct.map(resolverEvidence),
      };
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

export const dnsFamily: CheckFamily = {
  kind: 'dns',
  plan: (ctx) => uniqueHosts(ctx).map(dnsCheck),
};
