import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envFamily } from '../../src/checks/env.js';
import type { SiteEnvironment } from '../../src/core/context.js';
import { parseProcNetRoute } from '../../src/platform/net/linux.js';
import { proxyEnvironment } from '../../src/site/real.js';
import { loadProfile } from '../../src/profile/load.js';
import { fakeContext, fakeProbes, runCheck } from '../helpers/fake-context.js';

function runEnv(
  id: 'env:route' | 'env:proxy',
  environment: Partial<SiteEnvironment>,
  proxySupported = false,
) {
  const profile = { ...loadProfile('zaptec-pro'), proxySupported };
  const ctx = fakeContext({ environment, profile });
  const check = envFamily.plan(ctx).find((c) => c.id === id)!;
  return runCheck(check, ctx, fakeProbes({}));
}

describe('env:route', () => {
  it('fails ENV_NO_IPV4 when there is no IPv4 default route, with advice for IT and the installer', async () => {
    const out = await runEnv('env:route', { ipv4DefaultRoute: null, routeSource: '/proc/net/route' });
    expect(out.status).toBe('fail');
    expect(out.cause).toBe('ENV_NO_IPV4');
    expect(out.evidence).toEqual({ source: '/proc/net/route', route: null });
    expect(out.remediation.map((r) => r.audience)).toEqual(['it', 'installer']);
    expect(out.remediation[0]!.text).toContain('IPv4');
  });

  it('passes with a default route, naming interface and gateway', async () => {
    const out = await runEnv('env:route', {
      ipv4DefaultRoute: { interface: 'wlp2s0', gateway: '192.0.2.1' },
    });
    expect(out.status).toBe('pass');
    expect(out.summary).toContain('192.0.2.1');
    expect(out.summary).toContain('wlp2s0');
  });

  it('skips (does not guess) when the route could not be read', async () => {
    const out = await runEnv('env:route', {
      ipv4DefaultRoute: undefined,
      routeSource: 'not read on win32 yet',
    });
    expect(out.status).toBe('skip');
    expect(out.cause).toBe('ENV_UNKNOWN');
    expect(out.summary).toContain('win32');
  });
});

describe('env:proxy', () => {
  it('warns ENV_PROXY when proxy variables are set, with the credentials redacted', async () => {
    const proxy = proxyEnvironment({ HTTPS_PROXY: 'http://alice:s3cret@proxy.corp.example:3128' });
    const out = await runEnv('env:proxy', { proxy });
    expect(out.status).toBe('warn');
    expect(out.cause).toBe('ENV_PROXY');
    expect(out.summary).toContain('HTTPS_PROXY=http://proxy.corp.example:3128');
    const all = JSON.stringify(out);
    expect(all).not.toContain('s3cret');
    expect(all).not.toContain('alice');
    expect(out.remediation[0]?.audience).toBe('it');
  });

  it('passes with no proxy variables', async () => {
    const out = await runEnv('env:proxy', { proxy: {} });
    expect(out.status).toBe('pass');
  });

  it('passes when the profile says the charger can use a proxy', async () => {
    const out = await runEnv('env:proxy', { proxy: { HTTP_PROXY: 'http://proxy.corp.example:8080' } }, true);
    expect(out.status).toBe('pass');
  });
});

describe('proxyEnvironment', () => {
  it('keeps only proxy variables that are set', () => {
    expect(proxyEnvironment({ PATH: '/usr/bin', HTTP_PROXY: '', no_proxy: 'localhost' })).toEqual({});
    expect(proxyEnvironment({ https_proxy: 'http://proxy.example:3128/' })).toEqual({
      https_proxy: 'http://proxy.example:3128',
    });
  });

  it.each([
    ['http://alice:s3cret@proxy.example:3128', 'http://proxy.example:3128'],
    ['socks5://alice:s3cret@proxy.example:1080', 'socks5://proxy.example:1080'],
    // curl takes a proxy without a scheme; URL would read "alice:" as the scheme
    ['alice:s3cret@proxy.example:3128', 'http://proxy.example:3128'],
    // a "/" in the password makes it no URL at all
    ['http://alice:s3c/ret@proxy.example:3128', 'http://proxy.example:3128'],
    // only where the proxy is: no path, query (a token) or fragment; the default port made explicit
    ['http://proxy.example:3128/pac?token=s3cret#alice', 'http://proxy.example:3128'],
    ['https://alice@proxy.example/?s3c=1', 'https://proxy.example:443'],
    ['proxy.example:8080?token=s3cret', 'http://proxy.example:8080'],
  ])('redacts %s', (value, shown) => {
    const out = proxyEnvironment({ ALL_PROXY: value });
    expect(out.ALL_PROXY).toBe(shown);
    expect(JSON.stringify(out)).not.toMatch(/s3c|alice/);
  });
});

/** Recorded on a Linux laptop on a home Wi-Fi (wlp2s0) with a docker bridge; trailing blanks as the kernel writes them. */
const RECORDED_WIFI = [
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT                                                       ',
  'wlp2s0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0                                                                               ',
  'docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0                                                                               ',
  'wlp2s0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0                                                                               ',
  '',
].join('\n');

/** Recorded in a container whose only default route is on eth0 via 192.0.2.1. */
const RECORDED_CONTAINER = [
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT                                                       ',
  'eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0                                                                               ',
  'eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0                                                                               ',
  '',
].join('\n');

describe('parseProcNetRoute', () => {
  it('reads the default route and decodes the little-endian gateway', () => {
    expect(parseProcNetRoute(RECORDED_WIFI)).toEqual({ interface: 'wlp2s0', gateway: '192.168.1.1' });
    expect(parseProcNetRoute(RECORDED_CONTAINER)).toEqual({ interface: 'eth0', gateway: '192.0.2.1' });
  });

  it('is null with only link routes (an IPv6-only or unconnected network)', () => {
    const lines = RECORDED_WIFI.split('\n');
    expect(parseProcNetRoute([lines[0], lines[2], lines[3]].join('\n'))).toBeNull();
    expect(parseProcNetRoute(lines[0]!)).toBeNull();
  });

  it('reports a point-to-point default route (no gateway) with gateway null', () => {
    const text = `${RECORDED_WIFI.split('\n')[0]}\nwg0\t00000000\t00000000\t0001\t0\t0\t0\t00000000\t0\t0\t0\n`;
    expect(parseProcNetRoute(text)).toEqual({ interface: 'wg0', gateway: null });
  });

  it('does not take a host route to 0.0.0.0/32 for the default route', () => {
    const text = `${RECORDED_WIFI.split('\n')[0]}\neth1\t00000000\t0101A8C0\t0003\t0\t0\t0\tFFFFFFFF\t0\t0\t0\n`;
    expect(parseProcNetRoute(text)).toBeNull();
  });

  it.runIf(process.platform === 'linux')('agrees with this machine’s /proc/net/route', () => {
    const text = readFileSync('/proc/net/route', 'utf8');
    const rows = text
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s+/));
    const def = rows.find((f) => f[1] === '00000000' && f[7] === '00000000');
    const parsed = parseProcNetRoute(text);
    if (!def) {
      expect(parsed).toBeNull();
      return;
    }
    expect(parsed?.interface).toBe(def[0]);
    const gw = def[2]!;
    const expected =
      gw === '00000000' ? null : [3, 2, 1, 0].map((i) => Number.parseInt(gw.substr(i * 2, 2), 16)).join('.');
    expect(parsed?.gateway).toBe(expected);
  });
});
