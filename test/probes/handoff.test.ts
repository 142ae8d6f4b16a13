import https from 'node:https';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SiteContext } from '../../src/core/context.js';
import { createGuard } from '../../src/core/guard.js';
import { makeLeaf, makeRoot } from '../../src/lab/ca.js';
import { createProbes } from '../../src/probes/index.js';
import { closeAll, listen } from './servers.js';
import { eventually } from '../helpers/timing.js';

/**
 * Issue 14, point 1: one connection per endpoint. The TCP check's socket carries the TLS handshake, and
 * the verified TLS socket carries the HTTPS request; a socket that is gone or already read from is
 * replaced by a new connection with the same outcome.
 */

afterEach(closeAll);

function context(): SiteContext {
  return {
    mode: 'lab',
    dial: (ip: string, port: number) => ({ ip, port }),
    guard: createGuard('loopback'),
    signal: new AbortController().signal,
    useOsResolver: false,
    clock: { now: () => Date.now(), monotonic: () => performance.now() },
  } as unknown as SiteContext;
}

async function countingHttpsServer() {
  const root = await makeRoot({ name: { CN: 'Hand-off Test Root' } });
  const leaf = await makeLeaf({ issuer: root, sans: ['x.example.test'] });
  const server = https.createServer({ key: leaf.keyPem, cert: leaf.chainPem }, (req, res) => {
    req.resume();
    res.end('ok\n');
  });
  const stats = { connections: 0, requests: 0 };
  server.on('connection', () => (stats.connections += 1));
  server.on('request', () => (stats.requests += 1));
  const port = await listen(server);
  return { root, port, stats };
}

const KEY = 'x.example.test:443';

describe('connection hand-off between checks', () => {
  it('TCP, TLS 1.2 and the HTTPS request share one connection', async () => {
    const { root, port, stats } = await countingHttpsServer();
    const probes = createProbes(context());
    const ip = '127.0.0.1';
    const tcp = await probes.tcp({ ip, port, timeoutMs: 20_000, keepAs: KEY });
    expect(tcp.ok).toBe(true);
    const tls = await probes.tls({
      ip,
      port,
      servername: 'x.example.test',
      ca: [root.pem],
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.2',
      timeoutMs: 20_000,
      reuse: KEY,
      keepAs: KEY,
    });
    expect(tls.ok && tls.value.authorized).toBe(true);
    const answer = await probes.https({
      ip,
      port,
      servername: 'x.example.test',
      path: '/',
      ca: [root.pem],
      verify: true,
      timeoutMs: 20_000,
      reuse: KEY,
    });
    expect(answer.ok && answer.value.status).toBe(200);
    expect(stats).toEqual({ connections: 1, requests: 1 });
    probes.release?.();
  });

  it('without hand-off keys every probe dials its own connection', async () => {
    const { root, port, stats } = await countingHttpsServer();
    const probes = createProbes(context());
    const ip = '127.0.0.1';
    await probes.tcp({ ip, port, timeoutMs: 20_000 });
    await probes.tls({ ip, port, servername: 'x.example.test', ca: [root.pem], timeoutMs: 20_000 });
    const answer = await probes.https({
      ip,
      port,
      servername: 'x.example.test',
      path: '/',
      ca: [root.pem],
      verify: true,
      timeoutMs: 20_000,
    });
    expect(answer.ok && answer.value.status).toBe(200);
    expect(stats.connections).toBe(3);
  });

  it('a kept socket the server already wrote to is not reused: a new connection, the same outcome', async () => {
    // A server that speaks first (a banner): the bytes would be lost to a TLS handshake over that socket.
    let connections = 0;
    let bannersWritten = 0;
    const server = net.createServer((s) => {
      connections += 1;
      s.on('error', () => undefined);
      s.write('SSH-2.0-OpenSSH_9.6\r\n', () => (bannersWritten += 1));
    });
    const port = await listen(server);
    const ip = '127.0.0.1';
    const request = { ip, port, servername: 'x.example.test', ca: [], timeoutMs: 20_000 };
    const fresh = await createProbes(context()).tls(request);
    const probes = createProbes(context());
    await probes.tcp({ ip, port, timeoutMs: 20_000, keepAs: KEY });
    // Wait for the event, not a time: the banner is in the kernel once written, and the kept socket has
    // read it after the next poll phase (two setImmediate turns include one), however loaded the machine.
    await eventually(() => bannersWritten === 2);
    for (let i = 0; i < 2; i++) await new Promise((r) => setImmediate(r));
    const reused = await probes.tls({ ...request, reuse: KEY });
    expect(fresh.ok).toBe(false);
    expect(reused.ok).toBe(false);
    if (!fresh.ok && !reused.ok) {
      expect(reused.error.code).toBe(fresh.error.code);
      expect(reused.error.message).toBe(fresh.error.message);
    }
    // fresh TLS 1, then TCP 1 and TLS's new one: the kept socket was not used for the handshake.
    expect(connections).toBe(3);
  });

  it('release() closes a socket nobody took', async () => {
    let closed = 0;
    const server = net.createServer((s) => {
      s.on('error', () => undefined);
      s.on('close', () => (closed += 1));
      s.resume();
    });
    const port = await listen(server);
    const probes = createProbes(context());
    const r = await probes.tcp({ ip: '127.0.0.1', port, timeoutMs: 20_000, keepAs: KEY });
    expect(r.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(closed).toBe(0);
    probes.release?.();
    await eventually(() => closed > 0);
    expect(closed).toBe(1);
  });
});
