import type { Check, CheckFamily, CheckOutcome } from '../core/check.js';
import { outcome } from '../core/check.js';
import type { Evidence } from '../core/result.js';
import type { Endpoint } from '../profile/types.js';
import type { HttpsInfo } from '../probes/types.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import type { ProbeError } from '../core/errors.js';
import { addressesFrom, connectionKey, dnsCheckId, it, registrableDomain, seconds } from './shared.js';
import { tlsCheckId } from './tls.js';
import { softenOptional } from './optional.js';

/**
 * R6: an HTTP answer from the real host over HTTPS (firmware downloads). Any status from the real
 * host passes; a redirect to another site or a login form is a captive portal, a 407 is a network
 * that only lets an explicit proxy out (the charger cannot use one).
 */

/** A login form: a password field in an HTML answer. */
function looksLikeLogin(info: HttpsInfo): boolean {
  return /html/i.test(info.contentType ?? '') && /<input[^>]+type=["']?password/i.test(info.bodySnippet);
}

export function judgeHttps(t: Translate, endpoint: Endpoint, info: HttpsInfo): CheckOutcome {
  const { host, port } = endpoint;
  const evidence: Evidence = {
    status: info.status,
    location: info.location,
    contentType: info.contentType,
    headers: info.headers,
  };
  const vars = { host, port, status: info.status, location: info.location ?? '' };
  if (info.status === 407) {
    return outcome('fail', 'HTTP_PROXY_REQUIRED', t('https.proxy', vars), evidence, [
      it(t('https.proxy.fix', vars)),
    ]);
  }
  if (info.status >= 300 && info.status < 400 && info.location) {
    let target = '';
    try {
      target = new URL(info.location).hostname;
    } catch {
      target = '';
    }
    if (!target || registrableDomain(target) !== registrableDomain(host)) {
      const cVars = { ...vars, target: target || info.location };
      return outcome('fail', 'HTTP_CAPTIVE_PORTAL', t('https.captive', cVars), evidence, [
        it(t('https.captive.fix', cVars)),
      ]);
    }
  }
  if (looksLikeLogin(info)) {
    return outcome('fail', 'HTTP_CAPTIVE_PORTAL', t('https.login', vars), evidence, [
      it(t('https.captive.fix', { ...vars, target: host })),
    ]);
  }
  return outcome('pass', 'OK', t('https.ok', vars), evidence);
}

export function httpsCheck(endpoint: Endpoint): Check {
  const { host, port } = endpoint;
  const dnsId = dnsCheckId(host);
  const tlsId = tlsCheckId(endpoint);
  return {
    id: `https:${host}:${port}`,
    kind: 'https',
    title: `HTTPS ${host}:${port}`,
    target: { host, port, protocol: 'https' },
    needs: [dnsId, tlsId],
    budgetShare: 0.5,
    async run({ ctx, probes, deps, budgetMs }) {
      const t = ctx.t;
      const ip = addressesFrom(deps[dnsId])[0] ?? '';
      const trust = ctx.trustFor(endpoint);
      const r = await probes.https({
        ip,
        port,
        servername: host,
        path: endpoint.path ?? '/',
        ca: trust.roots,
        verify: trust.roots.length > 0 && trust.kind !== 'issuer',
        timeoutMs: budgetMs,
        // The TLS check's verified connection, when it is still fresh.
        reuse: connectionKey(endpoint),
      });
      if (r.ok) return judgeHttps(t, endpoint, r.value);
      const vars = { host, port, limit: seconds(budgetMs, ctx.t), message: r.error.message };
      const evidence = { error: r.error.code, message: r.error.message };
      switch (r.error.code) {
        case 'TIMEOUT':
        case 'ABORTED':
          return outcome('fail', 'HTTP_NO_ANSWER', t('https.noanswer', vars), evidence, [
            it(t('https.noanswer.fix', vars)),
          ]);
        case 'BLOCKED':
          return outcome('error', 'GUARD_BLOCKED', t('guard.blocked', { what: `${host}:${port}` }), evidence);
        default:
          return outcome('fail', 'HTTP_BAD_RESPONSE', t(badResponseKey(r.error), vars), evidence, [
            it(t('https.noanswer.fix', vars)),
          ]);
      }
    },
  };
}

/**
 * What was wrong with the answer, in the run's language: the probe's own message (English, with the
 * parser's words) stays in the evidence. Not HTTP (the HTTP parser's HPE_ codes), closed, reset, too large.
 */
function badResponseKey(error: ProbeError): MessageKey {
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  if (error.code === 'TOO_LARGE') return 'https.bad.large';
  if (error.code === 'RESET') return 'https.bad.reset';
  if (error.code === 'PROTOCOL' && typeof code === 'string') {
    if (code.startsWith('HPE_')) return 'https.bad.nothttp';
    if (code === 'ECONNRESET') return 'https.bad.closed';
  }
  return 'https.bad';
}

export const httpsFamily: CheckFamily = {
  kind: 'https',
  plan: (ctx) =>
    ctx.profile.endpoints
      .filter((e) => e.protocol === 'https')
      .map((e) => softenOptional(httpsCheck(e), e, ctx)),
};
