import dgram from 'node:dgram';
import fc from 'fast-check';
import type { ProbeErrorCode } from '../../src/core/errors.js';
import { BAD_WAIT_MS, LONG_MS, UDP_WAIT_MS } from './harness.js';

/**
 * A hostile NTP server on 127.0.0.1 port 0 (RFC 5905 packet format): each request gets the datagrams
 * of the current case, shaped from the request (so "echo the origin" can be right or wrong): short
 * packets, wrong mode or version, zero transmit time, stratum 0 (kiss-o'-death) or 16+, leap 3,
 * extreme timestamps, control characters in the reference id, or random bytes.
 */

export type NtpReply =
  | { kind: 'random'; bytes: Uint8Array }
  | {
      kind: 'shaped';
      length: number;
      leap: number;
      version: number;
      mode: number;
      stratum: number;
      origin: 'echo' | 'zero' | 'other';
      transmit: 'now' | 'zero' | 'max' | 'random';
      skewMs: number;
      refId: Uint8Array;
      randomStamp: [number, number];
    };

export interface NtpCase {
  replies: NtpReply[];
  timeoutMs: number;
}

const shaped: fc.Arbitrary<NtpReply> = fc.record({
  kind: fc.constant('shaped' as const),
  length: fc.oneof({ weight: 4, arbitrary: fc.constant(48) }, fc.nat(47), fc.integer({ min: 49, max: 120 })),
  leap: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.nat(3)),
  version: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(3, 4) }, fc.nat(7)),
  mode: fc.oneof({ weight: 3, arbitrary: fc.constant(4) }, fc.nat(7)),
  stratum: fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
    fc.constantFrom(0, 15, 16, 255),
    fc.nat(255),
  ),
  origin: fc.oneof(
    { weight: 3, arbitrary: fc.constant('echo' as const) },
    fc.constantFrom('zero' as const, 'other' as const),
  ),
  transmit: fc.oneof(
    { weight: 3, arbitrary: fc.constant('now' as const) },
    fc.constantFrom('zero' as const, 'max' as const, 'random' as const),
  ),
  skewMs: fc.oneof(fc.constant(0), fc.integer({ min: -4e11, max: 4e11 })),
  refId: fc.oneof(
    fc.uint8Array({ minLength: 4, maxLength: 4 }),
    fc.constantFrom(
      Uint8Array.from([0x1b, 0x5b, 0x32, 0x4a]), // ESC [ 2 J
      Uint8Array.from([0x9b, 0x33, 0x31, 0x6d]), // C1 CSI 3 1 m
      Uint8Array.from([0x52, 0x41, 0x54, 0x45]), // RATE
      Uint8Array.from([0x00, 0x00, 0x00, 0x00]),
    ),
  ),
  randomStamp: fc.tuple(fc.nat(0xffffffff), fc.nat(0xffffffff)),
});

export const ntpReply: fc.Arbitrary<NtpReply> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 120 }) }),
  },
  { weight: 4, arbitrary: shaped },
);

/**
 * RFC 5905 per-packet tests as the probe applies them, in order: a datagram that fails one is ignored
 * (the probe keeps waiting); the first that passes decides. Random bytes never echo our 64-bit nonce.
 */
export function expectedNtp(
  replies: readonly NtpReply[],
):
  | { ok: true; kiss: boolean; unsync: boolean; waits: false }
  | { ok: false; code: ProbeErrorCode; waits: boolean } {
  let bad = false;
  for (const r of replies) {
    if (
      r.kind === 'random' ||
      r.length < 48 ||
      r.version < 1 ||
      r.version > 4 ||
      r.mode !== 4 ||
      r.origin !== 'echo'
    ) {
      bad = true;
      continue;
    }
    if (r.stratum === 0) {
      const ref = Buffer.from(r.refId).toString('latin1').replace(/\0+$/, '');
      // INIT/STEP, or what chronyd 4 with no source sends (leap 3 and a reference of zero bytes): unsynchronised.
      const unsync = ref === 'INIT' || ref === 'STEP' || (ref === '' && r.leap === 3);
      return { ok: true, kiss: !unsync, unsync, waits: false };
    }
    if (
      r.transmit === 'zero' ||
      (r.transmit === 'random' && r.randomStamp[0] === 0 && r.randomStamp[1] === 0)
    ) {
      return { ok: false, code: 'PROTOCOL', waits: false };
    }
    // Unsynchronised (RFC 5905: stratum 16, leap indicator 3): an answer, said as such.
    if (r.stratum > 15 || r.leap === 3) return { ok: true, kiss: false, unsync: true, waits: false };
    return { ok: true, kiss: false, unsync: false, waits: false };
  }
  return { ok: false, code: bad ? 'PROTOCOL' : 'TIMEOUT', waits: true };
}

export const ntpCase: fc.Arbitrary<NtpCase> = fc
  .array(ntpReply, { minLength: 0, maxLength: 3 })
  .map((replies) => ({ replies, timeoutMs: waitFor(expectedNtp(replies)) }));

function waitFor(e: ReturnType<typeof expectedNtp>): number {
  if (!e.waits) return LONG_MS;
  return !e.ok && e.code === 'PROTOCOL' ? BAD_WAIT_MS : UDP_WAIT_MS;
}

const NTP_UNIX_OFFSET_S = 2_208_988_800;

function writeStamp(b: Buffer, offset: number, unixMs: number): void {
  const seconds = Math.floor(unixMs / 1000) + NTP_UNIX_OFFSET_S;
  const fraction = Math.floor(((unixMs % 1000) / 1000) * 2 ** 32);
  b.writeUInt32BE(((seconds % 2 ** 32) + 2 ** 32) % 2 ** 32, offset);
  b.writeUInt32BE(((fraction % 2 ** 32) + 2 ** 32) % 2 ** 32, offset + 4);
}

export function ntpBytes(r: NtpReply, request: Buffer): Buffer {
  if (r.kind === 'random') return Buffer.from(r.bytes);
  const b = Buffer.alloc(Math.max(48, r.length));
  b[0] = ((r.leap & 3) << 6) | ((r.version & 7) << 3) | (r.mode & 7);
  b[1] = r.stratum;
  b[2] = 6;
  b[3] = 0xec;
  b.writeUInt32BE(0x00000100, 4);
  b.writeUInt32BE(0x00000200, 8);
  Buffer.from(r.refId).copy(b, 12);
  const now = Date.now() + r.skewMs;
  writeStamp(b, 16, now - 1000);
  if (r.origin === 'echo' && request.length >= 48) request.copy(b, 24, 40, 48);
  else if (r.origin === 'other') b.writeUInt32BE(0xdeadbeef, 24);
  writeStamp(b, 32, now);
  switch (r.transmit) {
    case 'now':
      writeStamp(b, 40, now);
      break;
    case 'zero':
      break;
    case 'max':
      b.writeUInt32BE(0xffffffff, 40);
      b.writeUInt32BE(0xffffffff, 44);
      break;
    case 'random':
      b.writeUInt32BE(r.randomStamp[0], 40);
      b.writeUInt32BE(r.randomStamp[1], 44);
      break;
  }
  return b.subarray(0, r.length);
}

export interface HostileNtp {
  port: number;
  set(c: NtpCase): void;
  /** When (performance.now()) it first sent replies for the current case; null before. */
  repliedAt(): number | null;
  close(): Promise<void>;
}

export async function startHostileNtp(): Promise<HostileNtp> {
  let current: NtpCase = { replies: [], timeoutMs: UDP_WAIT_MS };
  let repliedAt: number | null = null;
  const udp = dgram.createSocket('udp4');
  udp.on('error', () => undefined);
  udp.on('message', (msg, rinfo) => {
    for (const r of current.replies) udp.send(ntpBytes(r, msg), rinfo.port, rinfo.address);
    if (current.replies.length > 0) repliedAt ??= performance.now();
  });
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  return {
    port: udp.address().port,
    set: (c) => {
      current = c;
      repliedAt = null;
    },
    repliedAt: () => repliedAt,
    close: () => new Promise<void>((resolve) => udp.close(() => resolve())),
  };
}
