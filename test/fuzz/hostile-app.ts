import type tls from 'node:tls';
import fc from 'fast-check';
import type { ProbeErrorCode } from '../../src/core/errors.js';
import { hostileText, LONG_MS, TCP_WAIT_MS } from './harness.js';

/**
 * What a hostile server says once TLS is up: MQTT (OASIS MQTT 3.1.1 section 3.2: a CONNACK is exactly
 * 0x20 0x02 flags code) and HTTP/1.1 (RFC 9112) byte streams, split into chunks written one after the
 * other, then a close, a reset, a hang, or (HTTP) a body that never ends.
 */

type Then = 'close' | 'reset' | 'hang';
const then = fc.constantFrom<Then>('close', 'reset', 'hang');

function endWith(s: tls.TLSSocket, how: Then): void {
  if (how === 'close') s.end();
  else if (how === 'reset') {
    try {
      s.resetAndDestroy();
    } catch {
      s.destroy();
    }
  }
}

/** Splits `bytes` at the given cut points (shrinks toward one chunk). */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    if (p > from) out.push(bytes.subarray(from, p));
    from = Math.max(from, p);
  }
  return out;
}

/** Writes the chunks a turn apart (so the client sees them as separate reads), then `after`. */
function writeChunks(s: tls.TLSSocket, chunks: Uint8Array[], after: () => void): void {
  const next = (i: number): void => {
    if (s.destroyed) return;
    if (i >= chunks.length) return after();
    s.write(chunks[i]!);
    setTimeout(() => next(i + 1), 1);
  };
  next(0);
}

// ---------------------------------------------------------------- MQTT

export interface MqttCase {
  bytes: Uint8Array;
  cuts: number[];
  when: 'secure' | 'connect';
  then: Then;
  timeoutMs: number;
}

const bytes = (a: number[]): Uint8Array => Uint8Array.from(a);
const varint = fc.constantFrom([0xff, 0xff, 0xff, 0x7f], [0x80, 0x80, 0x80, 0x01], [0xff, 0x7f], [0x7f]);

export const mqttStream: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 2, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 200 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.oneof(fc.constantFrom(0, 1), fc.nat(255)), fc.nat(255), fc.nat(4))
      .map(([flags, code, k]) => bytes([0x20, 0x02, flags, code].slice(0, k))),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(0, 1), fc.oneof(fc.nat(5), fc.nat(255)), fc.uint8Array({ maxLength: 50 }))
      .map(([flags, code, trail]) => bytes([0x20, 0x02, flags, code, ...trail])),
  },
  {
    // oversized: a CONNACK (or PUBLISH) header announcing up to 256 MB, then some of it
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(0x20, 0x30, 0x90), varint, fc.uint8Array({ maxLength: 3000 }))
      .map(([type, len, payload]) => bytes([type, ...len, ...payload])),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      bytes([0xd0, 0x00]),
      bytes([0x90, 0x03, 0, 1, 0]),
      bytes([0x20, 0x03, 0, 0, 0]),
    ),
  },
  { weight: 1, arbitrary: hostileText.map((s) => Uint8Array.from(Buffer.from(s))) },
);

/** The verdict a CONNACK reader must reach on this stream (the 4-byte rule above). */
export function expectedMqtt(
  c: Pick<MqttCase, 'bytes' | 'then'>,
):
  | { ok: true; returnCode: number; sessionPresent: boolean }
  | { ok: false; code: ProbeErrorCode; waits: boolean } {
  const b = c.bytes;
  if (b.length >= 1 && b[0] !== 0x20) return { ok: false, code: 'PROTOCOL', waits: false };
  if (b.length >= 2 && b[1] !== 0x02) return { ok: false, code: 'PROTOCOL', waits: false };
  if (b.length < 4) {
    return c.then === 'hang'
      ? { ok: false, code: 'TIMEOUT', waits: true }
      : { ok: false, code: 'RESET', waits: false };
  }
  if ((b[2]! & 0xfe) !== 0) return { ok: false, code: 'PROTOCOL', waits: false };
  return { ok: true, returnCode: b[3]!, sessionPresent: (b[2]! & 1) === 1 };
}

export const mqttCase: fc.Arbitrary<MqttCase> = fc
  .record({
    bytes: mqttStream,
    cuts: fc.array(fc.nat(4000), { maxLength: 3 }),
    when: fc.constantFrom('secure' as const, 'connect' as const),
    then,
  })
  .map((c) => {
    const e = expectedMqtt(c);
    return { ...c, timeoutMs: !e.ok && e.waits ? TCP_WAIT_MS : LONG_MS };
  });

export function mqttHandler(c: MqttCase): (s: tls.TLSSocket) => void {
  return (s) => {
    const go = (): void => writeChunks(s, split(c.bytes, c.cuts), () => endWith(s, c.then));
    if (c.when === 'secure') {
      s.resume();
      go();
    } else {
      s.once('data', () => {
        s.resume();
        go();
      });
    }
  };
}

// ---------------------------------------------------------------- HTTP

export interface HttpCase {
  kind: 'wellformed' | 'hostile-headers' | 'mutated' | 'random' | 'huge' | 'endless' | 'partial';
  bytes: Uint8Array;
  cuts: number[];
  then: Then;
  /** For `endless`: the size of each body write, every 2 ms, until the client goes. */
  trickle: number;
  status: number;
  timeoutMs: number;
}

const token = fc.constantFrom(
  'server',
  'via',
  'x-cache',
  'content-type',
  'x-powered-by',
  'www-authenticate',
  'location',
  'proxy-agent',
  'x-a',
);
const safeValue = fc.stringMatching(/^[A-Za-z0-9 ./:;=_-]{0,40}$/).map((s) => s.trim());
const status = fc.oneof(
  fc.constantFrom(200, 204, 301, 302, 307, 401, 403, 404, 407, 500, 503),
  fc.integer({ min: 200, max: 599 }),
);

function response(code: number, headers: [string, string][], body: string, extra = ''): string {
  const lines = headers.map(([k, v]) => `${k}: ${v}\r\n`).join('');
  const length = code === 204 || code === 304 ? '' : `content-length: ${Buffer.byteLength(body)}\r\n`;
  return `HTTP/1.1 ${code} Reason\r\n${lines}${length}${extra}\r\n${code === 204 || code === 304 ? '' : body}`;
}

const wellformed = fc
  .tuple(status, fc.array(fc.tuple(token, safeValue), { maxLength: 6 }), fc.string({ maxLength: 600 }))
  .map(([code, headers, body]) => ({ code, text: response(code, headers, body) }));

const enc = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'utf8'));

export const httpCase: fc.Arbitrary<HttpCase> = fc
  .record({
    shape: fc.oneof(
      {
        weight: 3,
        arbitrary: wellformed.map((w) => ({
          kind: 'wellformed' as const,
          status: w.code,
          bytes: enc(w.text),
        })),
      },
      {
        weight: 3,
        arbitrary: fc
          .tuple(status, fc.array(fc.tuple(token, hostileText), { minLength: 1, maxLength: 4 }), hostileText)
          .map(([code, headers, body]) => ({
            kind: 'hostile-headers' as const,
            status: code,
            bytes: enc(response(code, headers, body)),
          })),
      },
      {
        weight: 3,
        arbitrary: fc
          .tuple(
            wellformed,
            fc.array(fc.tuple(fc.nat(800), fc.nat(255)), { minLength: 1, maxLength: 6 }),
            fc.nat(900),
          )
          .map(([w, muts, cut]) => {
            const b = Buffer.from(w.text);
            for (const [i, v] of muts) if (b.length) b[i % b.length] = v;
            return {
              kind: 'mutated' as const,
              status: w.code,
              bytes: Uint8Array.from(b.subarray(0, Math.max(1, cut))),
            };
          }),
      },
      {
        weight: 1,
        arbitrary: fc
          .oneof(
            fc.uint8Array({ minLength: 1, maxLength: 400 }),
            fc.constantFrom(
              enc('HTTP/1.1 200\n\n'),
              enc('HTTP/1.1 2OO OK\r\n\r\n'),
              enc('HTTP/1.1 200 OK\r\nbad header\r\n\r\n'),
              enc('HTTP/1.1 200 OK\r\n content-length: 1\r\n\r\n'),
              enc('HTTP/1.1 200 OK\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\nab'),
              enc('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n'),
              enc('HTTP/1.1 200 OK\r\nx-a: a\r\n\tfolded\r\n\r\n'),
              enc('HTTP/1.1 200 OK\r\nx-a: \u0000\u001b[2J\r\n\r\n'),
              enc('HTTP/1.1 200 OK\r\n\u001b[31m: x\r\n\r\n'),
              enc('HTTP/9.9 200 OK\r\n\r\n'),
              enc('SSH-2.0-OpenSSH_9.6\r\n'),
            ),
          )
          .map((b) => ({ kind: 'random' as const, status: 0, bytes: b })),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.integer({ min: 17, max: 64 }), fc.boolean()).map(([kb, many]) => ({
          kind: 'huge' as const,
          status: 200,
          bytes: enc(
            `HTTP/1.1 200 OK\r\n${
              many
                ? Array.from({ length: kb * 24 }, (_, i) => `x-h${i}: ${'v'.repeat(50)}\r\n`).join('')
                : `x-big: ${'v'.repeat(kb * 1024)}\r\n`
            }\r\n`,
          ),
        })),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            status,
            fc.constantFrom(
              'transfer-encoding: chunked\r\n',
              'content-length: 999999999\r\n',
              'connection: close\r\n',
            ),
            hostileText,
          )
          .map(([code, framing, server]) => ({
            kind: 'endless' as const,
            status: code,
            bytes: enc(
              `HTTP/1.1 ${code === 204 || code === 304 ? 200 : code} OK\r\nserver: ${server.replace(/[\r\n]/g, '')}\r\n${framing}\r\n`,
            ),
          })),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(wellformed, fc.nat(200)).map(([w, cut]) => ({
          kind: 'partial' as const,
          status: w.code,
          bytes: enc(w.text.slice(0, Math.min(cut, w.text.indexOf('\r\n\r\n')))),
        })),
      },
    ),
    cuts: fc.array(fc.nat(2000), { maxLength: 3 }),
    then,
    trickle: fc.constantFrom(1, 8, 100, 4096),
  })
  .map(({ shape, cuts, then: how, trickle }) => {
    const fast = shape.kind === 'wellformed' || shape.kind === 'huge';
    return { ...shape, cuts, then: how, trickle, timeoutMs: fast ? LONG_MS : TCP_WAIT_MS * 3 };
  });

export function httpHandler(c: HttpCase): (s: tls.TLSSocket) => void {
  return (s) => {
    let request = '';
    const onData = (d: Buffer): void => {
      request += d.toString('latin1');
      if (!request.includes('\r\n\r\n')) return;
      s.off('data', onData);
      s.resume();
      writeChunks(s, split(c.bytes, c.cuts), () => {
        if (c.kind !== 'endless') return endWith(s, c.then);
        const chunk =
          c.bytes.includes(0x63) && Buffer.from(c.bytes).toString().includes('chunked')
            ? Buffer.from(`${c.trickle.toString(16)}\r\n${'A'.repeat(c.trickle)}\r\n`)
            : Buffer.alloc(c.trickle, 0x41);
        const timer = setInterval(() => {
          if (s.destroyed || s.writableEnded) clearInterval(timer);
          else s.write(chunk);
        }, 2);
        s.on('close', () => clearInterval(timer));
      });
    };
    s.on('data', onData);
  };
}
