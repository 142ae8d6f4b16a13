import type { Check, CheckFamily, CheckOutcome } from '../core/check.js';
import { outcome } from '../core/check.js';
import type { Endpoint } from '../profile/types.js';
import type { Evidence, Json } from '../core/result.js';
import { addressesFrom, dnsCheckId, installer, it, seconds } from './shared.js';
import type { Translate } from '../i18n/index.js';
import { softenOptional } from './optional.js';

/**
 * R5: an NTP reply arrives on UDP 123 from the profile's NTP servers (RFC 5905 validation is the
 * probe's). The offset between that reply and this laptop's clock is reported: the IoT Hub refuses a
 * charger whose clock is more than 5 minutes off (its password is a time-limited token), and a laptop
 * clock that far off also makes certificates look invalid.
 */

export const CLOCK_WARN_MS = 60_000;
export const CLOCK_FAIL_MS = 5 * 60_000;
/** How many of the host's addresses are asked at once (pool.ntp.org answers with four). */
const MAX_SERVERS = 3;

/** "10.0 min" ("10,0 min" in Italian), "2.5 s", "40 ms": numbers in the run's language. */
function humanOffset(ms: number, t: Translate): string {
  const abs = Math.abs(ms);
  if (abs >= 120_000) return t('unit.min.1', { x: abs / 60_000 });
  if (abs >= 1000) return t('unit.s.1', { x: abs / 1000 });
  return t('unit.ms', { x: Math.round(abs) });
}

export function ntpCheck(endpoint: Endpoint): Check {
  const { host, port } = endpoint;
  const dnsId = dnsCheckId(host);
  return {
    id: `ntp:${host}:${port}`,
    kind: 'ntp',
    title: `NTP ${host} (UDP ${port})`,
    target: { host, port, protocol: 'ntp' },
    needs: [dnsId],
    budgetShare: 0.5,
    async run({ ctx, probes, deps, budgetMs }): Promise<CheckOutcome> {
      const t = ctx.t;
      const addresses = addressesFrom(deps[dnsId]).slice(0, MAX_SERVERS);
      const samples = await Promise.all(addresses.map((ip) => probes.ntp({ ip, port, timeoutMs: budgetMs })));
      const servers: Json[] = samples.map((s, i) =>
        s.ok
          ? {
              server: `${addresses[i]}:${port}`,
              stratum: s.value.stratum,
              offsetMs: Math.round(s.value.offsetMs),
              delayMs: Math.round(s.value.delayMs),
              kissCode: s.value.kissCode,
              unsynchronised: s.value.unsynchronised ?? null,
              serverTime: s.value.serverTime,
            }
          : { server: `${addresses[i]}:${port}`, error: s.error.code, message: s.error.message },
      );
      const evidence: Evidence = { servers };
      const vars = { host, port, limit: seconds(budgetMs, ctx.t) };

      const good = samples.flatMap((s) =>
        s.ok && s.value.kissCode === null && !s.value.unsynchronised ? [s.value] : [],
      );
      const best = good.sort((a, b) => a.delayMs - b.delayMs)[0];
      if (best) {
        evidence.offsetMs = Math.round(best.offsetMs);
        evidence.delayMs = Math.round(best.delayMs);
        evidence.stratum = best.stratum;
        const offset = humanOffset(best.offsetMs, t);
        const direction = best.offsetMs > 0 ? t('ntp.behind') : t('ntp.ahead');
        const offVars = { ...vars, offset, direction, stratum: best.stratum };
        if (Math.abs(best.offsetMs) > CLOCK_FAIL_MS) {
          return outcome('fail', 'CLOCK_SKEW', t('ntp.skew.fail', offVars), evidence, [
            installer(t('ntp.skew.fix.installer', offVars)),
            it(t('ntp.skew.fix.it', offVars)),
          ]);
        }
        if (Math.abs(best.offsetMs) > CLOCK_WARN_MS) {
          return outcome('warn', 'CLOCK_SKEW', t('ntp.skew.warn', offVars), evidence, [
            installer(t('ntp.skew.fix.installer', offVars)),
          ]);
        }
        return outcome('pass', 'OK', t('ntp.ok', offVars), evidence);
      }

      // A server that answers but is not synchronised itself (a local time server or router with no
      // upstream): its time is no time to set a clock by.
      const unsync = samples.find((s) => s.ok && s.value.unsynchronised);
      if (unsync?.ok) {
        const uVars = { ...vars, reason: unsync.value.unsynchronised ?? '', server: unsync.value.server };
        return outcome('fail', 'NTP_UNSYNCHRONISED', t('ntp.unsync', uVars), evidence, [
          it(t('ntp.unsync.fix', uVars)),
        ]);
      }
      const kiss = samples.find((s) => s.ok && s.value.kissCode !== null);
      if (kiss?.ok) {
        const kVars = { ...vars, code: kiss.value.kissCode ?? '' };
        return outcome('fail', 'NTP_KOD', t('ntp.kod', kVars), evidence, [it(t('ntp.kod.fix', kVars))]);
      }
      const errors = samples.flatMap((s) => (s.ok ? [] : [s.error]));
      if (errors.some((e) => e.code === 'BLOCKED')) {
        return outcome('error', 'GUARD_BLOCKED', t('guard.blocked', { what: `${host}:${port}` }), evidence);
      }
      if (errors.length > 0 && errors.every((e) => e.code === 'PROTOCOL' || e.code === 'TOO_LARGE')) {
        const first = errors[0]?.message ?? '';
        const zero = (errors[0]?.cause as { ntp?: unknown } | undefined)?.ntp === 'zero-transmit';
        const summary = zero ? t('ntp.bad.zero', vars) : t('ntp.bad', { ...vars, message: first });
        return outcome('fail', 'NTP_BAD_REPLY', summary, evidence, [it(t('ntp.bad.fix', vars))]);
      }
      const refused = errors.some((e) => e.code === 'REFUSED');
      const unreachable = errors.some((e) => e.code === 'UNREACHABLE');
      const key = refused ? 'ntp.rejected' : unreachable ? 'ntp.unreachable' : 'ntp.noreply';
      return outcome('fail', 'NTP_NO_REPLY', t(key, vars), evidence, [it(t('ntp.noreply.fix', vars))]);
    },
  };
}

export const ntpFamily: CheckFamily = {
  kind: 'ntp',
  plan: (ctx) =>
    ctx.profile.endpoints.filter((e) => e.protocol === 'ntp').map((e) => softenOptional(ntpCheck(e), e, ctx)),
};
