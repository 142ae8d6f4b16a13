import net from 'node:net';
import tls from 'node:tls';
import fc from 'fast-check';
import { makeLeaf, makeRoot, type CertAuthority, type IssuedCert } from '../../src/lab/ca.js';
import type { ProbeErrorCode } from '../../src/core/errors.js';
import { afterAll, beforeAll } from 'vitest';
import { createProbes } from '../../src/probes/index.js';
import type { Probes } from '../../src/probes/types.js';
import {
  HOSTS,
  hostileText,
  labLikeContext,
  LONG_MS,
  expectNoSocketLeft,
  socketHandles,
  TCP_WAIT_MS,
} from './harness.js';

/**
 * Hostile TLS peers on 127.0.0.1 port 0: a raw TCP server that sends junk, TLS-looking records, hangs,
 * closes or resets at chosen points, or relays a real handshake cut short or with one byte flipped; and a
 * TLS-terminating server whose application bytes (MQTT, HTTP) are set per case.
 */

export interface FuzzPki {
  root: CertAuthority;
  leaf: IssuedCert;
}

export async function makeFuzzPki(): Promise<FuzzPki> {
  const root = await makeRoot({ name: { CN: 'Fuzz Test Root', O: 'zapcheck fuzz' } });
  const leaf = await makeLeaf({ issuer: root, sans: Object.values(HOSTS).map((h) => h.host) });
  return { root, leaf };
}

type Then = 'close' | 'reset' | 'hang';
const then = fc.constantFrom<Then>('close', 'reset', 'hang');

export type TlsBehaviour =
  | { kind: 'real' }
  | { kind: 'junk'; when: 'connect' | 'hello'; bytes: Uint8Array; then: Then }
  | {
      kind: 'record';
      when: 'connect' | 'hello';
      type: number;
      version: number;
      length: number;
      body: Uint8Array;
      then: Then;
    }
  | { kind: 'end'; when: 'connect' | 'hello'; how: 'close' | 'reset' }
  | { kind: 'hang'; read: boolean }
  | { kind: 'cut'; after: number; then: Then }
  | { kind: 'flip'; at: number; xor: number; then: Then };

export interface TlsCase {
  behaviour: TlsBehaviour;
  timeoutMs: number;
}

export const tlsBehaviour: fc.Arbitrary<TlsBehaviour> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('real' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('junk' as const),
      when: fc.constantFrom('connect' as const, 'hello' as const),
      bytes: fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 400 }),
        hostileText.map((s) => Buffer.from(`HTTP/1.1 400 ${s}\r\n\r\n`)),
        fc.constant(Uint8Array.from(Buffer.from('SSH-2.0-OpenSSH_9.6\r\n'))),
      ),
      then,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('record' as const),
      when: fc.constantFrom('connect' as const, 'hello' as const),
      type: fc.oneof(fc.constantFrom(0x14, 0x15, 0x16, 0x17), fc.nat(255)),
      version: fc.oneof(fc.constantFrom(0x0301, 0x0303, 0x0304), fc.nat(0xffff)),
      length: fc.oneof(fc.nat(64), fc.constant(0x4000), fc.constant(0xffff)),
      body: fc.uint8Array({ maxLength: 300 }),
      then,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('end' as const),
      when: fc.constantFrom('connect' as const, 'hello' as const),
      how: fc.constantFrom('close' as const, 'reset' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hang' as const), read: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cut' as const), after: fc.nat(1400), then }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('flip' as const),
      at: fc.nat(1400),
      xor: fc.integer({ min: 1, max: 255 }),
      then,
    }),
  },
);

/** Outcomes known in advance; otherwise only the closed set holds. */
export function expectedTls(b: TlsBehaviour): { ok: true } | { ok: false; code: ProbeErrorCode } | null {
  if (b.kind === 'real') return { ok: true };
  if (b.kind === 'hang') return { ok: false, code: 'TIMEOUT' };
  return null;
}

/** Whether a case may have to wait for its limit (junk that leaves the client waiting for more, hangs). */
function mayWait(b: TlsBehaviour): boolean {
  return b.kind !== 'real' && !(b.kind === 'end');
}

export const tlsCase: fc.Arbitrary<TlsCase> = tlsBehaviour.map((behaviour) => ({
  behaviour,
  timeoutMs: mayWait(behaviour) ? TCP_WAIT_MS * 2 : LONG_MS,
}));

export interface HostileTls {
  port: number;
  set(b: TlsBehaviour): void;
  reset(): void;
  close(): Promise<void>;
}

function finish(s: net.Socket, how: Then): void {
  if (how === 'close') s.end();
  else if (how === 'reset') s.resetAndDestroy();
}

/** The raw server behind the TLS probe cases; `real`, `cut` and `flip` relay to a real TLS server. */
export async function startHostileTls(pki: FuzzPki): Promise<HostileTls> {
  let current: TlsBehaviour = { kind: 'hang', read: false };
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket): void => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  };
  const backend = tls.createServer({ key: pki.leaf.keyPem, cert: pki.leaf.chainPem }, (s) => {
    track(s);
    s.resume();
  });
  backend.on('tlsClientError', () => undefined);
  backend.on('connection', track);
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  const backendPort = (backend.address() as net.AddressInfo).port;

  const server = net.createServer((s) => {
    track(s);
    const b = current;
    const when = (w: 'connect' | 'hello', f: () => void): void => {
      if (w === 'connect') f();
      else s.once('data', f);
    };
    switch (b.kind) {
      case 'junk':
        s.resume();
        return when(b.when, () => {
          s.write(b.bytes);
          finish(s, b.then);
        });
      case 'record': {
        s.resume();
        const head = Buffer.from([b.type, b.version >> 8, b.version & 0xff, b.length >> 8, b.length & 0xff]);
        return when(b.when, () => {
          s.write(Buffer.concat([head, b.body]));
          finish(s, b.then);
        });
      }
      case 'end':
        s.resume();
        return when(b.when, () => finish(s, b.how));
      case 'hang':
        if (b.read) s.resume();
        return;
      case 'real':
      case 'cut':
      case 'flip': {
        const up = net.connect({ host: '127.0.0.1', port: backendPort });
        track(up);
        s.pipe(up);
        let seen = 0;
        let stopped = false;
        s.on('close', () => up.destroy());
        up.on('close', () => s.destroy());
        up.on('data', (chunk: Buffer) => {
          if (stopped) return;
          if (b.kind === 'real') {
            s.write(chunk);
            return;
          }
          if (b.kind === 'flip') {
            const copy = Buffer.from(chunk);
            if (b.at >= seen && b.at < seen + copy.length) copy[b.at - seen]! ^= b.xor;
            seen += copy.length;
            s.write(copy);
            if (seen > b.at) {
              stopped = b.then !== 'hang';
              if (stopped) finish(s, b.then);
            }
            return;
          }
          const room = b.after - seen;
          seen += chunk.length;
          if (room > 0) s.write(chunk.subarray(0, room));
          if (seen >= b.after) {
            stopped = true;
            finish(s, b.then);
          }
        });
        return;
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    set: (b) => {
      current = b;
    },
    reset: () => {
      for (const s of sockets) s.destroy();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([
        new Promise<void>((resolve) => server.close(() => resolve())),
        new Promise<void>((resolve) => backend.close(() => resolve())),
      ]);
    },
  };
}

/**
 * A TLS server whose application side is the case: `onSecure` gets each connection once the handshake
 * is done. `cert` may be replaced per case (hostile certificate names).
 */
export interface HostileTlsApp {
  port: number;
  set(onSecure: (s: tls.TLSSocket) => void): void;
  setCert(cert: IssuedCert): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startHostileTlsApp(pki: FuzzPki): Promise<HostileTlsApp> {
  let handler: (s: tls.TLSSocket) => void = () => undefined;
  const sockets = new Set<net.Socket>();
  const server = tls.createServer({ key: pki.leaf.keyPem, cert: pki.leaf.chainPem }, (s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
    handler(s);
  });
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    set: (h) => {
      handler = h;
    },
    setCert: (cert) => server.setSecureContext({ key: cert.keyPem, cert: cert.chainPem }),
    reset: () => {
      for (const s of sockets) s.destroy();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * One hostile TLS server per suite with the probes bound to it through a lab-like site context, and,
 * when the suite ends, proof that no probe socket was left behind. Values are read in the tests
 * (after beforeAll has run).
 */
export function useHostileTlsServer<S extends { port: number; reset(): void; close(): Promise<void> }>(
  start: (pki: FuzzPki) => Promise<S>,
  route: 'https' | 'mqtts' | 'tls',
): { readonly pki: FuzzPki; readonly server: S; readonly probes: Probes } {
  const state = {} as { pki: FuzzPki; server: S; probes: Probes };
  let baseline = 0;
  beforeAll(async () => {
    state.pki = await makeFuzzPki();
    state.server = await start(state.pki);
    state.probes = createProbes(labLikeContext({ [route]: state.server.port }, [state.pki.root.pem]));
    baseline = socketHandles();
  });
  afterAll(async () => {
    state.server.reset();
    // Every probe socket is gone: only the server's own remain.
    await expectNoSocketLeft(baseline);
    await state.server.close();
  });
  return state;
}
