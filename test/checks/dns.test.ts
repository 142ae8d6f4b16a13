import { describe, expect, it } from 'vitest';
import { correlateDns, dnsCheck, dnsFamily, sinkholeKind } from '../../src/checks/dns.js';
import type { CheckResult } from '../../src/core/result.js';
import { createTranslator } from '../../src/i18n/index.js';
import { groupRemediation } from '../../src/report/remediation.js';
import { probeFail, probeOk, type ProbeErrorCode, type ProbeResult } from '../../src/core/errors.js';
import type { ResolverAddr } from '../../src/core/context.js';
import type { DnsAnswer } from '../../src/probes/types.js';
import {
  TEST_RESOLVER,
  TEST_RESOLVER_2,
  fakeContext,
  fakeProbes,
  passed,
  remediationText,
  runCheck,
} from '../helpers/fake-context.js';

const HOST = 'api.zaptec.com';

function answer(addresses: string[], cnameChain: string[] = [HOST], server = TEST_RESOLVER): DnsAnswer {
  return {
    server: `${server.ip}:${server.port}`,
    rcode: 'NOERROR',
    answers: addresses.map((a) => ({ name: cnameChain.at(-1) ?? HOST, type: 'A', ttl: 60, data: a })),
    cnameChain,
    addresses,
    viaTcp: false,
    authoritative: false,
  };
}

function dnsFails(code: ProbeErrorCode): ProbeResult<DnsAnswer> {
  return probeFail(code, `${code} from 192.0.2.53:53 for ${HOST}`, 12);
}

/** Runs the dns check for HOST with one resolver answering `result`. */
async function runWith(result: ProbeResult<DnsAnswer>) {
  const ctx = fakeContext();
  const probes = fakeProbes({ dns: () => Promise.resolve(result) });
  return runCheck(dnsCheck(HOST), ctx, probes);
}

describe('dns check', () => {
  it('says "CNAME chain longer than 16" for a chain too long, not "broken packet" (the probe’s cause)', async () => {
    const long = await runWith(
      probeFail('PROTOCOL', `CNAME chain for ${HOST} from 192.0.2.53:53 is longer than 16`, 12, {
        cname: 'too-long',
        limit: 16,
      }),
    );
    expect(long.cause).toBe('DNS_BAD_REPLY');
    expect(long.summary).toContain('CNAME chain longer than 16');
    expect(long.summary).not.toContain('broken packet');
    const loop = await runWith(probeFail('PROTOCOL', 'CNAME loop', 12, { cname: 'loop', limit: 16 }));
    expect(loop.summary).toContain('CNAME loop');
    expect((await runWith(dnsFails('PROTOCOL'))).summary).toContain('broken packet');
  });

  it('passes and keeps the CNAME chain in its evidence', async () => {
    const chain = [HOST, 'zaptec-api.trafficmanager.net', 'zaptec-prod.westeurope.cloudapp.azure.com'];
    const out = await runWith(probeOk(answer(['198.51.100.20'], chain), 8));
    expect(out.status).toBe('pass');
    expect(out.cause).toBe('OK');
    expect(out.evidence.cnameChain).toEqual(chain);
    expect(out.evidence.addresses).toEqual(['198.51.100.20']);
    expect(out.summary).toContain('198.51.100.20');
    expect(out.summary).toContain('via zaptec-api.trafficmanager.net -> zaptec-prod.westeurope');
    expect(out.remediation).toEqual([]);
  });

  it('asks the site resolver for an A record of the host', async () => {
    const ctx = fakeContext();
    const probes = fakeProbes({ dns: () => Promise.resolve(probeOk(answer(['198.51.100.20']), 3)) });
    await runCheck(dnsCheck(HOST), ctx, probes);
    expect(probes.calls).toHaveLength(1);
    expect(probes.calls[0]!.request).toMatchObject({ name: HOST, type: 'A', server: TEST_RESOLVER });
  });

  it.each([
    ['NXDOMAIN', 'DNS_NXDOMAIN'],
    ['SERVFAIL', 'DNS_SERVFAIL'],
    ['TIMEOUT', 'DNS_TIMEOUT'],
    ['REFUSED_DNS', 'DNS_REFUSED'],
    ['REFUSED', 'DNS_UNREACHABLE'],
    ['UNREACHABLE', 'DNS_UNREACHABLE'],
    ['PROTOCOL', 'DNS_BAD_REPLY'],
  ] as const)('a %s probe error fails with %s, advice naming host and resolver', async (code, cause) => {
    const out = await runWith(dnsFails(code));
    expect(out.status).toBe('fail');
    expect(out.cause).toBe(cause);
    expect(out.summary).toContain(HOST);
    expect(out.remediation.length).toBeGreaterThan(0);
    expect(out.remediation.every((r) => r.audience === 'it')).toBe(true);
    expect(remediationText(out)).toContain('192.0.2.53:53');
    const evidence = out.evidence.resolvers as { error?: string }[];
    expect(evidence[0]!.error).toBe(code);
  });

  it('names NXDOMAIN and block lists in its advice', async () => {
    const out = await runWith(dnsFails('NXDOMAIN'));
    expect(out.summary).toContain('NXDOMAIN');
    expect(remediationText(out)).toContain(`resolve ${HOST} normally`);
    expect(remediationText(out)).toContain('block list');
  });

  it('tells an unreachable resolver (port 53 blocked) from one that does not answer', async () => {
    const unreachable = await runWith(dnsFails('REFUSED'));
    const timeout = await runWith(dnsFails('TIMEOUT'));
    expect(unreachable.summary).not.toBe(timeout.summary);
    expect(remediationText(unreachable)).toContain('port 53');
  });

  it('is an error, not a network verdict, when the guard refused the resolver', async () => {
    const out = await runWith(dnsFails('BLOCKED'));
    expect(out.status).toBe('error');
    expect(out.cause).toBe('GUARD_BLOCKED');
  });

  it.each([
    ['0.0.0.0', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['10.20.30.40', 'private'],
    ['192.168.1.10', 'private'],
    ['172.16.5.5', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['169.254.10.10', 'linkLocal'],
  ])('an answer of %s (%s) for a public host is a sinkhole', async (address, range) => {
    const out = await runWith(probeOk(answer([address]), 2));
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('DNS_SINKHOLE');
    expect(out.evidence.sinkhole).toEqual({ address, range, server: '192.0.2.53:53' });
    expect(out.summary).toContain(address);
    expect(remediationText(out)).toContain(HOST);
    expect(remediationText(out)).toContain('192.0.2.53:53');
  });

  it('finds a sinkhole address among several answers', async () => {
    const out = await runWith(probeOk(answer(['198.51.100.20', '0.0.0.0']), 2));
    expect(out.cause).toBe('DNS_SINKHOLE');
  });

  it('does not call a public documentation address (198.51.100.x) a sinkhole', async () => {
    expect(sinkholeKind('198.51.100.7')).toBeNull();
    expect(sinkholeKind('172.32.0.1')).toBeNull(); // just outside 172.16.0.0/12
    expect(sinkholeKind('100.128.0.1')).toBeNull(); // just outside 100.64.0.0/10
    const out = await runWith(probeOk(answer(['198.51.100.7']), 2));
    expect(out.status).toBe('pass');
  });

  it('reports DNS_NO_IPV4 when the host has AAAA but no A records', async () => {
    const ctx = fakeContext();
    const probes = fakeProbes({
      dns: (q) =>
        Promise.resolve(q.type === 'A' ? probeOk(answer([]), 2) : probeOk(answer(['2001:db8::10']), 2)),
    });
    const out = await runCheck(dnsCheck(HOST), ctx, probes);
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('DNS_NO_IPV4');
    expect(out.evidence.ipv6Addresses).toEqual(['2001:db8::10']);
    expect(out.summary).toContain('IPv6 only');
    expect(remediationText(out)).toContain(HOST);
    expect(probes.calls.map((c) => (c.request as { type: string }).type)).toEqual(['A', 'AAAA']);
  });

  it('reports DNS_NO_IPV4 without the IPv6-only wording when there is no AAAA either', async () => {
    const out = await runWith(probeOk(answer([]), 2));
    expect(out.cause).toBe('DNS_NO_IPV4');
    expect(out.summary).not.toContain('IPv6');
  });

  it('reads a NODATA probe error (name exists, no A record) as DNS_NO_IPV4, not as a zapcheck error', async () => {
    const ctx = fakeContext();
    const probes = fakeProbes({
      dns: (q) => Promise.resolve(q.type === 'A' ? dnsFails('NODATA') : probeOk(answer(['2001:db8::10']), 2)),
    });
    const out = await runCheck(dnsCheck(HOST), ctx, probes);
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('DNS_NO_IPV4');
    expect(out.evidence.ipv6Addresses).toEqual(['2001:db8::10']);
  });

  describe('with two resolvers', () => {
    const resolvers: ResolverAddr[] = [TEST_RESOLVER, TEST_RESOLVER_2];

    it('warns DNS_PARTIAL naming the one that failed', async () => {
      const ctx = fakeContext({ resolvers });
      const probes = fakeProbes({
        dns: (q) =>
          Promise.resolve(
            q.server.ip === TEST_RESOLVER.ip ? probeOk(answer(['198.51.100.20']), 2) : dnsFails('TIMEOUT'),
          ),
      });
      const out = await runCheck(dnsCheck(HOST), ctx, probes);
      expect(out.status).toBe('warn');
      expect(out.cause).toBe('DNS_PARTIAL');
      expect(out.summary).toContain('192.0.2.54:53');
      expect(out.summary).not.toContain('192.0.2.53:53');
      expect(remediationText(out)).toContain('192.0.2.54:53');
      expect(out.evidence.addresses).toEqual(['198.51.100.20']);
    });

    it('warns DNS_PARTIAL also when the first one fails and the second answers', async () => {
      const ctx = fakeContext({ resolvers });
      const probes = fakeProbes({
        dns: (q) =>
          Promise.resolve(
            q.server.ip === TEST_RESOLVER.ip ? dnsFails('SERVFAIL') : probeOk(answer(['198.51.100.20']), 2),
          ),
      });
      const out = await runCheck(dnsCheck(HOST), ctx, probes);
      expect(out.cause).toBe('DNS_PARTIAL');
      expect(out.summary).toContain('192.0.2.53:53');
      expect(out.evidence.server).toBe('192.0.2.54:53');
    });

    it('fails DNS_SINKHOLE when the second resolver sinkholes while the first answers honestly', async () => {
      // The charger may be handed either resolver; the one with a block list breaks it for good.
      const ctx = fakeContext({ resolvers });
      const probes = fakeProbes({
        dns: (q) =>
          Promise.resolve(
            q.server.ip === TEST_RESOLVER.ip
              ? probeOk(answer(['198.51.100.20']), 2)
              : probeOk(answer(['0.0.0.0'], [HOST], TEST_RESOLVER_2), 2),
          ),
      });
      const out = await runCheck(dnsCheck(HOST), ctx, probes);
      expect(out.status).toBe('fail');
      expect(out.cause).toBe('DNS_SINKHOLE');
      expect(remediationText(out)).toContain('192.0.2.54:53');
    });

    it('fails with the first resolver error when both fail', async () => {
      const ctx = fakeContext({ resolvers });
      const probes = fakeProbes({
        dns: (q) => Promise.resolve(dnsFails(q.server.ip === TEST_RESOLVER.ip ? 'NXDOMAIN' : 'TIMEOUT')),
      });
      const out = await runCheck(dnsCheck(HOST), ctx, probes);
      expect(out.status).toBe('fail');
      expect(out.cause).toBe('DNS_NXDOMAIN');
      expect(out.evidence.resolvers).toHaveLength(2);
    });
  });

  it('fails DNS_NO_RESOLVER when no resolver is known and the OS resolver is off', async () => {
    const ctx = fakeContext({ resolvers: [] });
    const probes = fakeProbes({});
    const out = await runCheck(dnsCheck(HOST), ctx, probes);
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('DNS_NO_RESOLVER');
    expect(out.summary).toContain(HOST);
    expect(remediationText(out)).toContain('DHCP');
    expect(probes.calls).toEqual([]);
  });

  it('falls back to the OS resolver when no resolver list could be read', async () => {
    const ctx = fakeContext({ resolvers: [], useOsResolver: true });
    const probes = fakeProbes({
      osLookup: () => Promise.resolve(probeOk({ addresses: ['198.51.100.30'] }, 4)),
    });
    const out = await runCheck(dnsCheck(HOST), ctx, probes);
    expect(out.status).toBe('pass');
    expect(out.evidence.server).toBe('OS resolver');
    expect(out.evidence.osResolver).toEqual({ addresses: ['198.51.100.30'], ms: 4 });
  });

  it('plans one check per profile host, NTP hosts included', () => {
    const ctx = fakeContext();
    const ids = dnsFamily.plan(ctx).map((c) => c.id);
    expect(ids).toEqual([
      'dns:no.pool.ntp.org',
      'dns:zapcloud.azure-devices.net',
      'dns:zapcloud-api.azurewebsites.net',
      'dns:devices.zaptec.com',
      'dns:api.zaptec.com',
    ]);
  });
});

describe('a resolver that answers names that cannot exist (captive portal, DNS redirect)', () => {
  const PORTAL = '198.51.100.80';
  const ctx = fakeContext();

  it('asks a random name under the NTP host’s domain beside the host itself, in that one check only', async () => {
    const checks = dnsFamily.plan(ctx);
    const asked: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const probes = fakeProbes({
      dns: async (q) => {
        asked.push(q.name);
        // Both questions must be out before either is answered: no extra round trip.
        if (asked.length === 2) release();
        await gate;
        return q.name.startsWith('zc-')
          ? probeFail('NXDOMAIN', `NXDOMAIN for ${q.name}`, 5)
          : probeOk(answer(['198.51.100.9'], [q.name]), 5);
      },
    });
    const ntpCheck = checks.find((c) => c.target.host === 'no.pool.ntp.org')!;
    const out = await runCheck(ntpCheck, ctx, probes);
    expect(out.status).toBe('pass');
    expect(asked[0]).toBe('no.pool.ntp.org');
    expect(asked[1]).toMatch(/^zc-[0-9a-f]{12}\.ntp\.org$/);
    expect(out.evidence.nonexistentName).toEqual({ name: asked[1], error: 'NXDOMAIN' });
    // The other hosts' checks ask their own name only.
    const hub = checks.find((c) => c.target.host === 'zapcloud.azure-devices.net')!;
    const one = fakeProbes({ dns: (q) => Promise.resolve(probeOk(answer(['198.51.100.9'], [q.name]), 5)) });
    const hubOut = await runCheck(hub, ctx, one);
    expect(one.calls).toHaveLength(1);
    expect(hubOut.evidence).not.toHaveProperty('nonexistentName');
  });

  /** The dns results of zaptec-pro with every host (and the made-up name) answered `address`. */
  function dnsResults(address: (host: string) => string, nonexistent: string[] = [PORTAL]): CheckResult[] {
    return dnsFamily.plan(ctx).map((c) => {
      const host = c.target.host!;
      const r = passed(c.id, { addresses: [address(host)], cnameChain: [host], server: '192.0.2.53:53' });
      if (host === 'no.pool.ntp.org') {
        r.evidence.nonexistentName = {
          name: 'zc-0123456789ab.ntp.org',
          rcode: 'NOERROR',
          addresses: nonexistent,
        };
      }
      return { ...r, kind: 'dns', target: c.target };
    });
  }
  const wrongName = {
    ...passed('tls:api.zaptec.com:443'),
    kind: 'tls',
    status: 'fail',
    cause: 'TLS_NAME_MISMATCH',
  } as CheckResult;
  const redirect = {
    ...passed('https:api.zaptec.com:443', { location: 'http://portal.example/login' }),
    kind: 'https',
    status: 'fail',
    cause: 'HTTP_CAPTIVE_PORTAL',
  } as CheckResult;

  it('every host and the made-up name at one address, a wrong-name certificate there: DNS_HIJACK, one piece of advice', () => {
    const dns = dnsResults(() => PORTAL);
    const out = correlateDns(dns, ctx.t, [...dns, wrongName, redirect]);
    for (const r of out) {
      expect([r.id, r.status, r.cause]).toEqual([r.id, 'fail', 'DNS_HIJACK']);
      expect(r.summary).toContain(`${r.target.host} resolves to ${PORTAL}`);
      expect(r.summary).toContain('zc-0123456789ab.ntp.org');
      expect(r.evidence.hijack).toMatchObject({ address: PORTAL, location: 'http://portal.example/login' });
    }
    const items = groupRemediation(out);
    expect(items.it).toEqual([]);
    expect(items.installer).toHaveLength(1);
    expect(items.installer[0]!.text).toMatch(/log in to the portal, or ask IT to exempt the chargers/);
    expect(items.installer[0]!.text).toContain('http://portal.example/login');
  });

  it('says it in Italian', () => {
    const dns = dnsResults(() => PORTAL);
    const out = correlateDns(dns, createTranslator('it'), [...dns, wrongName]);
    expect(out[0]!.summary).toMatch(/captive portal o una deviazione DNS/);
    expect(out[0]!.remediation[0]!.text).toMatch(/accedere al portale/);
  });

  it.each([
    ['the made-up name does not resolve (NXDOMAIN)', dnsResults(() => PORTAL, []), [wrongName]],
    [
      'the hosts resolve to different addresses',
      dnsResults((h) => (h === 'api.zaptec.com' ? '198.51.100.81' : PORTAL)),
      [wrongName],
    ],
    ['TLS and HTTPS saw nothing wrong there (a real reverse proxy)', dnsResults(() => PORTAL), []],
  ])('is no portal when %s', (_why, dns, others) => {
    expect(correlateDns(dns, ctx.t, [...dns, ...others])).toEqual(dns);
  });
});
