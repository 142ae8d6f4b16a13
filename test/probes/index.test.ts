import dnsPacket from 'dns-packet';
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DialTarget, SiteContext } from '../../src/core/context.js';
import { createGuard } from '../../src/core/guard.js';
import type { Guard } from '../../src/core/guard.js';
import { createProbes } from '../../src/probes/index.js';
import { closeAll, closedTcpPort, listen, udpServer } from './servers.js';

afterEach(async () => {
  vi.restoreAllMocks();
  await closeAll();
});

function fakeContext(opts: {
  dial?: (ip: string, port: number, transport: 'tcp' | 'udp') => DialTarget | null;
  guard?: Guard;
  signal?: AbortSignal;
  mode?: 'lab' | 'real';
  useOsResolver?: boolean;
}): SiteContext {
  return {
    mode: opts.mode ?? 'lab',
    dial: opts.dial ?? ((ip: string, port: number) => ({ ip, port })),
    guard: opts.guard ?? createGuard('loopback'),
    signal: opts.signal ?? new AbortController().signal,
    useOsResolver: opts.useOsResolver ?? false,
    clock: { now: () => Date.now(), monotonic: () => performance.now() },
  } as unknown as SiteContext;
}

describe('createProbes: the Wi-Fi scan and the DHCP facts', () => {
  it('belong to a real site only; a lab run gets the scan only with a saved scan file', () => {
    const real = createProbes(fakeContext({ mode: 'real' }));
    expect(['wifiScan' in real, 'dhcpFacts' in real]).toEqual([true, true]);
    const lab = createProbes(fakeContext({}));
    expect(['wifiScan' in lab, 'dhcpFacts' in lab]).toEqual([false, false]);
    const labWithScan = createProbes({
      ...fakeContext({}),
      options: { mqttConnect: false, strict: false, extra: { scanFile: 'scan.txt' } },
    });
    expect(['wifiScan' in labWithScan, 'dhcpFacts' in labWithScan]).toEqual([true, false]);
  });

  it('the saved scan is read through the probe (a missing file is BAD_FILE, never a throw)', async () => {
    const probes = createProbes({
      ...fakeContext({}),
      options: { mqttConnect: false, strict: false, extra: { scanFile: '/nonexistent/zapcheck-scan.txt' } },
    });
    const r = await probes.wifiScan!({ timeoutMs: 1000 });
    expect(r.ok ? 'ok' : (r.error.cause as { reason?: string } | undefined)?.reason).toBe('BAD_FILE');
  });
});

describe('createProbes: dial and guard', () => {
  it('refuses a non-loopback destination under a loopback guard, sending nothing', async () => {
    const guard = createGuard('loopback');
    const connect = vi.spyOn(net, 'connect');
    const createConnection = vi.spyOn(net, 'createConnection');
    const probes = createProbes(fakeContext({ guard, mode: 'real' }));
    const r = await probes.tcp({ ip: '192.0.2.1', port: 8883, timeoutMs: 1000 });
    expect(r.ok ? 'ok' : r.error.code).toBe('BLOCKED');
    if (!r.ok) expect(r.error.message).toContain('192.0.2.1:8883');
    expect(r.ms).toBe(0);
    expect(connect).not.toHaveBeenCalled();
    expect(createConnection).not.toHaveBeenCalled();
    expect(guard.destinations).toEqual([
      { transport: 'tcp', address: '192.0.2.1', port: 8883, allowed: false },
    ]);
    for (const res of [
      await probes.tls({ ip: '192.0.2.1', port: 443, servername: 'x.test', ca: [], timeoutMs: 500 }),
      await probes.ntp({ ip: '192.0.2.1', port: 123, timeoutMs: 500 }),
      await probes.dns({
        name: 'x.test',
        type: 'A',
        server: { ip: '192.0.2.53', port: 53, source: 'user' },
        timeoutMs: 500,
      }),
    ]) {
      expect(res.ok ? 'ok' : res.error.code).toBe('BLOCKED');
    }
    expect(guard.destinations.every((d) => !d.allowed)).toBe(true);
    expect(connect).not.toHaveBeenCalled();
    // The spy does see a connection the guard allows (so the assertions above can fail).
    await probes.tcp({ ip: '127.0.0.1', port: await closedTcpPort(), timeoutMs: 500 });
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('says BLOCKED when the site context has no route for a destination', async () => {
    const probes = createProbes(fakeContext({ dial: () => null }));
    const r = await probes.tcp({ ip: '198.51.100.7', port: 443, timeoutMs: 500 });
    expect(r.ok ? 'ok' : r.error.message).toBe('no route to 198.51.100.7:443 in this site context');
  });

  it('maps a logical address onto the lab and names both in messages', async () => {
    const port = await closedTcpPort();
    const probes = createProbes(fakeContext({ dial: () => ({ ip: '127.0.0.1', port }) }));
    // Limits never waited out (20 s): an answer that needs the event loop must not race a short limit.
    const r = await probes.tcp({ ip: '198.51.100.7', port: 443, timeoutMs: 20_000 });
    expect(r.ok ? 'ok' : r.error.code).toBe('REFUSED');
    if (!r.ok) expect(r.error.message).toContain(`198.51.100.7:443 (lab 127.0.0.1:${port})`);
    const open = await listen(net.createServer((s) => s.resume()));
    const ok = await createProbes(fakeContext({ dial: () => ({ ip: '127.0.0.1', port: open }) })).tcp({
      ip: '198.51.100.7',
      port: 443,
      timeoutMs: 20_000,
    });
    expect(ok.ok && ok.value.remote).toBe(`127.0.0.1:${open}`);
  });

  it('waits out the limit for a blackholed destination and says TIMEOUT, sending nothing', async () => {
    const connect = vi.spyOn(net, 'connect');
    const probes = createProbes(fakeContext({ dial: () => ({ ip: '127.0.0.1', port: 9, blackhole: true }) }));
    const started = performance.now();
    const r = await probes.tcp({ ip: '198.51.100.7', port: 8883, timeoutMs: 300 });
    expect(r.ok ? 'ok' : r.error.message).toBe(
      'no TCP answer (SYN-ACK) from 198.51.100.7:8883 (lab 127.0.0.1:9) within 300 ms',
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(connect).not.toHaveBeenCalled();
  });

  it('ends a blackholed wait at once when the run aborts (ABORTED, not TIMEOUT)', async () => {
    const run = new AbortController();
    const probes = createProbes(
      fakeContext({ signal: run.signal, dial: () => ({ ip: '127.0.0.1', port: 9, blackhole: true }) }),
    );
    setTimeout(() => run.abort(), 30);
    const r = await probes.mqtt({
      ip: '198.51.100.7',
      port: 8883,
      servername: 'hub.test',
      ca: [],
      verify: true,
      clientId: 'zapcheck-probe-1',
      timeoutMs: 5000,
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('ABORTED');
  });

  it('refuses the OS resolver under a loopback guard and when the context does not use it', async () => {
    const guard = createGuard('loopback');
    const r = await createProbes(fakeContext({ guard, useOsResolver: true })).osLookup({
      name: 'example.test',
      timeoutMs: 500,
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('BLOCKED');
    expect(guard.destinations).toEqual([
      { transport: 'lookup', address: 'example.test', port: 0, allowed: false },
    ]);
    const off = await createProbes(fakeContext({ guard: createGuard('off'), useOsResolver: false })).osLookup(
      {
        name: 'localhost',
        timeoutMs: 500,
      },
    );
    expect(off.ok ? 'ok' : off.error.code).toBe('BLOCKED');
  });

  it('guards the TCP fallback of a truncated DNS answer separately', async () => {
    const s = await udpServer((msg, rinfo, socket) => {
      const q = dnsPacket.decode(msg);
      socket.send(
        dnsPacket.encode({ type: 'response', id: q.id, flags: 0x8380, questions: q.questions }),
        rinfo.port,
        rinfo.address,
      );
    });
    const guard = createGuard('loopback');
    const probes = createProbes(
      fakeContext({
        guard,
        // UDP reaches the fake resolver; TCP would go off the machine: the guard must stop it.
        dial: (_ip, _port, transport) =>
          transport === 'udp' ? { ip: '127.0.0.1', port: s.port } : { ip: '192.0.2.53', port: 53 },
      }),
    );
    const r = await probes.dns({
      name: 'big.example.test',
      type: 'A',
      server: { ip: '198.51.100.53', port: 53, source: 'lab' },
      timeoutMs: 20_000, // never waited out: the truncated UDP answer comes first
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('BLOCKED');
    if (!r.ok) expect(r.error.message).toMatch(/truncated.*192\.0\.2\.53:53/);
    expect(guard.destinations.map((d) => `${d.transport} ${d.address}:${d.port} ${d.allowed}`)).toEqual([
      `udp 127.0.0.1:${s.port} true`,
      'tcp 192.0.2.53:53 false',
    ]);
  });
});
