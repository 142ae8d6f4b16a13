import type { Check, CheckFamily, CheckOutcome } from '../core/check.js';
import type { SiteContext } from '../core/context.js';
import type { CheckResult } from '../core/result.js';
import { outcome } from '../core/check.js';
import type { Endpoint } from '../profile/types.js';
import {
  addressesFrom,
  connectionKey,
  dnsCheckId,
  it,
  noIpv4Route,
  seconds,
  tcpEndpoints,
} from './shared.js';
import { softenOptional } from './optional.js';

/**
 * R6/R7: an outbound TCP connection over IPv4 reaches each endpoint. The user is told which way it
 * fails, because IT fixes them differently: refused (a reset came back: a firewall rejects, or nothing
 * listens), dropped (no answer at all: a firewall silently drops), unreachable (no route).
 */

export function tcpCheckId(e: Pick<Endpoint, 'host' | 'port'>): string {
  return `tcp:${e.host}:${e.port}`;
}

export function tcpCheck(endpoint: Endpoint): Check {
  const { host, port } = endpoint;
  const dnsId = dnsCheckId(host);
  return {
    id: tcpCheckId(endpoint),
    kind: 'tcp',
    title: `TCP ${host}:${port}`,
    target: { host, port, protocol: 'tcp' },
    needs: [dnsId],
    budgetShare: 0.5,
    async run({ ctx, probes, deps, budgetMs }): Promise<CheckOutcome> {
      const t = ctx.t;
      const ip = addressesFrom(deps[dnsId])[0];
      if (!ip) return outcome('error', 'INTERNAL_ERROR', t('tcp.noaddress', { host }));
      // Every TCP endpoint has a TLS check, which goes on over this connection.
      const r = await probes.tcp({ ip, port, timeoutMs: budgetMs, keepAs: connectionKey(endpoint) });
      const vars = { host, port, ip, limit: seconds(budgetMs, ctx.t), ms: Math.round(r.ms) };
      const evidence = {
        ip,
        port,
        ms: Math.round(r.ms),
        ...(r.ok ? { remote: r.value.remote } : { error: r.error.code, message: r.error.message }),
      };
      if (r.ok) return outcome('pass', 'OK', t('tcp.ok', vars), evidence);
      switch (r.error.code) {
        case 'REFUSED':
          return outcome('fail', 'TCP_REFUSED', t('tcp.refused', vars), evidence, [
            it(t('tcp.refused.fix', vars)),
          ]);
        case 'TIMEOUT':
        case 'ABORTED':
          return outcome('fail', 'TCP_DROPPED', t('tcp.dropped', vars), evidence, [
            it(t('tcp.dropped.fix', vars)),
          ]);
        case 'UNREACHABLE':
          return outcome('fail', 'TCP_UNREACHABLE', t('tcp.unreachable', vars), evidence, [
            it(t('tcp.unreachable.fix', vars)),
          ]);
        case 'RESET':
          return outcome('fail', 'TCP_RESET', t('tcp.reset', vars), evidence, [
            it(t('tcp.refused.fix', vars)),
          ]);
        case 'BLOCKED':
          return outcome('error', 'GUARD_BLOCKED', t('guard.blocked', { what: `${ip}:${port}` }), evidence);
        default:
          return outcome(
            'error',
            'INTERNAL_ERROR',
            t('tcp.error', { ...vars, message: r.error.message }),
            evidence,
          );
      }
    },
  };
}

/**
 * With no IPv4 default route (env:route ENV_NO_IPV4) an unreachable endpoint is that missing route: said
 * so, and the one request is the route's (a gateway by DHCP), not an allow rule per port that cannot help.
 */
export function correlateTcp(
  results: CheckResult[],
  t: SiteContext['t'],
  all?: readonly CheckResult[],
): CheckResult[] {
  if (!noIpv4Route(all)) return results;
  return results.map((r) =>
    r.cause === 'TCP_UNREACHABLE'
      ? {
          ...r,
          summary: t('tcp.unreachable.noroute', {
            host: r.target.host ?? '',
            port: r.target.port ?? 0,
            ip: typeof r.evidence.ip === 'string' ? r.evidence.ip : '',
          }),
          remediation: [],
        }
      : r,
  );
}

export const tcpFamily: CheckFamily = {
  kind: 'tcp',
  plan: (ctx) => tcpEndpoints(ctx).map((e) => softenOptional(tcpCheck(e), e, ctx)),
  correlate: (results, ctx, all) => correlateTcp(results, ctx.t, all),
};
