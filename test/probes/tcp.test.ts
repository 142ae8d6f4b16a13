import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probeTcp } from '../../src/probes/tcp.js';
import { ROOT } from '../helpers/cli.js';
import { createNetns, netnsUnavailable, type Netns } from '../helpers/netns.js';
import { closeAll, closedTcpPort, listen, never } from './servers.js';
import { eventually } from '../helpers/timing.js';

afterEach(closeAll);

describe('probeTcp on loopback', () => {
  it('connects to a listener and closes at once', async () => {
    let closedByProbe = false;
    const port = await listen(net.createServer((s) => s.on('end', () => (closedByProbe = true)).resume()));
    const r = await probeTcp({ ip: '127.0.0.1', port, timeoutMs: 20_000, signal: never });
    expect(r.ok && r.value.remote).toBe(`127.0.0.1:${port}`);
    expect(r.ok && r.value.local).toMatch(/^127\.0\.0\.1:\d+$/);
    // The server sees the FIN a loop turn or more later.
    await eventually(() => closedByProbe);
    expect(closedByProbe).toBe(true);
  });

  it('says REFUSED for a closed port (RST), quickly', async () => {
    const port = await closedTcpPort();
    const r = await probeTcp({ ip: '127.0.0.1', port, timeoutMs: 20_000, signal: never });
    expect(r.ok ? 'ok' : r.error.code).toBe('REFUSED');
    if (!r.ok) expect(r.error.message).toContain(`127.0.0.1:${port} refused`);
  });

  it('says ABORTED at once for an aborted signal, and INTERNAL for a non-IPv4 address', async () => {
    const a = await probeTcp({ ip: '127.0.0.1', port: 9, timeoutMs: 1000, signal: AbortSignal.abort() });
    expect(a.ok ? 'ok' : a.error.code).toBe('ABORTED');
    const b = await probeTcp({ ip: '::1', port: 9, timeoutMs: 1000, signal: never });
    expect(b.ok ? 'ok' : b.error.code).toBe('INTERNAL');
  });
});

/**
 * Dropped and unroutable destinations for real, inside a network namespace this test creates: a veth
 * pair whose far end discards every frame (a permanent neighbour entry points 198.18.77.2 at a MAC
 * nobody has), so a SYN to it gets no answer at all; an address outside any route gets ENETUNREACH. The probe runs from the built dist/ in a child process
 * inside the namespace; nothing leaves it.
 */
const why = netnsUnavailable();
if (why) console.warn(`!! SKIPPING dropped/no-route TCP tests in a network namespace: ${why}`);

describe.skipIf(why !== null)('probeTcp in a network namespace', () => {
  let ns: Netns;
  beforeAll(() => {
    ns = createNetns('tcpdrop');
    ns.run('ip', ['link', 'add', 'zcA', 'type', 'veth', 'peer', 'name', 'zcB']);
    ns.run('ip', ['addr', 'add', '198.18.77.1/24', 'dev', 'zcA']);
    ns.run('ip', ['link', 'set', 'zcA', 'up']);
    ns.run('ip', ['link', 'set', 'zcB', 'up']);
    ns.run('ip', [
      'neigh',
      'add',
      '198.18.77.2',
      'lladdr',
      '02:00:5e:00:53:01',
      'dev',
      'zcA',
      'nud',
      'permanent',
    ]);
  });
  afterAll(() => ns?.remove());

  const runInNs = async (ip: string, timeoutMs: number) => {
    const mod = path.join(ROOT, 'dist/probes/tcp.js');
    const script = `import(${JSON.stringify(mod)}).then(async (m) => {
      const r = await m.probeTcp({ ip: ${JSON.stringify(ip)}, port: 8883, timeoutMs: ${timeoutMs}, signal: new AbortController().signal });
      process.stdout.write(JSON.stringify({ ok: r.ok, code: r.ok ? null : r.error.code, message: r.ok ? '' : r.error.message, ms: r.ms }));
    });`;
    const { stdout } = await promisify(execFile)(
      'ip',
      ['netns', 'exec', ns.name, process.execPath, '-e', script],
      {
        timeout: 10_000,
      },
    );
    return JSON.parse(stdout) as { ok: boolean; code: string | null; message: string; ms: number };
  };

  it('says TIMEOUT for a silently dropped SYN, at the limit', async () => {
    const r = await runInNs('198.18.77.2', 700);
    expect(r.code).toBe('TIMEOUT');
    expect(r.message).toBe('no TCP answer (SYN-ACK) from 198.18.77.2:8883 within 700 ms');
    expect(r.ms).toBeGreaterThanOrEqual(650);
  });

  it('says UNREACHABLE when there is no route', async () => {
    const r = await runInNs('198.19.1.1', 2000);
    expect(r.code).toBe('UNREACHABLE');
  });
});
