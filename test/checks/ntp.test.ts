import { describe, expect, it } from 'vitest';
import { ntpCheck, ntpFamily } from '../../src/checks/ntp.js';
import { probeFail, probeOk, type ProbeResult } from '../../src/core/errors.js';
import type { SntpSample } from '../../src/probes/types.js';
import {
  dnsPassed,
  endpointOf,
  fakeContext,
  fakeProbes,
  remediationText,
  runCheck,
} from '../helpers/fake-context.js';

const HOST = 'no.pool.ntp.org';

function sample(offsetMs: number, over: Partial<SntpSample> = {}): SntpSample {
  return {
    server: '198.51.100.123:123',
    stratum: 2,
    leap: 0,
    version: 4,
    refId: '198.51.100.1',
    offsetMs,
    delayMs: 20,
    serverTime: '2025-06-01T10:00:00.000Z',
    rootDelayMs: 1,
    rootDispersionMs: 1,
    kissCode: null,
    ...over,
  };
}

async function runNtp(result: ProbeResult<SntpSample> | ((ip: string) => ProbeResult<SntpSample>)) {
  const ctx = fakeContext();
  const probes = fakeProbes({
    ntp: (q) => Promise.resolve(typeof result === 'function' ? result(q.ip) : result),
  });
  const check = ntpCheck(endpointOf(ctx, HOST));
  const out = await runCheck(check, ctx, probes, [dnsPassed(HOST, ['198.51.100.123', '198.51.100.124'])]);
  return { out, probes };
}

describe('ntp check', () => {
  it('passes with a 0.5 s offset and reports it', async () => {
    const { out, probes } = await runNtp(probeOk(sample(500), 30));
    expect(out.status).toBe('pass');
    expect(out.cause).toBe('OK');
    expect(out.evidence.offsetMs).toBe(500);
    expect(out.summary).toContain('500 ms behind');
    // every DNS address is asked, on the endpoint's port
    expect(probes.calls.map((c) => c.request)).toEqual([
      { ip: '198.51.100.123', port: 123, timeoutMs: 2000 },
      { ip: '198.51.100.124', port: 123, timeoutMs: 2000 },
    ]);
  });

  it('warns CLOCK_SKEW at 90 s, addressed to the installer', async () => {
    const { out } = await runNtp(probeOk(sample(-90_000), 30));
    expect(out.status).toBe('warn');
    expect(out.cause).toBe('CLOCK_SKEW');
    expect(out.summary).toContain('90.0 s ahead');
    expect(out.remediation.map((r) => r.audience)).toEqual(['installer']);
  });

  it('fails CLOCK_SKEW at 10 minutes, with advice for the installer and for IT naming the host', async () => {
    const { out } = await runNtp(probeOk(sample(10 * 60_000), 30));
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('CLOCK_SKEW');
    expect(out.summary).toContain('10.0 min');
    expect(out.remediation.map((r) => r.audience).sort()).toEqual(['installer', 'it']);
    expect(remediationText(out)).toContain(HOST);
    expect(remediationText(out)).toContain('UDP 123');
  });

  it('judges the offset of the lowest-delay reply', async () => {
    const { out } = await runNtp((ip) =>
      probeOk(
        ip === '198.51.100.123' ? sample(10 * 60_000, { delayMs: 400 }) : sample(200, { delayMs: 15 }),
        20,
      ),
    );
    expect(out.status).toBe('pass');
    expect(out.evidence.offsetMs).toBe(200);
    expect(out.evidence.servers).toHaveLength(2);
  });

  it('fails NTP_KOD on a kiss-o’-death and names the code', async () => {
    const { out } = await runNtp(probeOk(sample(0, { stratum: 0, kissCode: 'RATE' }), 10));
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('NTP_KOD');
    expect(out.summary).toContain('RATE');
    expect(remediationText(out)).toContain(HOST);
  });

  it.each(['leap indicator 3', 'stratum 16', 'stratum 0, reference INIT'])(
    'fails NTP_UNSYNCHRONISED on an unsynchronised server (%s), pointing it at pool.ntp.org',
    async (reason) => {
      const { out } = await runNtp(probeOk(sample(0, { unsynchronised: reason }), 10));
      expect(out.status).toBe('fail');
      expect(out.cause).toBe('NTP_UNSYNCHRONISED');
      expect(out.summary).toContain('not synchronised');
      expect(out.summary).toContain(reason);
      expect(remediationText(out)).toContain('pool.ntp.org');
    },
  );

  it('uses a good reply from one address over an unsynchronised one from another', async () => {
    const { out } = await runNtp((ip) =>
      probeOk(ip === '198.51.100.123' ? sample(0, { unsynchronised: 'stratum 16' }) : sample(100), 10),
    );
    expect(out.status).toBe('pass');
  });

  it('uses a good reply from one address over a kiss-o’-death from another', async () => {
    const { out } = await runNtp((ip) =>
      probeOk(ip === '198.51.100.123' ? sample(0, { stratum: 0, kissCode: 'DENY' }) : sample(100), 10),
    );
    expect(out.status).toBe('pass');
  });

  it('fails NTP_NO_REPLY when every address times out, advice naming UDP port 123 and the host', async () => {
    const { out } = await runNtp(
      probeFail('TIMEOUT', 'no answer from 198.51.100.123:123 within 2000 ms', 2000),
    );
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('NTP_NO_REPLY');
    expect(out.summary).toContain('blocked');
    expect(remediationText(out)).toContain('UDP port 123');
    expect(remediationText(out)).toContain(HOST);
    expect(out.evidence.servers).toEqual([
      {
        server: '198.51.100.123:123',
        error: 'TIMEOUT',
        message: 'no answer from 198.51.100.123:123 within 2000 ms',
      },
      {
        server: '198.51.100.124:123',
        error: 'TIMEOUT',
        message: 'no answer from 198.51.100.123:123 within 2000 ms',
      },
    ]);
  });

  it('says "rejected" rather than "no reply" when UDP 123 is refused', async () => {
    const { out } = await runNtp(probeFail('REFUSED', 'port unreachable', 3));
    expect(out.cause).toBe('NTP_NO_REPLY');
    expect(out.summary).toContain('rejected');
  });

  it('fails NTP_BAD_REPLY when every reply is not valid NTP', async () => {
    const { out } = await runNtp(probeFail('PROTOCOL', 'origin timestamp does not match our request', 5));
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('NTP_BAD_REPLY');
    expect(out.summary).toContain('origin timestamp does not match');
  });

  it('does not call a mix of bad replies and timeouts a bad reply', async () => {
    const { out } = await runNtp((ip) =>
      ip === '198.51.100.123' ? probeFail('PROTOCOL', 'junk', 1) : probeFail('TIMEOUT', 'no answer', 2000),
    );
    expect(out.cause).toBe('NTP_NO_REPLY');
  });

  it('an optional NTP server (zaptec-go pool.ntp.org) failing is a warning marked optionalFailure', async () => {
    const ctx = fakeContext({ profile: 'zaptec-go' });
    const check = ntpFamily.plan(ctx).find((c) => c.id === 'ntp:pool.ntp.org:123');
    expect(check).toBeDefined();
    const probes = fakeProbes({ ntp: () => Promise.resolve(probeFail('TIMEOUT', 'no answer', 2000)) });
    const out = await runCheck(check!, ctx, probes, [dnsPassed('pool.ntp.org')]);
    expect(out.status).toBe('warn');
    expect(out.cause).toBe('NTP_NO_REPLY');
    expect(out.evidence.optionalFailure).toBe(true);
    expect(out.summary).toContain('optional');
    expect(remediationText(out)).toContain('pool.ntp.org');
  });

  it('the required NTP server of zaptec-go still fails', async () => {
    const ctx = fakeContext({ profile: 'zaptec-go' });
    const check = ntpFamily.plan(ctx).find((c) => c.id === 'ntp:no.pool.ntp.org:123')!;
    const probes = fakeProbes({ ntp: () => Promise.resolve(probeFail('TIMEOUT', 'no answer', 2000)) });
    const out = await runCheck(check, ctx, probes, [dnsPassed(HOST)]);
    expect(out.status).toBe('fail');
    expect(out.evidence.optionalFailure).toBeUndefined();
  });

  it('needs the DNS check of its host', () => {
    const ctx = fakeContext();
    const [check] = ntpFamily.plan(ctx);
    expect(check?.needs).toEqual([`dns:${HOST}`]);
  });
});
