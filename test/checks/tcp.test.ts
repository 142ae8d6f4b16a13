import { describe, expect, it } from 'vitest';
import { correlateTcp, tcpCheck, tcpFamily } from '../../src/checks/tcp.js';
import { correlateNtp } from '../../src/checks/ntp.js';
import type { CheckResult } from '../../src/core/result.js';
import { probeFail, probeOk, type ProbeErrorCode } from '../../src/core/errors.js';
import {
  dnsPassed,
  endpointOf,
  fakeContext,
  fakeProbes,
  remediationText,
  runCheck,
} from '../helpers/fake-context.js';

const HUB = 'zapcloud.azure-devices.net';

async function runTcp(code: ProbeErrorCode | null) {
  const ctx = fakeContext();
  const probes = fakeProbes({
    tcp: (q) =>
      Promise.resolve(
        code === null
          ? probeOk({ remote: `${q.ip}:${q.port}`, local: '192.0.2.10:50000' }, 12)
          : probeFail(code, `${code} ${q.ip}:${q.port}`, 12),
      ),
  });
  const out = await runCheck(tcpCheck(endpointOf(ctx, HUB, 8883)), ctx, probes, [
    dnsPassed(HUB, ['198.51.100.40']),
  ]);
  return { out, probes };
}

describe('tcp check', () => {
  it('passes and connects to the first DNS address on the endpoint port', async () => {
    const { out, probes } = await runTcp(null);
    expect(out.status).toBe('pass');
    expect(out.evidence.remote).toBe('198.51.100.40:8883');
    // The socket is left for the TLS check of the same endpoint (one connection per endpoint).
    expect(probes.calls[0]!.request).toEqual({
      ip: '198.51.100.40',
      port: 8883,
      timeoutMs: 2000,
      keepAs: `${HUB}:8883`,
    });
  });

  it.each([
    ['REFUSED', 'TCP_REFUSED'],
    ['TIMEOUT', 'TCP_DROPPED'],
    ['ABORTED', 'TCP_DROPPED'],
    ['UNREACHABLE', 'TCP_UNREACHABLE'],
    ['RESET', 'TCP_RESET'],
  ] as const)('%s fails with %s', async (code, cause) => {
    const { out } = await runTcp(code);
    expect(out.status).toBe('fail');
    expect(out.cause).toBe(cause);
    expect(out.evidence.error).toBe(code);
    expect(out.summary).toContain(HUB);
    expect(out.summary).toContain('8883');
  });

  it('names the exact host and port in the advice to IT', async () => {
    for (const code of ['REFUSED', 'TIMEOUT'] as const) {
      const { out } = await runTcp(code);
      expect(out.remediation[0]?.audience).toBe('it');
      expect(remediationText(out)).toContain(`TCP port 8883 to ${HUB}`);
    }
  });

  it('says refused and dropped in different words', async () => {
    const refused = (await runTcp('REFUSED')).out;
    const dropped = (await runTcp('TIMEOUT')).out;
    const unreachable = (await runTcp('UNREACHABLE')).out;
    expect(refused.summary).toMatch(/refused|rejects/);
    expect(refused.summary).not.toMatch(/dropped/);
    expect(dropped.summary).toMatch(/silently dropped/);
    expect(dropped.summary).not.toMatch(/refused/);
    expect(remediationText(refused)).not.toBe(remediationText(dropped));
    expect(unreachable.summary).toMatch(/no route/);
  });

  it('is a zapcheck error when the guard refused the destination', async () => {
    const { out } = await runTcp('BLOCKED');
    expect(out.status).toBe('error');
    expect(out.cause).toBe('GUARD_BLOCKED');
  });

  it('plans TCP for every non-NTP endpoint, each needing its DNS check', () => {
    const checks = tcpFamily.plan(fakeContext());
    expect(checks.map((c) => c.id)).toEqual([
      'tcp:zapcloud.azure-devices.net:8883',
      'tcp:zapcloud-api.azurewebsites.net:443',
      'tcp:devices.zaptec.com:443',
      'tcp:api.zaptec.com:443',
    ]);
    expect(checks.every((c) => c.needs.length === 1 && c.needs[0] === `dns:${c.target.host}`)).toBe(true);
  });
});

describe('tcp and ntp with no IPv4 default route (one fault, one request)', () => {
  const asResult = (
    id: string,
    kind: CheckResult['kind'],
    target: CheckResult['target'],
    o: {
      status: CheckResult['status'];
      cause: string;
      summary: string;
      evidence: CheckResult['evidence'];
      remediation: CheckResult['remediation'];
    },
  ): CheckResult => ({ ...o, id, kind, title: id, target, durationMs: 1 });
  const route = (cause: 'ENV_NO_IPV4' | 'OK'): CheckResult =>
    asResult(
      'env:route',
      'env',
      { protocol: 'ipv4' },
      {
        status: cause === 'OK' ? 'pass' : 'fail',
        cause,
        summary: '',
        evidence: {},
        remediation: [],
      },
    );

  it('an unreachable endpoint is the missing route, said so, with no allow rule of its own; with a route it keeps its own', async () => {
    const { out } = await runTcp('UNREACHABLE');
    const tcp = asResult(`tcp:${HUB}:8883`, 'tcp', { host: HUB, port: 8883, protocol: 'tcp' }, out);
    const ctx = fakeContext();
    const [without] = correlateTcp([tcp], ctx.t, [route('ENV_NO_IPV4'), tcp]);
    expect(without).toMatchObject({ status: 'fail', cause: 'TCP_UNREACHABLE', remediation: [] });
    expect(without!.summary).toBe(
      `TCP 8883 to ${HUB} (198.51.100.40) cannot get out: this network gives no IPv4 route to the internet (see the IPv4 default route)`,
    );
    expect(correlateTcp([tcp], ctx.t, [route('OK'), tcp])).toEqual([tcp]);
    // A refused port is its own fault even without a route.
    const { out: refused } = await runTcp('REFUSED');
    const r = asResult(`tcp:${HUB}:8883`, 'tcp', { host: HUB, port: 8883, protocol: 'tcp' }, refused);
    expect(correlateTcp([r], ctx.t, [route('ENV_NO_IPV4'), r])).toEqual([r]);
  });

  it('NTP said unreachable is the missing route too; a silent server is not', () => {
    const ctx = fakeContext();
    const ntp = (error: string): CheckResult =>
      asResult(
        'ntp:no.pool.ntp.org:123',
        'ntp',
        { host: 'no.pool.ntp.org', port: 123, protocol: 'ntp' },
        {
          status: 'fail',
          cause: 'NTP_NO_REPLY',
          summary: 'own',
          evidence: { servers: [{ server: '198.51.100.9:123', error, message: '' }] },
          remediation: [{ audience: 'it', text: 'Allow outbound UDP port 123' }],
        },
      );
    const [u] = correlateNtp([ntp('UNREACHABLE')], ctx.t, [route('ENV_NO_IPV4')]);
    expect(u).toMatchObject({ cause: 'NTP_NO_REPLY', remediation: [] });
    expect(u!.summary).toMatch(
      /^NTP to no\.pool\.ntp\.org on UDP 123 cannot get out: this network gives no IPv4 route/,
    );
    expect(correlateNtp([ntp('TIMEOUT')], ctx.t, [route('ENV_NO_IPV4')])).toEqual([ntp('TIMEOUT')]);
    expect(correlateNtp([ntp('UNREACHABLE')], ctx.t, [route('OK')])).toEqual([ntp('UNREACHABLE')]);
  });
});
