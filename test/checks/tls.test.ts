import { describe, expect, it } from 'vitest';
import {
  chainIssuer,
  correlateTls,
  interceptionProduct,
  judgeTls,
  leafMatchesHost,
  tlsCheck,
  tlsFamily,
  tlsVersionLabel,
} from '../../src/checks/tls.js';
import type { CheckOutcome } from '../../src/core/check.js';
import { probeFail, probeOk, type ProbeResult } from '../../src/core/errors.js';
import type { CheckResult } from '../../src/core/result.js';
import { createTranslator } from '../../src/i18n/index.js';
import type { CertInfo, TlsInfo, TlsProbeRequest } from '../../src/probes/types.js';
import type { Endpoint } from '../../src/profile/types.js';
import {
  PUBLIC_ROOTS,
  dnsPassed,
  endpointOf,
  fakeContext,
  fakeProbes,
  passed,
  remediationText,
  runCheck,
  testTrust,
} from '../helpers/fake-context.js';

const HUB = 'zapcloud.azure-devices.net';
const API = 'api.zaptec.com';
const DEVICES = 'devices.zaptec.com';
const WEBSITES = 'zapcloud-api.azurewebsites.net';

const NOW = Date.parse('2025-06-01T10:00:00Z');

interface Name {
  CN?: string;
  O?: string;
  OU?: string;
}

function cert(subject: Name, issuer: Name, over: Partial<CertInfo> = {}): CertInfo {
  return {
    subject,
    issuer,
    subjectAltNames: subject.CN ? [subject.CN] : [],
    validFrom: '2025-01-01T00:00:00.000Z',
    validTo: '2026-01-01T00:00:00.000Z',
    serialNumber: '01',
    fingerprint256: `AA:${subject.CN ?? 'x'}:${issuer.CN ?? 'y'}`,
    isCA: false,
    selfSigned: subject.CN === issuer.CN && subject.O === issuer.O,
    ...over,
  };
}

const DIGICERT_ROOT: Name = { CN: 'DigiCert Global Root G2', O: 'DigiCert Inc' };
const DIGICERT_CA: Name = { CN: 'Microsoft Azure RSA TLS Issuing CA 03', O: 'Microsoft Corporation' };

/** A real-looking public chain for a host: leaf, intermediate. */
function publicChain(host: string, leaf: Partial<CertInfo> = {}): CertInfo[] {
  return [
    cert({ CN: host }, DIGICERT_CA, leaf),
    cert(DIGICERT_CA, DIGICERT_ROOT, { isCA: true, subjectAltNames: [] }),
  ];
}

/** What a TLS-inspecting firewall sends: a leaf for the host signed by its own CA, and that CA. */
function interceptedChain(host: string, ca: Name): CertInfo[] {
  return [cert({ CN: host }, ca), cert(ca, ca, { isCA: true, subjectAltNames: [], selfSigned: true })];
}

function info(chain: CertInfo[], authorized: boolean, authorizationError: string | null = null): TlsInfo {
  return {
    protocol: 'TLSv1.2',
    cipher: 'ECDHE-RSA-AES256-GCM-SHA384',
    alpn: null,
    authorized,
    authorizationError,
    chain,
  };
}

const ctx = fakeContext();
const t = { t: ctx.t };

function judge(host: string, r: ProbeResult<TlsInfo>, any?: ProbeResult<TlsInfo>): CheckOutcome {
  const e = endpointOf(ctx, host);
  return judgeTls(t, e, testTrust(e), any ? { charger: r, any } : { charger: r }, NOW, 2000);
}

describe('judgeTls', () => {
  it('passes an authorized chain and names the issuer of the leaf (the intermediate, not the root)', () => {
    const out = judge(HUB, probeOk(info(publicChain(HUB), true), 40));
    expect(out.status).toBe('pass');
    expect(out.cause).toBe('OK');
    expect(out.summary).toContain('issued by Microsoft Azure RSA TLS Issuing CA 03');
    expect(out.summary).not.toContain('DigiCert Global Root G2');
    expect(out.evidence.rootIssuer).toBe('DigiCert Global Root G2, DigiCert Inc');
    expect(out.evidence.protocol).toBe('TLSv1.2');
    expect(out.evidence.chain).toHaveLength(2);
    expect(out.remediation).toEqual([]);
  });

  it('trusts Node’s name check when it authorized the chain (CN fallback, no matching SAN)', () => {
    const chain = publicChain(HUB, { subjectAltNames: [] });
    expect(judge(HUB, probeOk(info(chain, true), 40)).status).toBe('pass');
    // Not authorized and no SAN for the host: a name mismatch.
    expect(judge(HUB, probeOk(info(chain, false, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), 40)).cause).toBe(
      'TLS_NAME_MISMATCH',
    );
  });

  it('fails TLS_EXPIRED on CERT_HAS_EXPIRED, naming the date in plain form and host:port', () => {
    const chain = publicChain(HUB, { validTo: '2025-05-01T08:57:00.000Z' });
    const out = judge(HUB, probeOk(info(chain, false, 'CERT_HAS_EXPIRED'), 40));
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('TLS_EXPIRED');
    expect(out.summary).toContain('expired on 2025-05-01 08:57 UTC');
    expect(out.summary).not.toContain('T08:57');
    expect(remediationText(out)).toContain(`${HUB}:8883`);
  });

  it('an expired intermediate is named by its subject with its own date, never the leaf’s', () => {
    const long = [
      cert({ CN: HUB }, DIGICERT_CA, { validTo: '2026-03-01T00:00:00.000Z' }),
      cert(DIGICERT_CA, { CN: 'Cross Root X1' }, { isCA: true, validTo: '2024-11-30T08:57:00.000Z' }),
      cert({ CN: 'Cross Root X1' }, DIGICERT_ROOT, { isCA: true }),
      cert(DIGICERT_ROOT, DIGICERT_ROOT, { isCA: true, selfSigned: true }),
    ];
    const out = judge(HUB, probeOk(info(long, false, 'CERT_HAS_EXPIRED'), 40));
    expect(out.cause).toBe('TLS_EXPIRED');
    expect(out.summary).toContain('intermediate CA certificate "Microsoft Azure RSA TLS Issuing CA 03');
    expect(out.summary).toContain('2024-11-30 08:57 UTC');
    expect(out.summary).not.toContain('2026-03-01');
    expect(out.evidence.certificateAtFault).toMatchObject({ index: 1, role: 'intermediate' });
    expect(remediationText(out)).toMatch(/whoever runs zapcloud\.azure-devices\.net:8883/);
    const root = [
      cert({ CN: HUB }, DIGICERT_CA),
      cert(DIGICERT_CA, DIGICERT_ROOT, { isCA: true }),
      cert(DIGICERT_ROOT, DIGICERT_ROOT, { isCA: true, selfSigned: true, validTo: '2025-02-01T00:00:00Z' }),
    ];
    const r = judge(HUB, probeOk(info(root, false, 'CERT_HAS_EXPIRED'), 40));
    expect(r.summary).toContain('root CA certificate "DigiCert Global Root G2, DigiCert Inc"');
    expect(r.summary).toContain('2025-02-01 00:00 UTC');
  });

  it('a leaf-only chain from a public CA (AIA names the missing issuer): TLS_CHAIN_INCOMPLETE, a fix for the server', () => {
    const leaf = cert({ CN: API }, DIGICERT_CA, { caIssuers: ['http://cacerts.example/ca03.crt'] });
    const out = judge(API, probeOk(info([leaf], false, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 40));
    expect(out.cause).toBe('TLS_CHAIN_INCOMPLETE');
    expect(out.summary).toContain('does not fetch');
    expect(out.summary).toContain('Microsoft Azure RSA TLS Issuing CA 03');
    expect(remediationText(out)).toMatch(/whoever runs api\.zaptec\.com:443 \(not the site firewall\)/);
    // Without AIA the issuer may be an unknown root: not trusted, as before.
    const bare = cert({ CN: API }, DIGICERT_CA);
    expect(judge(API, probeOk(info([bare], false, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 40)).cause).toBe(
      'TLS_UNTRUSTED',
    );
  });

  it('fails TLS_EXPIRED from the dates when the chain cannot be verified (private trust)', () => {
    const chain = [
      cert({ CN: DEVICES }, { CN: 'Zaptec Device Root' }, { validTo: '2025-05-01T00:00:00.000Z' }),
    ];
    const out = judge(DEVICES, probeOk(info(chain, false, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), 40));
    expect(out.cause).toBe('TLS_EXPIRED');
  });

  it('fails TLS_NOT_YET_VALID on CERT_NOT_YET_VALID', () => {
    const chain = publicChain(API, { validFrom: '2025-07-01T00:00:00.000Z' });
    const out = judge(API, probeOk(info(chain, false, 'CERT_NOT_YET_VALID'), 40));
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('TLS_NOT_YET_VALID');
    expect(out.summary).toContain('2025-07-01');
    expect(remediationText(out)).toContain('clock');
  });

  it('fails TLS_NAME_MISMATCH on ERR_TLS_CERT_ALTNAME_INVALID, naming the names served', () => {
    const chain = publicChain(API, { subjectAltNames: ['portal.example.net'] });
    const out = judge(API, probeOk(info(chain, false, 'ERR_TLS_CERT_ALTNAME_INVALID'), 40));
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('TLS_NAME_MISMATCH');
    expect(out.summary).toContain('portal.example.net');
    expect(remediationText(out)).toContain(`${API}:443`);
  });

  it('fails TLS_UNTRUSTED for a chain under an unknown root', () => {
    const ca: Name = { CN: 'Acme Internal Root', O: 'Acme' };
    const out = judge(API, probeOk(info(interceptedChain(API, ca), false, 'SELF_SIGNED_CERT_IN_CHAIN'), 40));
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('TLS_UNTRUSTED');
    expect(out.summary).toContain('Acme Internal Root');
    expect(remediationText(out)).toContain(API);
    expect(remediationText(out)).toContain('443');
  });

  it('fails TLS_INTERCEPTED naming Fortinet when the issuer is a FortiGate', () => {
    const ca: Name = { CN: 'FGT60F-TLS-Inspection', O: 'Fortinet' };
    const out = judge(HUB, probeOk(info(interceptedChain(HUB, ca), false, 'SELF_SIGNED_CERT_IN_CHAIN'), 40));
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('TLS_INTERCEPTED');
    expect(out.summary).toContain('Fortinet');
    expect(out.evidence.interception).toMatchObject({ product: 'Fortinet FortiGate' });
    expect(remediationText(out)).toContain(`Turn off TLS inspection by Fortinet FortiGate for: ${HUB}:8883`);
  });

  it('names interception even on the private-trust host (a product name is a clear sign)', () => {
    const ca: Name = { CN: 'Zscaler Intermediate Root CA', O: 'Zscaler Inc.' };
    const out = judge(
      DEVICES,
      probeOk(info(interceptedChain(DEVICES, ca), false, 'SELF_SIGNED_CERT_IN_CHAIN'), 40),
    );
    expect(out.cause).toBe('TLS_INTERCEPTED');
    expect(out.summary).toContain('Zscaler');
  });

  it('fails TLS_VERSION when TLS 1.2 fails but the server speaks TLS 1.3', () => {
    const out = judge(
      HUB,
      probeFail('TLS_HANDSHAKE', 'handshake with 198.51.100.40:8883 failed: protocol version', 20),
      probeOk({ ...info(publicChain(HUB), true), protocol: 'TLSv1.3' }, 20),
    );
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('TLS_VERSION');
    expect(out.evidence.serverSpeaks).toBe('TLSv1.3');
    expect(out.summary).toContain('TLS 1.2');
    expect(out.summary).toContain('the server speaks TLS 1.3');
    expect(out.summary).not.toContain('TLSv1');
    expect(remediationText(out)).toContain(`${HUB}:8883`);
  });

  it('is a plain handshake failure when no TLS version works at all', () => {
    const out = judge(
      HUB,
      probeFail('TLS_HANDSHAKE', 'alert 40', 20),
      probeFail('TLS_HANDSHAKE', 'alert 40 again', 20),
    );
    expect(out.cause).toBe('TLS_HANDSHAKE');
    expect(out.evidence.anyVersionError).toBe('alert 40 again');
  });

  it.each([
    ['TIMEOUT', 'TLS_TIMEOUT'],
    ['RESET', 'TLS_RESET'],
  ] as const)('a %s during the handshake is %s', (code, cause) => {
    const out = judge(HUB, probeFail(code, `${code} at 198.51.100.40:8883`, 2000));
    expect(out.status).toBe('fail');
    expect(out.cause).toBe(cause);
    expect(remediationText(out)).toContain(`${HUB}:8883`);
  });

  describe('a handshake that stalls after TCP connected', () => {
    const stalled = (bytesReceived: number): ProbeResult<TlsInfo> => {
      const r = probeFail<TlsInfo>('TIMEOUT', 'TCP connected but nothing came back', 1333);
      if (!r.ok) r.error.bytesReceived = bytesReceived;
      return r;
    };
    const alert = probeFail<TlsInfo>('TLS_HANDSHAKE', 'sslv3 alert handshake failure', 5);
    const silent = stalled(0);
    const judgeStalled = (
      r: ProbeResult<TlsInfo>,
      follow?: { sameName: ProbeResult<TlsInfo>; otherName: ProbeResult<TlsInfo> },
      tr = t,
    ): CheckOutcome => {
      const e = endpointOf(ctx, HUB);
      return judgeTls(tr, e, testTrust(e), { charger: r, ...(follow ? { stalled: follow } : {}) }, NOW, 2000);
    };

    it('nothing back after the ClientHello, nor to the short probes: a filter on the name or DPI (TLS_STALLED_SNI)', () => {
      const out = judgeStalled(silent, { sameName: silent, otherName: silent });
      expect(out.status).toBe('fail');
      expect(out.cause).toBe('TLS_STALLED_SNI');
      expect(out.evidence).toMatchObject({
        bytesReceived: 0,
        shortReplyPassed: false,
        otherNameAnswered: false,
      });
      expect(out.summary).toMatch(/nothing at all comes back after the TLS ClientHello/);
      expect(out.summary).toMatch(/SNI/);
      expect(remediationText(out)).toContain(`${HUB}:8883`);
      expect(remediationText(out)).toMatch(/SNI filter/);
    });

    it('says the filter is on the name when the same server answers a ClientHello for another host', () => {
      const out = judgeStalled(silent, { sameName: silent, otherName: alert });
      expect(out.cause).toBe('TLS_STALLED_SNI');
      expect(out.evidence).toMatchObject({ otherNameAnswered: true, shortReplyPassed: false });
      expect(out.summary).toMatch(/answers a ClientHello naming another host/);
    });

    it('a reply that started and stopped is a path-MTU black hole (TLS_STALLED_MTU) with the byte count', () => {
      const out = judgeStalled(stalled(1448));
      expect(out.cause).toBe('TLS_STALLED_MTU');
      expect(out.evidence.bytesReceived).toBe(1448);
      expect(out.summary).toMatch(/stops after 1448 bytes/);
      const fix = remediationText(out);
      expect(fix).toMatch(/ICMP type 3 code 4/);
      expect(fix).toMatch(/clamp the TCP MSS/);
      expect(fix).toMatch(/VPN, PPPoE and LTE/);
    });

    it('nothing back but the short alert passes: the big packets are lost, a path-MTU black hole', () => {
      const out = judgeStalled(silent, { sameName: alert, otherName: alert });
      expect(out.cause).toBe('TLS_STALLED_MTU');
      expect(out.evidence).toMatchObject({ bytesReceived: 0, shortReplyPassed: true });
      expect(out.summary).toMatch(/short TLS reply gets through/);
    });

    it('without a count (TCP never connected) it stays TLS_TIMEOUT', () => {
      const out = judgeStalled(probeFail('TIMEOUT', 'no answer', 2000));
      expect(out.cause).toBe('TLS_TIMEOUT');
      expect(out.evidence).not.toHaveProperty('bytesReceived');
    });

    it('says both in Italian', () => {
      const it_ = { t: createTranslator('it') };
      expect(judgeStalled(stalled(900), undefined, it_).summary).toMatch(/si interrompe dopo 900 byte/);
      expect(remediationText(judgeStalled(stalled(900), undefined, it_))).toMatch(/ICMP tipo 3 codice 4/);
      expect(judgeStalled(silent, { sameName: silent, otherName: silent }, it_).summary).toMatch(
        /non torna indietro nulla/,
      );
    });
  });

  it('passes devices.zaptec.com (private root) with an unknown issuer: no false alarm', () => {
    const ca: Name = { CN: 'Zaptec Device Root CA', O: 'Zaptec AS' };
    const out = judge(
      DEVICES,
      probeOk(info(interceptedChain(DEVICES, ca), false, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), 40),
    );
    expect(out.status).toBe('pass');
    expect(out.evidence.chainVerified).toBe(false);
    expect(out.summary).toContain('private root');
  });

  it('still checks the name on the private-trust host', () => {
    const chain = [cert({ CN: 'wrong.example.net' }, { CN: 'Zaptec Device Root CA' })];
    const out = judge(DEVICES, probeOk(info(chain, false, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), 40));
    expect(out.cause).toBe('TLS_NAME_MISMATCH');
  });

  describe('issuer trust', () => {
    const endpoint: Endpoint = {
      host: 'broker.example.com',
      port: 8883,
      protocol: 'mqtts',
      trust: { issuer: 'Example Issuing' },
      tlsVersions: ['TLSv1.2'],
      required: true,
      why: 'test',
    };
    const exampleChain = (issuer: Name) => [cert({ CN: endpoint.host }, issuer)];

    it('passes when the expected issuer signs the chain', () => {
      const out = judgeTls(
        t,
        endpoint,
        testTrust(endpoint),
        {
          charger: probeOk(
            info(exampleChain({ CN: 'Example Issuing CA 1' }), false, 'UNABLE_TO_GET_ISSUER_CERT'),
            5,
          ),
        },
        NOW,
        2000,
      );
      expect(out.status).toBe('pass');
    });

    it('fails TLS_UNTRUSTED when another issuer signs it', () => {
      const out = judgeTls(
        t,
        endpoint,
        testTrust(endpoint),
        { charger: probeOk(info(exampleChain({ CN: 'Other CA' }), false, 'UNABLE_TO_GET_ISSUER_CERT'), 5) },
        NOW,
        2000,
      );
      expect(out.cause).toBe('TLS_UNTRUSTED');
    });
  });
});

describe('interceptionProduct', () => {
  it.each([
    [{ O: 'Fortinet' }, 'Fortinet FortiGate'],
    [{ CN: 'FortiGate CA' }, 'Fortinet FortiGate'],
    [{ O: 'Palo Alto Networks' }, 'Palo Alto Networks'],
    [{ CN: 'Zscaler Root CA' }, 'Zscaler'],
    [{ O: 'Sophos Ltd' }, 'Sophos'],
    [{ O: 'Cisco Umbrella' }, 'Cisco'],
    [{ O: 'Check Point Software' }, 'Check Point'],
    [{ O: 'Barracuda Networks' }, 'Barracuda'],
  ])('recognises %j as %s', (issuer, product) => {
    expect(interceptionProduct([cert({ CN: API }, issuer)])).toBe(product);
  });

  it('does not read a leaf owned by a security vendor as interception (only signers count)', () => {
    // A real host of Sophos, properly issued by DigiCert: its own O is Sophos, its signer is not.
    const chain = publicChain('www.sophos.com', {});
    chain[0] = { ...chain[0]!, subject: { CN: 'www.sophos.com', O: 'Sophos Ltd' } };
    expect(interceptionProduct(chain)).toBeNull();
    // The same name on a CA certificate above the leaf is a signer: that counts.
    expect(interceptionProduct(interceptedChain(API, { CN: 'Gateway CA', O: 'Sophos Ltd' }))).toBe('Sophos');
  });

  it('finds nothing in a public chain', () => {
    expect(interceptionProduct(publicChain(HUB))).toBeNull();
    expect(interceptionProduct([])).toBeNull();
  });
});

describe('chainIssuer', () => {
  it('is the issuer of the top certificate, or its subject when self-signed', () => {
    expect(chainIssuer(publicChain(HUB))).toBe('DigiCert Global Root G2, DigiCert Inc');
    expect(chainIssuer(interceptedChain(HUB, { CN: 'Box CA' }))).toBe('Box CA');
    expect(chainIssuer([])).toBe('unknown');
  });
});

describe('leafMatchesHost', () => {
  const leaf = (sans: string[]) => cert({ CN: 'x' }, { CN: 'y' }, { subjectAltNames: sans });

  it('matches exact names, case-insensitively', () => {
    expect(leafMatchesHost(leaf(['API.Zaptec.com']), 'api.zaptec.com')).toBe(true);
    expect(leafMatchesHost(leaf(['api.zaptec.com']), 'devices.zaptec.com')).toBe(false);
  });

  it('lets a wildcard cover exactly one leftmost label', () => {
    const w = leaf(['*.azure-devices.net']);
    expect(leafMatchesHost(w, 'zapcloud.azure-devices.net')).toBe(true);
    expect(leafMatchesHost(w, 'a.zapcloud.azure-devices.net')).toBe(false);
    expect(leafMatchesHost(w, 'azure-devices.net')).toBe(false);
    expect(leafMatchesHost(w, 'zapcloud.azure-devices.net.evil.example')).toBe(false);
  });

  it('does not treat a partial wildcard or a missing leaf as a match', () => {
    expect(leafMatchesHost(leaf(['zap*.azure-devices.net']), 'zapcloud.azure-devices.net')).toBe(false);
    expect(leafMatchesHost(undefined, 'api.zaptec.com')).toBe(false);
  });
});

describe('tls check', () => {
  function respond(fn: (q: TlsProbeRequest) => ProbeResult<TlsInfo>) {
    return fakeProbes({ tls: (q) => Promise.resolve(fn(q)) });
  }

  it('handshakes TLS 1.2 only, with SNI and the public roots, to the DNS address', async () => {
    const e = endpointOf(ctx, HUB);
    const probes = respond(() => probeOk(info(publicChain(HUB), true), 30));
    const out = await runCheck(tlsCheck(e), ctx, probes, [
      dnsPassed(HUB, ['198.51.100.40']),
      passed(`tcp:${HUB}:8883`),
    ]);
    expect(out.status).toBe('pass');
    expect(probes.calls).toHaveLength(1);
    expect(probes.calls[0]!.request).toMatchObject({
      ip: '198.51.100.40',
      port: 8883,
      servername: HUB,
      ca: PUBLIC_ROOTS,
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.2',
    });
  });

  it('goes on over the TCP check connection; keeps it for HTTPS, and for MQTT only with --mqtt-connect', async () => {
    const ok = respond((q) => probeOk(info(publicChain(q.servername), true), 10));
    const hub = endpointOf(ctx, HUB);
    await runCheck(tlsCheck(hub), ctx, ok, [dnsPassed(HUB), passed(`tcp:${HUB}:8883`)]);
    // The hub is followed by nothing without --mqtt-connect: its connection is not kept.
    expect(ok.calls[0]!.request).toMatchObject({ reuse: `${HUB}:8883` });
    expect(ok.calls[0]!.request).not.toHaveProperty('keepAs');
    const https = ctx.profile.endpoints.find((e) => e.protocol === 'https')!;
    await runCheck(tlsCheck(https), ctx, ok, [dnsPassed(https.host), passed(`tcp:${https.host}:443`)]);
    expect(ok.calls[1]!.request).toMatchObject({
      reuse: `${https.host}:443`,
      keepAs: `${https.host}:443`,
    });
    const mqttCtx = { ...ctx, options: { ...ctx.options, mqttConnect: true } };
    await runCheck(tlsCheck(hub), mqttCtx, ok, [dnsPassed(HUB), passed(`tcp:${HUB}:8883`)]);
    expect(ok.calls[2]!.request).toMatchObject({ reuse: `${HUB}:8883`, keepAs: `${HUB}:8883` });
  });

  it('asks again at any version after a TLS 1.2 handshake failure and reports TLS_VERSION', async () => {
    const e = endpointOf(ctx, HUB);
    const probes = respond((q) =>
      q.maxVersion === 'TLSv1.2'
        ? probeFail('TLS_HANDSHAKE', 'protocol version', 10)
        : probeOk({ ...info(publicChain(HUB), true), protocol: 'TLSv1.3' }, 10),
    );
    const out = await runCheck(tlsCheck(e), ctx, probes, [dnsPassed(HUB), passed(`tcp:${HUB}:8883`)]);
    expect(out.cause).toBe('TLS_VERSION');
    expect(out.evidence.serverSpeaks).toBe('TLSv1.3');
    expect(probes.calls[1]!.request).toMatchObject({ minVersion: 'TLSv1', maxVersion: 'TLSv1.3' });
    // The diagnostic attempt is a connection of its own.
    expect(probes.calls[1]!.request).not.toHaveProperty('reuse');
  });

  it('after a stall with nothing back, sends two refused-cipher ClientHellos at once (the host, another name) in the budget left', async () => {
    const e = endpointOf(ctx, HUB);
    const probes = respond((q) => {
      if (q.ciphers === undefined) {
        const r = probeFail<TlsInfo>('TIMEOUT', 'nothing back', 1333);
        if (!r.ok) r.error.bytesReceived = 0;
        return r;
      }
      return probeFail('TLS_HANDSHAKE', 'sslv3 alert handshake failure', 3);
    });
    const out = await runCheck(
      tlsCheck(e),
      ctx,
      probes,
      [dnsPassed(HUB, ['198.51.100.40']), passed(`tcp:${HUB}:8883`)],
      3000,
    );
    expect(out.cause).toBe('TLS_STALLED_MTU');
    // The charger's handshake gets two thirds of the budget; the rest is for the two short probes.
    expect(probes.calls[0]!.request).toMatchObject({ timeoutMs: 2000 });
    expect(probes.calls).toHaveLength(3);
    const follow = probes.calls.slice(1).map((c) => c.request as TlsProbeRequest);
    for (const q of follow) {
      expect(q).toMatchObject({ ciphers: 'eNULL:@SECLEVEL=0', maxVersion: 'TLSv1.2', ip: '198.51.100.40' });
      expect(q).not.toHaveProperty('reuse');
    }
    expect(follow.map((q) => q.servername)).toContain(HUB);
    const other = follow.find((q) => q.servername !== HUB)!.servername;
    expect(other).toMatch(/^[0-9a-f]+\.invalid$/);
    expect(other.length).toBe(HUB.length);
  });

  it('does not send the short probes when the reply started (the count already tells)', async () => {
    const e = endpointOf(ctx, HUB);
    const probes = respond(() => {
      const r = probeFail<TlsInfo>('TIMEOUT', 'stopped', 1333);
      if (!r.ok) r.error.bytesReceived = 517;
      return r;
    });
    const out = await runCheck(tlsCheck(e), ctx, probes, [dnsPassed(HUB), passed(`tcp:${HUB}:8883`)]);
    expect(out.cause).toBe('TLS_STALLED_MTU');
    expect(probes.calls).toHaveLength(1);
  });

  it('does not retry after a timeout (the budget is spent)', async () => {
    const e = endpointOf(ctx, HUB);
    const probes = respond(() => probeFail('TIMEOUT', 'no answer', 2000));
    const out = await runCheck(tlsCheck(e), ctx, probes, [dnsPassed(HUB), passed(`tcp:${HUB}:8883`)]);
    expect(out.cause).toBe('TLS_TIMEOUT');
    expect(probes.calls).toHaveLength(1);
  });

  it('gives the private-trust host no roots (the chain is not judged against public roots)', async () => {
    const e = endpointOf(ctx, DEVICES);
    const probes = respond(() =>
      probeOk(
        info(
          interceptedChain(DEVICES, { CN: 'Zaptec Device Root CA' }),
          false,
          'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
        ),
        10,
      ),
    );
    const out = await runCheck(tlsCheck(e), ctx, probes, [dnsPassed(DEVICES), passed(`tcp:${DEVICES}:443`)]);
    expect(out.status).toBe('pass');
    expect(probes.calls[0]!.request).toMatchObject({ ca: [] });
  });

  it('needs the DNS and TCP checks of its endpoint', () => {
    const checks = tlsFamily.plan(ctx);
    const hub = checks.find((c) => c.id === `tls:${HUB}:8883`);
    expect(hub?.needs).toEqual([`dns:${HUB}`, `tcp:${HUB}:8883`]);
    expect(checks).toHaveLength(4);
  });
});

describe('correlateTls', () => {
  /** Runs every planned TLS check of zaptec-pro with a probe answering per host, as the runner would. */
  async function tlsResults(chainFor: (host: string) => TlsInfo): Promise<CheckResult[]> {
    const probes = fakeProbes({ tls: (q) => Promise.resolve(probeOk(chainFor(q.servername), 10)) });
    const results: CheckResult[] = [];
    for (const check of tlsFamily.plan(ctx)) {
      const host = check.target.host!;
      const out = await runCheck(check, ctx, probes, [
        dnsPassed(host),
        passed(`tcp:${host}:${check.target.port}`),
      ]);
      results.push({
        id: check.id,
        kind: check.kind,
        title: check.title,
        target: check.target,
        ...out,
        durationMs: 1,
      });
    }
    return results;
  }

  const byHost = (results: CheckResult[], host: string) => results.find((r) => r.target.host === host)!;

  it('one unknown issuer signing Azure and Zaptec hosts is interception on all of them, the private one included', async () => {
    const box: Name = { CN: 'Acme Gateway CA', O: 'Acme' };
    const before = await tlsResults((host) =>
      info(interceptedChain(host, box), false, 'SELF_SIGNED_CERT_IN_CHAIN'),
    );
    // each alone only says "untrusted" (or, for the private host, passes)
    expect(byHost(before, HUB).cause).toBe('TLS_UNTRUSTED');
    expect(byHost(before, DEVICES).status).toBe('pass');

    const after = tlsFamily.correlate!(before, ctx);
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    for (const host of [HUB, WEBSITES, API, DEVICES]) {
      const r = byHost(after, host);
      expect(r.status, host).toBe('fail');
      expect(r.cause, host).toBe('TLS_INTERCEPTED');
      expect(r.summary).toContain('Acme Gateway CA');
      expect(remediationText(r)).toContain(`${host}:${r.target.port}`);
    }
    expect(byHost(after, DEVICES).evidence.interception).toMatchObject({ issuer: 'Acme Gateway CA, Acme' });
  });

  it('a self-signed leaf on one host stays TLS_UNTRUSTED', async () => {
    const before = await tlsResults((host) =>
      host === API
        ? info([cert({ CN: API }, { CN: API }, { selfSigned: true })], false, 'DEPTH_ZERO_SELF_SIGNED_CERT')
        : host === DEVICES
          ? info(
              interceptedChain(DEVICES, { CN: 'Zaptec Device Root CA' }),
              false,
              'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
            )
          : info(publicChain(host), true),
    );
    const after = correlateTls(before, ctx.t);
    expect(byHost(after, API).cause).toBe('TLS_UNTRUSTED');
    expect(byHost(after, DEVICES).status).toBe('pass');
    expect(byHost(after, HUB).status).toBe('pass');
  });

  it('one unknown issuer on hosts of a single organisation is not called interception', async () => {
    const zaptecRoot: Name = { CN: 'Zaptec Device Root CA', O: 'Zaptec AS' };
    const before = await tlsResults((host) =>
      host.endsWith('zaptec.com')
        ? info(interceptedChain(host, zaptecRoot), false, 'SELF_SIGNED_CERT_IN_CHAIN')
        : info(publicChain(host), true),
    );
    const after = correlateTls(before, ctx.t);
    expect(byHost(after, API).cause).toBe('TLS_UNTRUSTED');
    expect(byHost(after, DEVICES).status).toBe('pass');
  });
});

describe('tlsVersionLabel', () => {
  it('says TLS 1.0, not OpenSSL’s TLSv1', () => {
    expect(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3', 'SSLv3', 'unknown'].map(tlsVersionLabel)).toEqual([
      'TLS 1.0',
      'TLS 1.1',
      'TLS 1.2',
      'TLS 1.3',
      'SSL 3.0',
      'unknown',
    ]);
  });
});
