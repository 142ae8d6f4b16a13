import dgram from 'node:dgram';
import net from 'node:net';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { expect, vi } from 'vitest';
import { withFakeLimit } from '../helpers/timing.js';

/**
 * Tiny real servers on 127.0.0.1 port 0 for the probe tests; `closeAll()` in afterEach tears down every
 * server and every socket they accepted.
 */

const closers: (() => Promise<void>)[] = [];

export async function closeAll(): Promise<void> {
  const list = closers.splice(0);
  await Promise.all(list.map((c) => c().catch(() => undefined)));
}

export interface UdpServer {
  port: number;
  socket: dgram.Socket;
  received: Buffer[];
}

/**
 * Counts the datagrams the probe's own socket has read: the probe's 'message' listener has run for each
 * (the count is bumped in a microtask, after every listener of that emit). stop() restores createSocket.
 */
export function probeSocketReads(): { count: () => number; stop: () => void } {
  let reads = 0;
  const create = dgram.createSocket.bind(dgram) as (type: 'udp4') => dgram.Socket;
  const spy = vi.spyOn(dgram, 'createSocket').mockImplementation(((type: 'udp4') => {
    const socket = create(type);
    socket.on('message', () => queueMicrotask(() => (reads += 1)));
    return socket;
  }) as typeof dgram.createSocket);
  return { count: () => reads, stop: () => spy.mockRestore() };
}

export async function udpServer(
  onMessage: (msg: Buffer, rinfo: dgram.RemoteInfo, socket: dgram.Socket) => void,
  port = 0,
): Promise<UdpServer> {
  const socket = dgram.createSocket('udp4');
  const received: Buffer[] = [];
  socket.on('message', (msg, rinfo) => {
    received.push(msg);
    onMessage(msg, rinfo, socket);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve();
    });
  });
  closers.push(() => new Promise<void>((resolve) => socket.close(() => resolve())));
  return { port: socket.address().port, socket, received };
}

function track(server: net.Server): void {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s: net.Socket) => {
    sockets.add(s);
    s.on('error', () => undefined);
  });
  server.on('tlsClientError', () => undefined);
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
}

export async function listen(server: net.Server, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  track(server);
  return (server.address() as AddressInfo).port;
}

export function tcpServer(onConnection: (s: net.Socket) => void): net.Server {
  return net.createServer(onConnection);
}

export function tlsServer(
  opts: tls.TlsOptions,
  onSecure: (s: tls.TLSSocket) => void = () => undefined,
): tls.Server {
  return tls.createServer(opts, onSecure);
}

/** A port that was free a moment ago (listen, note the port, close): nothing listens there now. */
export async function closedTcpPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export async function closedUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => s.bind(0, '127.0.0.1', resolve));
  const port = s.address().port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export const never = new AbortController().signal;

export function elapsedSince(start: number): number {
  return performance.now() - start;
}

/**
 * The limit tests: withFakeLimit, plus "the server received n datagrams" and "the probe's socket read n
 * replies", so the probe's timers only move once the server and the probe saw each datagram.
 */
export async function onFakeLimit<T>(
  server: { received: Buffer[] },
  run: () => Promise<T>,
  steps: (at: {
    received: (n: number) => Promise<void>;
    read: (n: number) => Promise<void>;
    advance: (ms: number) => Promise<void>;
    settled: () => boolean;
  }) => Promise<void>,
): Promise<T> {
  const reads = probeSocketReads();
  try {
    return await withFakeLimit(run, (at) =>
      steps({
        received: async (n) => {
          await at.until(() => server.received.length >= n, `server received ${n}`);
          expect(server.received).toHaveLength(n);
        },
        read: async (n) => {
          await at.until(() => reads.count() >= n, `probe read ${n}`);
          expect(reads.count()).toBe(n);
        },
        advance: (ms) => at.advance(ms),
        settled: () => at.settled(),
      }),
    );
  } finally {
    reads.stop();
  }
}
