/**
 * zapcheck dhcp against a real DHCP server (dnsmasq) inside network namespaces this test creates and
 * removes: headroom pass/warn/fail after a sweep, two servers (rogue), no server, a full pool.
 * Nothing is sent outside these namespaces: the child runs with ZAPCHECK_GUARD=loopback and only the
 * test subnet (and its link broadcast) allowed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab, compileForNode, netnsUnavailable } from '../helpers/dhcp-netns.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const unavailable = netnsUnavailable();
if (unavailable) {
  console.warn(`\n!!! SKIPPING the dnsmasq DHCP interop tests: ${unavailable} !!!\n`);
}

const RANGE = '198.18.0.100-198.18.0.104';

describe.skipIf(unavailable !== null)('zapcheck dhcp against dnsmasq in network namespaces', () => {
  let lab: Lab;
  let child: { js: string; cleanup: () => void };
  let client: string;
  let server1: string;
  const onExit = (): void => lab?.destroy();

  beforeAll(async () => {
    process.once('exit', onExit);
    child = compileForNode(repoRoot, 'test/helpers/dhcp-ns-child.ts');
    lab = new Lab();
    server1 = lab.host('s1', ['198.18.0.1/24']);
    client = lab.host('c', ['198.18.0.10/24'], '198.18.0.1');
    // Two devices already hold addresses of the pool: they answer ARP for both.
    lab.host('dev', ['198.18.0.100/24', '198.18.0.101/24']);
    await lab.dnsmasq(server1, [
      `--dhcp-range=198.18.0.100,198.18.0.104,255.255.255.0,10m`,
      '--dhcp-option=3,198.18.0.1',
      '--dhcp-option=6,198.18.0.1',
    ]);
  }, 60_000);

  afterAll(() => {
    lab?.destroy();
    child?.cleanup();
    process.off('exit', onExit);
  });

  it('passive (nothing sent): the client has a static address, so DHCP is not checked (DHCP_STATIC, exit 0) and the pool still counted', () => {
    const r = lab.runDhcp(client, child.js, { chargers: '1', dhcpRange: RANGE });
    expect(r.code).toBe(0);
    const c = r.report.checks[0];
    expect(c.status).toBe('skip');
    expect(c.cause).toBe('DHCP_STATIC');
    expect(c.summary).toMatch(/static address \(198\.18\.0\.10\/24 on eth0\)/);
    expect(c.evidence.headroom.poolSize).toBe(5);
    expect(c.evidence.method).toBe('passive');
  }, 60_000);

  it('--probe: one server offers an address from its pool, router and DNS named', () => {
    const r = lab.runDhcp(client, child.js, {
      probe: true,
      probeWindow: '1500',
      chargers: '1',
      dhcpRange: RANGE,
    });
    const c = r.report.checks[0];
    expect(c.evidence.probe.status).toBe('done');
    expect(c.evidence.probe.servers).toEqual(['198.18.0.1']);
    const offer = c.evidence.probe.offers[0];
    expect(offer.address).toMatch(/^198\.18\.0\.10[0-4]$/);
    expect(offer.routers).toEqual(['198.18.0.1']);
    expect(offer.dnsServers).toEqual(['198.18.0.1']);
    expect(offer.leaseSec).toBe(600);
    // The offer proves a DHCP server exists, so the static laptop is no longer a failure by itself.
    expect(c.cause).not.toBe('DHCP_NONE');
  }, 60_000);

  it('--sweep finds the 2 taken addresses: 1 charger passes, 2 is tight (warn), 4 is short (fail)', () => {
    const probe = { probe: true, probeWindow: '1500', sweep: true, dhcpRange: RANGE };
    const one = lab.runDhcp(client, child.js, { ...probe, chargers: '1' });
    const c1 = one.report.checks[0];
    expect(c1.evidence.method).toBe('sweep');
    expect(c1.evidence.headroom.inUseAddresses).toEqual(['198.18.0.100', '198.18.0.101']);
    expect(c1.evidence.headroom.free).toBe(3);
    expect(c1.status).toBe('pass');
    expect(one.code).toBe(0);

    const two = lab.runDhcp(client, child.js, { ...probe, chargers: '2' });
    expect(two.report.checks[0].status).toBe('warn');
    expect(two.report.checks[0].cause).toBe('DHCP_POOL_TIGHT');
    expect(two.code).toBe(0);

    const four = lab.runDhcp(client, child.js, { ...probe, chargers: '4' });
    expect(four.report.checks[0].status).toBe('fail');
    expect(four.report.checks[0].cause).toBe('DHCP_POOL_SHORT');
    expect(four.report.checks[0].summary).toMatch(/about 3 of 5 addresses free/);
    expect(four.code).toBe(1);
  }, 90_000);

  it('the sweep refuses a range outside the namespaces the test allowed, and sends nothing', () => {
    const r = lab.runDhcp(client, child.js, { sweep: true, dhcpRange: '192.0.2.10-192.0.2.20' });
    expect(r.code).toBe(2);
    expect(r.error).toMatch(/192\.0\.2\.10:9 refused/);
  }, 60_000);

  it('a second (rogue) server: DHCP_MULTIPLE_SERVERS names both servers and what each offers', async () => {
    const rogue = lab.host('s2', ['198.18.0.2/24']);
    const p = await lab.dnsmasq(rogue, [
      '--dhcp-range=198.18.0.150,198.18.0.160,255.255.255.0,5m',
      '--dhcp-option=3,198.18.0.2',
      '--dhcp-option=6,198.18.0.2',
    ]);
    try {
      const r = lab.runDhcp(client, child.js, { probe: true, probeWindow: '2000' });
      const c = r.report.checks[0];
      expect(r.code).toBe(1);
      expect(c.cause).toBe('DHCP_MULTIPLE_SERVERS');
      expect([...c.evidence.probe.servers].sort()).toEqual(['198.18.0.1', '198.18.0.2']);
      expect(c.summary).toMatch(/198\.18\.0\.2: offers 198\.18\.0\.1(5\d|60), router 198\.18\.0\.2/);
      expect(c.summary).toMatch(/198\.18\.0\.1: offers 198\.18\.0\.10[0-4], router 198\.18\.0\.1/);
    } finally {
      await lab.stop(p);
    }
  }, 60_000);

  it('a full pool: the only address is leased to another device, no offer (DHCP_NO_OFFER)', async () => {
    const full = lab.host('s3', ['198.18.0.3/24']);
    const until = Math.floor(Date.now() / 1000) + 86400;
    const procs = await Promise.all([
      lab.dnsmasq(
        full,
        ['--dhcp-range=198.18.0.200,198.18.0.200,255.255.255.0,1h', '--dhcp-option=3,198.18.0.3'],
        `${until} 02:00:00:aa:bb:cc 198.18.0.200 other-device *\n`,
      ),
    ]);
    // The first server must not answer in this case: the client namespace sees both.
    const r = await withServerStopped(lab, () =>
      lab.runDhcp(client, child.js, { probe: true, probeWindow: '1500' }),
    );
    for (const p of procs) await lab.stop(p);
    expect(r.report.checks[0].cause).toBe('DHCP_NO_OFFER');
    expect(r.code).toBe(1);
  }, 60_000);

  it('no server at all: DHCP_NO_OFFER within the window', async () => {
    const r = await withServerStopped(lab, () =>
      lab.runDhcp(client, child.js, { probe: true, probeWindow: '1000' }),
    );
    const c = r.report.checks[0];
    expect(c.cause).toBe('DHCP_NO_OFFER');
    expect(c.summary).toMatch(/no DHCP server answered a DHCPDISCOVER on eth0 within 1\.0 s/i);
    expect(c.evidence.probe.sent).toBe(2);
  }, 60_000);

  /** Takes server1's link down for the duration of `fn` (its dnsmasq keeps running). */
  async function withServerStopped<T>(_l: Lab, fn: () => T): Promise<T> {
    const { execFileSync } = await import('node:child_process');
    execFileSync('ip', ['-n', server1, 'link', 'set', 'eth0', 'down']);
    try {
      return fn();
    } finally {
      execFileSync('ip', ['-n', server1, 'link', 'set', 'eth0', 'up']);
    }
  }
});
