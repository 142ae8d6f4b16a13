import net from 'node:net';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { makeLeaf, makeRoot } from '../../src/lab/ca.js';
import { probeDns } from '../../src/probes/dns.js';
import { probeHttps } from '../../src/probes/https.js';
import { probeMqtt } from '../../src/probes/mqtt.js';
import { probeSntp } from '../../src/probes/sntp.js';
import { probeTls } from '../../src/probes/tls.js';
import { closeAll, listen, never, udpServer } from './servers.js';
import { eventually } from '../helpers/timing.js';

afterEach(closeAll);

const HANDLE_KINDS = ['TCPSocketWrap', 'TCPWRAP', 'TLSWrap', 'UDPWrap', 'UDPWRAP', 'Timeout'];

function handles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) {
    if (HANDLE_KINDS.includes(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/** Regression guard: every probe outcome (ok, timeout, abort, junk) leaves no socket or timer behind. */
describe('probes leave no handles behind', () => {
  it('after answers, timeouts, aborts and junk', async () => {
    const root = await makeRoot({ name: { CN: 'Leak Test Root' } });
    const leaf = await makeLeaf({ issuer: root, sans: ['x.example.test'] });
    const silentUdp = await udpServer(() => undefined);
    const silentTcp = await listen(net.createServer((s) => s.resume()));
    const endless = await listen(
      tls.createServer({ key: leaf.keyPem, cert: leaf.chainPem }, (s) => {
        s.on('error', () => undefined);
        s.once('data', () => {
          s.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n');
          const t = setInterval(() => s.write('400\r\n' + 'A'.repeat(1024) + '\r\n'), 1);
          s.on('close', () => clearInterval(t));
        });
      }),
    );
    const junk = await listen(
      tls.createServer({ key: leaf.keyPem, cert: leaf.chainPem }, (s) => {
        s.on('error', () => undefined);
        s.once('data', () => s.write('junk'));
      }),
    );
    const before = handles();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const common = { ip: '127.0.0.1', servername: 'x.example.test', ca: [root.pem] };
    const results = await Promise.all([
      probeDns({
        name: 'a.test',
        type: 'A',
        server: { ip: '127.0.0.1', port: silentUdp.port },
        timeoutMs: 300,
        signal: never,
      }),
      probeSntp({ ip: '127.0.0.1', port: silentUdp.port, timeoutMs: 300, signal: ac.signal }),
      probeTls({ ...common, port: silentTcp, timeoutMs: 300, signal: never }),
      probeHttps({ ...common, port: endless, path: '/', verify: true, timeoutMs: 20_000, signal: never }),
      probeMqtt({ ...common, port: junk, verify: true, clientId: 'leak', timeoutMs: 20_000, signal: never }),
      probeMqtt({
        ...common,
        port: silentTcp,
        verify: true,
        clientId: 'leak',
        timeoutMs: 5000,
        signal: ac.signal,
      }),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'TIMEOUT',
      'ABORTED',
      'TIMEOUT',
      'ok',
      'PROTOCOL',
      'ABORTED',
    ]);
    // Sockets close on the next turns of the event loop: wait for that, not for a fixed time.
    const settled = (): boolean =>
      HANDLE_KINDS.every((kind) => (handles()[kind] ?? 0) <= (before[kind] ?? 0));
    await eventually(settled);
    const after = handles();
    for (const kind of HANDLE_KINDS) {
      expect({ kind, n: after[kind] ?? 0 }).toEqual({
        kind,
        n: Math.min(after[kind] ?? 0, before[kind] ?? 0),
      });
    }
  });
});
