import { describe, expect, it } from 'vitest';
import { httpsCheck, httpsFamily, judgeHttps } from '../../src/checks/https.js';
import { probeFail, probeOk } from '../../src/core/errors.js';
import type { HttpsInfo } from '../../src/probes/types.js';
import {
  PUBLIC_ROOTS,
  dnsPassed,
  endpointOf,
  fakeContext,
  fakeProbes,
  passed,
  remediationText,
  runCheck,
} from '../helpers/fake-context.js';

const API = 'api.zaptec.com';
const ctx = fakeContext();
const endpoint = endpointOf(ctx, API);

function answer(over: Partial<HttpsInfo>): HttpsInfo {
  return {
    status: 200,
    location: null,
    contentType: 'application/json',
    bodySnippet: '{}',
    headers: { server: 'Kestrel' },
    ...over,
  };
}

describe('judgeHttps', () => {
  it('passes a 200', () => {
    const out = judgeHttps(ctx.t, endpoint, answer({}));
    expect(out.status).toBe('pass');
    expect(out.evidence.status).toBe(200);
  });

  it.each([404, 401, 500, 503])(
    'passes HTTP %i from the real host (any answer proves the path)',
    (status) => {
      const out = judgeHttps(ctx.t, endpoint, answer({ status }));
      expect(out.status).toBe('pass');
      expect(out.summary).toContain(String(status));
    },
  );

  it('fails HTTP_CAPTIVE_PORTAL on a redirect to another domain, naming where it goes', () => {
    const out = judgeHttps(
      ctx.t,
      endpoint,
      answer({ status: 302, location: 'http://hotspot.example.net/login?x=1' }),
    );
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('HTTP_CAPTIVE_PORTAL');
    expect(out.summary).toContain('hotspot.example.net');
    expect(out.evidence.location).toBe('http://hotspot.example.net/login?x=1');
    expect(out.remediation[0]?.audience).toBe('it');
  });

  it('passes a redirect within the same registrable domain', () => {
    const out = judgeHttps(ctx.t, endpoint, answer({ status: 302, location: 'https://www.zaptec.com/en/' }));
    expect(out.status).toBe('pass');
  });

  it('fails a redirect to another app on a shared hosting suffix (Public Suffix List, private part)', () => {
    const websites = endpointOf(ctx, 'zapcloud-api.azurewebsites.net');
    const out = judgeHttps(
      ctx.t,
      websites,
      answer({ status: 302, location: 'https://login-portal.azurewebsites.net/' }),
    );
    expect(out.cause).toBe('HTTP_CAPTIVE_PORTAL');
    const same = judgeHttps(
      ctx.t,
      websites,
      answer({ status: 302, location: 'https://zapcloud-api.azurewebsites.net/swagger' }),
    );
    expect(same.status).toBe('pass');
  });

  it('fails HTTP_PROXY_REQUIRED on a 407, advising direct HTTPS to the exact host and port', () => {
    const out = judgeHttps(ctx.t, endpoint, answer({ status: 407 }));
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('HTTP_PROXY_REQUIRED');
    expect(remediationText(out)).toContain(`TCP 443) to ${API}`);
  });

  it('fails HTTP_CAPTIVE_PORTAL on a login form', () => {
    const out = judgeHttps(
      ctx.t,
      endpoint,
      answer({
        contentType: 'text/html; charset=utf-8',
        bodySnippet: '<html><form><input name="user"><input type="password" name="pw"></form>',
      }),
    );
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('HTTP_CAPTIVE_PORTAL');
    expect(out.summary).toContain('login page');
  });

  it('does not call an HTML page without a password field a login page', () => {
    const out = judgeHttps(
      ctx.t,
      endpoint,
      answer({ contentType: 'text/html', bodySnippet: '<html><h1>Zaptec</h1>' }),
    );
    expect(out.status).toBe('pass');
  });
});

describe('https check', () => {
  const deps = [dnsPassed(API, ['198.51.100.50']), passed(`tls:${API}:443`)];

  it('asks the DNS address with SNI and the endpoint path, verifying against the public roots', async () => {
    const probes = fakeProbes({ https: () => Promise.resolve(probeOk(answer({ status: 404 }), 30)) });
    const out = await runCheck(httpsCheck(endpoint), ctx, probes, deps);
    expect(out.status).toBe('pass');
    expect(probes.calls[0]!.request).toMatchObject({
      ip: '198.51.100.50',
      port: 443,
      servername: API,
      path: '/',
      ca: PUBLIC_ROOTS,
      verify: true,
    });
  });

  it('does not verify the chain of the private-trust host (the TLS check judged it)', async () => {
    const devices = endpointOf(ctx, 'devices.zaptec.com');
    const probes = fakeProbes({ https: () => Promise.resolve(probeOk(answer({}), 30)) });
    await runCheck(httpsCheck(devices), ctx, probes, [
      dnsPassed('devices.zaptec.com'),
      passed('tls:devices.zaptec.com:443'),
    ]);
    expect(probes.calls[0]!.request).toMatchObject({ verify: false, ca: [] });
  });

  it('fails HTTP_NO_ANSWER when no HTTP answer comes in time, naming host and port', async () => {
    const probes = fakeProbes({
      https: () =>
        Promise.resolve(probeFail('TIMEOUT', 'no HTTP answer from 198.51.100.50:443 within 2000 ms', 2000)),
    });
    const out = await runCheck(httpsCheck(endpoint), ctx, probes, deps);
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('HTTP_NO_ANSWER');
    expect(out.summary).toContain(`${API}:443`);
    expect(remediationText(out)).toContain(`${API}:443`);
  });

  it('fails HTTP_BAD_RESPONSE on a broken answer', async () => {
    const probes = fakeProbes({ https: () => Promise.resolve(probeFail('PROTOCOL', 'not HTTP', 5)) });
    const out = await runCheck(httpsCheck(endpoint), ctx, probes, deps);
    expect(out.cause).toBe('HTTP_BAD_RESPONSE');
  });

  it('plans one check per https endpoint, after its DNS and TLS checks', () => {
    const checks = httpsFamily.plan(ctx);
    expect(checks.map((c) => c.id)).toEqual([
      'https:zapcloud-api.azurewebsites.net:443',
      'https:devices.zaptec.com:443',
      'https:api.zaptec.com:443',
    ]);
    expect(checks[2]!.needs).toEqual([`dns:${API}`, `tls:${API}:443`]);
  });
});
