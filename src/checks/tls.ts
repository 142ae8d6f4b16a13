import { randomBytes } from 'node:crypto';
import type { Check, CheckFamily, CheckOutcome } from '../core/check.js';
import { outcome } from '../core/check.js';
import type { SiteContext, TrustSpec } from '../core/context.js';
import type { CheckResult, Evidence, Json } from '../core/result.js';
import type { ProbeResult } from '../core/errors.js';
import type { Endpoint } from '../profile/types.js';
import type { CertInfo, TlsInfo } from '../probes/types.js';
import {
  addressesFrom,
  plainUtc,
  connectionKey,
  dnsCheckId,
  it,
  registrableDomain,
  seconds,
  tcpEndpoints,
} from './shared.js';
import { tcpCheckId } from './tcp.js';
import { softenOptional } from './optional.js';

/**
 * R4, R6, R7: a TLS handshake the way the charger makes it (SNI, TLS 1.2, the profile's trust: the
 * public Mozilla roots bundled with Node, a private root file, or an expected issuer; never the OS
 * store), and the chain judged: expired, not yet valid, wrong name, untrusted, or intercepted by a
 * firewall that re-signs TLS with its own CA (the charger rejects that).
 */

/** Products that re-sign TLS (TLS inspection), matched on the issuer names of the chain. */
const INTERCEPTION_PRODUCTS: [RegExp, string][] = [
  [/forti(gate|net)/i, 'Fortinet FortiGate'],
  [/palo ?alto/i, 'Palo Alto Networks'],
  [/zscaler/i, 'Zscaler'],
  [/sophos/i, 'Sophos'],
  [/umbrella|cisco/i, 'Cisco'],
  [/check ?point/i, 'Check Point'],
  [/barracuda/i, 'Barracuda'],
  [/watchguard/i, 'WatchGuard'],
  [/sonicwall/i, 'SonicWall'],
  [/forcepoint|websense/i, 'Forcepoint'],
  [/netskope/i, 'Netskope'],
  [/blue ?coat|symantec web/i, 'Symantec Blue Coat'],
  [/kaspersky/i, 'Kaspersky'],
  [/\beset\b/i, 'ESET'],
  [/avast|avg\b/i, 'Avast/AVG'],
  [/bitdefender/i, 'Bitdefender'],
  [/mcafee|skyhigh/i, 'McAfee/Skyhigh'],
  [/untangle/i, 'Untangle'],
  [/smoothwall/i, 'Smoothwall'],
  [/lightspeed/i, 'Lightspeed'],
  [/securly/i, 'Securly'],
  [/cato ?networks/i, 'Cato Networks'],
  [/meraki/i, 'Cisco Meraki'],
  [/juniper/i, 'Juniper'],
  [/opnsense|pfsense/i, 'OPNsense/pfSense'],
];

export function interceptionProduct(chain: readonly CertInfo[]): string | null {
  for (const [i, cert] of chain.entries()) {
    // The leaf's own subject is the site's organisation (a real host of Cisco or Sophos is no
    // interception); the issuers, and the subjects of the CA certificates above it, name the signer.
    const names = [cert.issuer.O, cert.issuer.CN, cert.issuer.OU, i > 0 ? cert.subject.O : undefined]
      .filter(Boolean)
      .join(' ');
    for (const [re, product] of INTERCEPTION_PRODUCTS) if (re.test(names)) return product;
  }
  return null;
}

/** A protocol name as people write it: OpenSSL's `TLSv1` is TLS 1.0, `TLSv1.2` TLS 1.2, `SSLv3` SSL 3.0. */
export function tlsVersionLabel(protocol: string): string {
  const m = /^(TLS|SSL)v(\d)(?:\.(\d))?$/.exec(protocol);
  return m ? `${m[1]} ${m[2]}.${m[3] ?? '0'}` : protocol;
}

function nameText(n: CertInfo['subject']): string {
  return [n.CN, n.O].filter(Boolean).join(', ') || 'unknown';
}

/** The certificate authority at the top of the chain (the root, or the top-most issuer name). */
export function chainIssuer(chain: readonly CertInfo[]): string {
  const top = chain[chain.length - 1];
  if (!top) return 'unknown';
  return nameText(top.selfSigned ? top.subject : top.issuer);
}

/**
 * Who signed the server's own certificate: the leaf's issuer name. On a chain leaf -> intermediate ->
 * root this is the intermediate, not the root (naming the root made IT look at the wrong certificate).
 */
export function leafIssuer(chain: readonly CertInfo[]): string {
  const leaf = chain[0];
  return leaf ? nameText(leaf.issuer) : 'unknown';
}

/** The role of a certificate in the chain, for messages: the server's own, an intermediate, or the root. */
function roleOf(chain: readonly CertInfo[], i: number): 'leaf' | 'intermediate' | 'root' {
  if (i === 0) return 'leaf';
  return chain[i]?.selfSigned ? 'root' : 'intermediate';
}

/**
 * A leaf-only chain: the server sent just its own certificate, which is not self-signed, and OpenSSL
 * found no issuer for it. When the leaf names where its issuer can be downloaded (Authority Information
 * Access, as every public CA's leaves do) the issuer is an intermediate the server should have sent:
 * browsers fetch it, the charger does not. Without AIA it may as well be an unknown root (TLS_UNTRUSTED).
 */
export function isLeafOnlyChain(info: TlsInfo): boolean {
  const leaf = info.chain[0];
  return (
    !info.authorized &&
    info.chain.length === 1 &&
    leaf !== undefined &&
    !leaf.selfSigned &&
    (info.authorizationError === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
      info.authorizationError === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY') &&
    (leaf.caIssuers?.length ?? 0) > 0
  );
}

/** RFC 6125 style name match on the leaf's DNS SANs (one wildcard label, leftmost only). */
export function leafMatchesHost(leaf: CertInfo | undefined, host: string): boolean {
  if (!leaf) return false;
  const h = host.toLowerCase();
  return leaf.subjectAltNames.some((san) => {
    const name = san.toLowerCase();
    if (name === h) return true;
    if (name.startsWith('*.')) {
      const rest = name.slice(2);
      const dot = h.indexOf('.');
      return dot > 0 && h.slice(dot + 1) === rest;
    }
    return false;
  });
}

function certEvidence(c: CertInfo): Json {
  return {
    subject: c.subject.CN ?? c.subject.O ?? null,
    issuer: [c.issuer.CN, c.issuer.O].filter(Boolean).join(', '),
    validFrom: c.validFrom,
    validTo: c.validTo,
    fingerprint256: c.fingerprint256,
    selfSigned: c.selfSigned,
    ...(c.caIssuers?.length ? { caIssuers: c.caIssuers } : {}),
  };
}

const UNTRUSTED_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
]);

export interface TlsAttempts {
  /** The charger's handshake: the profile's lowest TLS version only. */
  charger: ProbeResult<TlsInfo>;
  /** Only when the charger's failed in the handshake: what the server does speak (any version). */
  any?: ProbeResult<TlsInfo>;
  /**
   * Only when the charger's handshake stalled with nothing back after TCP connected: two ClientHellos
   * offering only ciphers no server accepts (REFUSED_HELLO_CIPHERS), so a server answers each with a
   * 7-byte alert, sent at once side by side: one naming the host, one naming another (made-up) host.
   */
  stalled?: { sameName: ProbeResult<TlsInfo>; otherName: ProbeResult<TlsInfo> };
}

/**
 * NULL-encryption suites only (no server enables them): the server's answer to such a ClientHello is a
 * handshake_failure alert, 7 bytes in one small packet, where the real answer is the certificate flight.
 */
export const REFUSED_HELLO_CIPHERS = 'eNULL:@SECLEVEL=0';

/** Whether a refused-cipher ClientHello got anything back (its alert, a reset, any byte). */
function answered(r: ProbeResult<TlsInfo>): boolean {
  if (r.ok) return true;
  const e = r.error;
  return (
    (e.bytesReceived ?? 0) > 0 || e.code === 'TLS_HANDSHAKE' || e.code === 'TLS_CERT' || e.code === 'RESET'
  );
}

/**
 * The verdict, a pure function of the handshake evidence, the trust and the laptop clock.
 * Exported for tests with recorded evidence.
 */
export function judgeTls(
  ctx: Pick<SiteContext, 't'>,
  endpoint: Endpoint,
  trust: TrustSpec,
  attempts: TlsAttempts,
  nowMs: number,
  limitMs: number,
): CheckOutcome {
  const t = ctx.t;
  const { host, port } = endpoint;
  const version = endpoint.tlsVersions.includes('TLSv1.2') ? 'TLS 1.2' : 'TLS 1.3';
  const vars = { host, port, version, trust: trust.label, limit: seconds(limitMs, ctx.t) };
  const evidence: Evidence = { trust: trust.kind, trustLabel: trust.label };
  const r = attempts.charger;

  if (!r.ok) {
    evidence.error = r.error.code;
    evidence.message = r.error.message;
    if (r.error.code === 'TLS_HANDSHAKE' && attempts.any) {
      const any = attempts.any;
      if (any.ok) {
        evidence.serverSpeaks = any.value.protocol;
        evidence.serverChain = any.value.chain.map(certEvidence);
        const vVars = { ...vars, spoken: tlsVersionLabel(any.value.protocol) };
        return outcome('fail', 'TLS_VERSION', t('tls.version', vVars), evidence, [
          it(t('tls.version.fix', vVars)),
        ]);
      }
      evidence.anyVersionError = any.error.message;
    }
    const bytes = r.error.bytesReceived;
    if (r.error.code === 'TIMEOUT' && bytes !== undefined) {
      // TCP connected and the handshake stalled: what came back after the ClientHello tells the causes
      // apart. A reply that started and stopped, or a short reply that passes where the certificate
      // flight (the first big packets) does not, is a path-MTU black hole; nothing at all, a filter.
      evidence.bytesReceived = bytes;
      const stalled = attempts.stalled;
      if (stalled) {
        evidence.shortReplyPassed = answered(stalled.sameName);
        evidence.otherNameAnswered = answered(stalled.otherName);
      }
      const sVars = { ...vars, bytes };
      if (bytes > 0 || (stalled && answered(stalled.sameName))) {
        const key = bytes > 0 ? 'tls.stalled.mtu' : 'tls.stalled.mtu.short';
        return outcome('fail', 'TLS_STALLED_MTU', t(key, sVars), evidence, [
          it(t('tls.stalled.mtu.fix', sVars)),
        ]);
      }
      const key = stalled && answered(stalled.otherName) ? 'tls.stalled.sni.name' : 'tls.stalled.sni';
      return outcome('fail', 'TLS_STALLED_SNI', t(key, sVars), evidence, [
        it(t('tls.stalled.sni.fix', sVars)),
      ]);
    }
    switch (r.error.code) {
      case 'TLS_HANDSHAKE':
        return outcome('fail', 'TLS_HANDSHAKE', handshakeSummary(t, vars, r.error), evidence, [
          it(t('tls.handshake.fix', vars)),
        ]);
      case 'TIMEOUT':
      case 'ABORTED':
        return outcome('fail', 'TLS_TIMEOUT', t('tls.timeout', vars), evidence, [
          it(t('tls.timeout.fix', vars)),
        ]);
      case 'RESET':
      case 'REFUSED':
        return outcome('fail', 'TLS_RESET', t('tls.reset', vars), evidence, [it(t('tls.reset.fix', vars))]);
      case 'BLOCKED':
        return outcome('error', 'GUARD_BLOCKED', t('guard.blocked', { what: `${host}:${port}` }), evidence);
      default:
        return outcome('fail', 'TLS_HANDSHAKE', handshakeSummary(t, vars, r.error), evidence, [
          it(t('tls.handshake.fix', vars)),
        ]);
    }
  }

  const info = r.value;
  const chain = info.chain;
  const leaf = chain[0];
  const issuer = leafIssuer(chain);
  Object.assign(evidence, {
    protocol: info.protocol,
    cipher: info.cipher,
    authorized: info.authorized,
    authorizationError: info.authorizationError,
    issuer,
    rootIssuer: chainIssuer(chain),
    chain: chain.map(certEvidence),
  });
  const iVars = { ...vars, issuer, protocol: tlsVersionLabel(info.protocol) };

  const product = interceptionProduct(chain);
  if (product && !info.authorized) {
    const pVars = { ...iVars, product };
    evidence.interception = { product, issuer };
    return outcome('fail', 'TLS_INTERCEPTED', t('tls.intercepted.product', pVars), evidence, [
      it(t('tls.intercepted.fix', pVars)),
    ]);
  }

  // Dates and name first: they are what a person can act on, whatever the chain. The certificate at
  // fault is named: an expired intermediate is not the server's own certificate, and its date is not
  // the leaf's.
  const code = info.authorizationError;
  const expiredAt = info.authorized ? -1 : chain.findIndex((c) => Date.parse(c.validTo) < nowMs);
  const earlyAt = info.authorized ? -1 : chain.findIndex((c) => Date.parse(c.validFrom) > nowMs);
  if (code === 'CERT_HAS_EXPIRED' || expiredAt >= 0) {
    const at = Math.max(0, expiredAt);
    const cert = chain[at];
    const eVars = { ...iVars, date: plainUtc(cert?.validTo), subject: nameText(cert?.subject ?? {}) };
    evidence.certificateAtFault = { index: at, role: roleOf(chain, at), subject: eVars.subject };
    if (at === 0) {
      return outcome('fail', 'TLS_EXPIRED', t('tls.expired', eVars), evidence, [
        it(t('tls.expired.fix', eVars)),
      ]);
    }
    const cVars = { ...eVars, role: t(`tls.role.${roleOf(chain, at)}`) };
    return outcome('fail', 'TLS_EXPIRED', t('tls.expired.ca', cVars), evidence, [
      it(t('tls.expired.ca.fix', cVars)),
    ]);
  }
  if (code === 'CERT_NOT_YET_VALID' || earlyAt >= 0) {
    const at = Math.max(0, earlyAt);
    const cert = chain[at];
    const eVars = { ...iVars, date: plainUtc(cert?.validFrom), subject: nameText(cert?.subject ?? {}) };
    evidence.certificateAtFault = { index: at, role: roleOf(chain, at), subject: eVars.subject };
    if (at === 0) {
      return outcome('fail', 'TLS_NOT_YET_VALID', t('tls.notyet', eVars), evidence, [
        it(t('tls.notyet.fix', eVars)),
      ]);
    }
    const cVars = { ...eVars, role: t(`tls.role.${roleOf(chain, at)}`) };
    return outcome('fail', 'TLS_NOT_YET_VALID', t('tls.notyet.ca', cVars), evidence, [
      it(t('tls.notyet.fix', eVars)),
    ]);
  }
  // Node already matched the name when it authorized the chain (including its CN fallback).
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || (!info.authorized && !leafMatchesHost(leaf, host))) {
    const nVars = { ...iVars, names: (leaf?.subjectAltNames ?? []).slice(0, 4).join(', ') || '-' };
    return outcome('fail', 'TLS_NAME_MISMATCH', t('tls.name', nVars), evidence, [
      it(t('tls.name.fix', nVars)),
    ]);
  }

  if (trust.kind === 'issuer') {
    const want = (trust.issuer ?? '').toLowerCase();
    const names = chain.flatMap((c) => [c.issuer.CN, c.issuer.O, c.subject.CN, c.subject.O]);
    if (names.some((n) => n?.toLowerCase().includes(want))) {
      return outcome('pass', 'OK', t('tls.ok.issuer', iVars), evidence);
    }
    return outcome('fail', 'TLS_UNTRUSTED', t('tls.untrusted', iVars), evidence, [
      it(t('tls.untrusted.fix', iVars)),
    ]);
  }
  if (trust.kind === 'private' && trust.roots.length === 0) {
    // The charger checks this host against a root zapcheck does not have: handshake and name only.
    // correlate() still flags it when the same unknown issuer also signs public hosts.
    evidence.chainVerified = false;
    return outcome('pass', 'OK', t('tls.ok.private', iVars), evidence);
  }
  if (info.authorized) return outcome('pass', 'OK', t('tls.ok', iVars), evidence);
  if (isLeafOnlyChain(info)) {
    evidence.caIssuers = leaf?.caIssuers ?? [];
    return outcome('fail', 'TLS_CHAIN_INCOMPLETE', t('tls.chain.incomplete', iVars), evidence, [
      it(t('tls.chain.incomplete.fix', iVars)),
    ]);
  }
  if (code && !UNTRUSTED_CODES.has(code)) {
    return outcome('fail', 'TLS_UNTRUSTED', t('tls.untrusted.code', { ...iVars, code }), evidence, [
      it(t('tls.untrusted.fix', iVars)),
    ]);
  }
  return outcome('fail', 'TLS_UNTRUSTED', t('tls.untrusted', iVars), evidence, [
    it(t('tls.untrusted.fix', iVars)),
  ]);
}

/**
 * A failed handshake in the run's language: OpenSSL's reason ("tlsv1 alert access denied", its own fixed
 * words, which IT can look up), or a connection closed mid-handshake; else the probe's message.
 */
function handshakeSummary(
  t: SiteContext['t'],
  vars: Record<string, string | number>,
  error: { message: string; cause?: unknown },
): string {
  const reason = (error.cause as { reason?: unknown } | undefined)?.reason;
  if (typeof reason === 'string' && /^[a-z0-9][a-z0-9 ._()-]{0,99}$/i.test(reason)) {
    return t('tls.handshake.reason', { ...vars, reason });
  }
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  if (code === 'ECONNRESET') return t('tls.handshake.closed', vars);
  return t('tls.handshake', { ...vars, message: error.message });
}

/** A made-up name under .invalid (RFC 6761), about as long as `host` so the ClientHello is the same size. */
function otherServername(host: string): string {
  const length = Math.min(63, Math.max(4, host.length - '.invalid'.length));
  return `${randomBytes(32).toString('hex').slice(0, length)}.invalid`;
}

export function tlsCheckId(e: Pick<Endpoint, 'host' | 'port'>): string {
  return `tls:${e.host}:${e.port}`;
}

export function tlsCheck(endpoint: Endpoint): Check {
  const { host, port } = endpoint;
  const dnsId = dnsCheckId(host);
  const tcpId = tcpCheckId(endpoint);
  const lowest = endpoint.tlsVersions.includes('TLSv1.2') ? 'TLSv1.2' : 'TLSv1.3';
  return {
    id: tlsCheckId(endpoint),
    kind: 'tls',
    title: `TLS ${host}:${port}`,
    target: { host, port, protocol: 'tls' },
    needs: [dnsId, tcpId],
    budgetShare: 0.5,
    async run({ ctx, probes, deps, budgetMs }) {
      const ip = addressesFrom(deps[dnsId])[0] ?? '';
      const trust = ctx.trustFor(endpoint);
      const started = ctx.clock.monotonic();
      // A third of the budget stays for telling a stalled handshake's causes apart (judgeTls).
      const reserve = Math.floor(budgetMs / 3);
      // Over the TCP check's connection; the verified socket then carries the HTTPS request (or the
      // MQTT CONNECT), as one connection does for the charger.
      const key = connectionKey(endpoint);
      const followed =
        endpoint.protocol === 'https' || (endpoint.protocol === 'mqtts' && ctx.options.mqttConnect);
      const charger = await probes.tls({
        ip,
        port,
        servername: host,
        ca: trust.roots,
        minVersion: lowest,
        maxVersion: lowest,
        timeoutMs: Math.max(1, budgetMs - reserve),
        reuse: key,
        ...(followed ? { keepAs: key } : {}),
      });
      const attempts: TlsAttempts = { charger };
      if (!charger.ok && charger.error.code === 'TLS_HANDSHAKE') {
        // Learn what the server does speak (TLS 1.3 only? 1.0 only?), at the lowest security level.
        const left = Math.max(1, budgetMs - (ctx.clock.monotonic() - started));
        attempts.any = await probes.tls({
          ip,
          port,
          servername: host,
          ca: trust.roots,
          minVersion: 'TLSv1',
          maxVersion: 'TLSv1.3',
          ciphers: 'DEFAULT@SECLEVEL=0',
          timeoutMs: left,
        });
      }
      if (!charger.ok && charger.error.code === 'TIMEOUT' && charger.error.bytesReceived === 0) {
        // Nothing came back: does a short reply pass (then big packets are lost), and does the server
        // answer a ClientHello that names another host (then the name is what is filtered)?
        const left = Math.max(1, budgetMs - (ctx.clock.monotonic() - started));
        const refused = {
          ip,
          port,
          ca: trust.roots,
          minVersion: 'TLSv1',
          maxVersion: 'TLSv1.2',
          ciphers: REFUSED_HELLO_CIPHERS,
          timeoutMs: left,
        } as const;
        const [sameName, otherName] = await Promise.all([
          probes.tls({ ...refused, servername: host }),
          probes.tls({ ...refused, servername: otherServername(host) }),
        ]);
        attempts.stalled = { sameName, otherName };
      }
      return judgeTls(ctx, endpoint, trust, attempts, ctx.clock.now(), budgetMs);
    },
  };
}

function issuerKey(r: CheckResult): string | null {
  const chain = r.evidence.chain;
  if (!Array.isArray(chain) || chain.length === 0) return null;
  const top = chain[chain.length - 1] as { issuer?: string; fingerprint256?: string; selfSigned?: boolean };
  // A self-signed leaf per host is not one CA signing many hosts.
  if (chain.length === 1 && top.selfSigned) return null;
  return top.issuer ?? null;
}

/**
 * One unknown CA signing hosts of unrelated organisations is a TLS-inspecting firewall, even when its
 * name gives no product away. Pure: runs over the finished TLS results of the run.
 */
export function correlateTls(results: CheckResult[], t: SiteContext['t']): CheckResult[] {
  const suspects = results.filter(
    (r) =>
      r.cause === 'TLS_UNTRUSTED' ||
      r.cause === 'TLS_CHAIN_INCOMPLETE' ||
      (r.status === 'pass' && r.evidence.chainVerified === false),
  );
  const sitesByIssuer = new Map<string, Set<string>>();
  for (const r of suspects) {
    const key = issuerKey(r);
    if (!key) continue;
    const set = sitesByIssuer.get(key) ?? new Set<string>();
    set.add(registrableDomain(r.target.host ?? ''));
    sitesByIssuer.set(key, set);
  }
  return results.map((r) => {
    const key = suspects.includes(r) ? issuerKey(r) : null;
    if (!key || (sitesByIssuer.get(key)?.size ?? 0) < 2) return r;
    const hosts = suspects
      .filter((s) => issuerKey(s) === key)
      .map((s) => s.target.host ?? '')
      .join(', ');
    const vars = { host: r.target.host ?? '', port: r.target.port ?? 0, issuer: key, hosts, product: key };
    return {
      ...r,
      status: r.evidence.optionalFailure === true ? 'warn' : 'fail',
      cause: 'TLS_INTERCEPTED',
      summary: t('tls.intercepted.issuer', vars),
      evidence: { ...r.evidence, interception: { product: null, issuer: key, hosts } },
      remediation: [it(t('tls.intercepted.issuer.fix', vars))],
    };
  });
}

export const tlsFamily: CheckFamily = {
  kind: 'tls',
  plan: (ctx) => tcpEndpoints(ctx).map((e) => softenOptional(tlsCheck(e), e, ctx)),
  correlate: (results, ctx) => correlateTls(results, ctx.t),
};
