import dgram from 'node:dgram';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { codeFromSocketError } from '../core/errors.js';
import type { ProbeResult } from '../core/errors.js';
import { describeError, exchange } from './exchange.js';
import { sanitizeNetworkText } from './sanitize.js';
import type { SntpSample } from './types.js';

/**
 * An SNTP client (RFC 4330, on-wire protocol of RFC 5905 section 8): one mode-3 request, version 4.
 * The transmit timestamp we send is random (a nonce, RFC 5905 section 9.1 / draft-ietf-ntp-data-minimization),
 * the real send time t1 is kept locally; a reply counts only if its origin timestamp echoes our nonce
 * (RFC 5905 section 8, the "bogus packet" test). Replies that fail the per-packet tests are ignored
 * while we keep waiting; a reply that passes them but shows an unsynchronised server is an answer.
 */

/** An NTP 64-bit timestamp: seconds since 1900-01-01 (mod 2^32, era implied) and a 32-bit fraction. */
export interface NtpTimestamp {
  seconds: number;
  fraction: number;
}

export interface SntpPacket {
  leap: number;
  version: number;
  mode: number;
  stratum: number;
  poll: number;
  precision: number;
  rootDelayMs: number;
  rootDispersionMs: number;
  /** The 4 raw reference-id bytes. */
  refIdBytes: Buffer;
  referenceTime: NtpTimestamp;
  originTime: NtpTimestamp;
  receiveTime: NtpTimestamp;
  transmitTime: NtpTimestamp;
}

export const NTP_PACKET_LENGTH = 48;
/** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01 (Unix epoch). */
export const NTP_UNIX_OFFSET_S = 2_208_988_800;
const TWO_32 = 4_294_967_296;

/** A client request: LI 0, version 4, mode 3 (client), everything zero but the transmit timestamp. */
export function encodeSntpRequest(transmitTime: NtpTimestamp): Buffer {
  const buf = Buffer.alloc(NTP_PACKET_LENGTH);
  buf[0] = (0 << 6) | (4 << 3) | 3;
  writeTimestamp(buf, 40, transmitTime);
  return buf;
}

function writeTimestamp(buf: Buffer, offset: number, t: NtpTimestamp): void {
  buf.writeUInt32BE(t.seconds >>> 0, offset);
  buf.writeUInt32BE(t.fraction >>> 0, offset + 4);
}

function readTimestamp(buf: Buffer, offset: number): NtpTimestamp {
  return { seconds: buf.readUInt32BE(offset), fraction: buf.readUInt32BE(offset + 4) };
}

export function isZeroTimestamp(t: NtpTimestamp): boolean {
  return t.seconds === 0 && t.fraction === 0;
}

/** Parses the 48-byte header (extension fields and MAC after it are ignored). Never throws. */
export function decodeSntpPacket(
  buf: Uint8Array,
): { ok: true; packet: SntpPacket } | { ok: false; error: string } {
  if (buf.length < NTP_PACKET_LENGTH) {
    return {
      ok: false,
      error: `${buf.length}-byte packet is shorter than an NTP header (${NTP_PACKET_LENGTH})`,
    };
  }
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
  const first = b[0]!;
  const version = (first >> 3) & 0x07;
  if (version < 1 || version > 4) return { ok: false, error: `NTP version ${version} is not 1-4` };
  return {
    ok: true,
    packet: {
      leap: first >> 6,
      version,
      mode: first & 0x07,
      stratum: b[1]!,
      poll: b.readInt8(2),
      precision: b.readInt8(3),
      rootDelayMs: (b.readUInt32BE(4) / 65_536) * 1000,
      rootDispersionMs: (b.readUInt32BE(8) / 65_536) * 1000,
      refIdBytes: Buffer.from(b.subarray(12, 16)),
      referenceTime: readTimestamp(b, 16),
      originTime: readTimestamp(b, 24),
      receiveTime: readTimestamp(b, 32),
      transmitTime: readTimestamp(b, 40),
    },
  };
}

/**
 * NTP timestamp to Unix ms. A 32-bit seconds field wraps every 136 years (era 0 ends 2036-02-07); the
 * era is the one that puts the result closest to `referenceUnixMs` (RFC 5905 section 6: a client
 * knows the time to within 68 years).
 */
export function ntpToUnixMs(t: NtpTimestamp, referenceUnixMs: number = Date.now()): number {
  const refNtpSeconds = referenceUnixMs / 1000 + NTP_UNIX_OFFSET_S;
  const era = Math.round((refNtpSeconds - t.seconds) / TWO_32);
  return (t.seconds + era * TWO_32 - NTP_UNIX_OFFSET_S) * 1000 + (t.fraction / TWO_32) * 1000;
}

/** Unix ms to an NTP timestamp (seconds modulo 2^32: the era is dropped, as on the wire). */
export function unixMsToNtp(ms: number): NtpTimestamp {
  const totalSeconds = Math.floor(ms / 1000);
  const fracMs = ms - totalSeconds * 1000;
  let fraction = Math.round((fracMs / 1000) * TWO_32);
  let seconds = totalSeconds + NTP_UNIX_OFFSET_S;
  if (fraction >= TWO_32) {
    fraction -= TWO_32;
    seconds += 1;
  }
  return { seconds: ((seconds % TWO_32) + TWO_32) % TWO_32, fraction };
}

/**
 * RFC 5905 section 8: t1 client send, t2 server receive, t3 server transmit, t4 client receive (ms).
 * offset (theta) = ((t2 - t1) + (t3 - t4)) / 2: server minus client, positive when the client is behind.
 * delay (delta) = (t4 - t1) - (t3 - t2).
 */
export function computeOffsetDelay(
  t1: number,
  t2: number,
  t3: number,
  t4: number,
): { offsetMs: number; delayMs: number } {
  return { offsetMs: (t2 - t1 + (t3 - t4)) / 2, delayMs: t4 - t1 - (t3 - t2) };
}

/** Reference id as text: stratum 0/1 carry four ASCII characters, higher strata an IPv4 address. */
export function refIdText(stratum: number, bytes: Buffer): string {
  if (stratum <= 1) return sanitizeNetworkText(bytes.toString('latin1').replace(/\0+$/, ''), 16);
  return [...bytes].join('.');
}

export interface SntpProbeInput {
  ip: string;
  port: number;
  timeoutMs: number;
  signal: AbortSignal;
  /** Wall clock, ms since the epoch (default Date.now): t1 and t4 come from it. */
  clock?: { now(): number };
  /** How the server is named in messages and in the sample; default `ip:port`. */
  label?: string;
}

function randomTimestamp(): NtpTimestamp {
  const b = randomBytes(8);
  const t = { seconds: b.readUInt32BE(0), fraction: b.readUInt32BE(4) };
  return isZeroTimestamp(t) ? { seconds: 1, fraction: 1 } : t;
}

function sameTimestamp(a: NtpTimestamp, b: NtpTimestamp): boolean {
  return a.seconds === b.seconds && a.fraction === b.fraction;
}

export function probeSntp(q: SntpProbeInput): Promise<ProbeResult<SntpSample>> {
  const label = q.label ?? `${q.ip}:${q.port}`;
  const clock = q.clock ?? { now: () => Date.now() };
  let bad = 0;
  let lastBad = '';
  return exchange<SntpSample>(
    {
      signal: q.signal,
      timeoutMs: q.timeoutMs,
      what: `NTP answer from ${label}`,
      onTimeout: (limit) =>
        bad > 0
          ? {
              code: 'PROTOCOL',
              message: `only invalid NTP replies from ${label} within ${limit} ms (${bad}; last: ${lastBad})`,
            }
          : { code: 'TIMEOUT', message: `no NTP answer from ${label} within ${limit} ms` },
    },
    (x) => {
      if (!net.isIPv4(q.ip)) {
        x.fail('INTERNAL', `NTP server ${q.ip} is not an IPv4 address`);
        return;
      }
      // Every request sent: its nonce and the real local send time t1.
      const sent: { nonce: NtpTimestamp; t1: number }[] = [];
      const socket = dgram.createSocket('udp4');
      let open = true;
      x.defer(() => {
        open = false;
        try {
          socket.close();
        } catch {
          // already closed
        }
      });
      let retransmit: NodeJS.Timeout | undefined;
      x.defer(() => clearTimeout(retransmit));
      const send = (): void => {
        if (!open || x.settled) return;
        const nonce = randomTimestamp();
        sent.push({ nonce, t1: clock.now() });
        try {
          socket.send(encodeSntpRequest(nonce), (err) => {
            if (err && !x.settled)
              x.fail(codeFromSocketError(err), `sending to ${label} failed: ${describeError(err)}`, err);
          });
        } catch (err) {
          if (!x.settled) x.fail('INTERNAL', `sending to ${label} failed: ${describeError(err)}`, err);
        }
      };
      const ignore = (reason: string): void => {
        bad += 1;
        lastBad = reason;
      };
      const onError = (err: Error): void => {
        if (x.settled) return;
        const code = codeFromSocketError(err);
        if (code === 'REFUSED') {
          x.fail(code, `${label} refused (ICMP port unreachable: nothing listens on UDP ${q.port})`, err);
        } else if (code === 'UNREACHABLE') {
          x.fail(code, `no route to NTP server ${label} (${describeError(err)})`, err);
        } else x.fail(code, `NTP exchange with ${label} failed: ${describeError(err)}`, err);
      };
      socket.on('error', onError);
      socket.on('message', (msg, rinfo) => {
        if (x.settled) return;
        const t4 = clock.now();
        if (rinfo.address !== q.ip || rinfo.port !== q.port) return;
        const d = decodeSntpPacket(msg);
        if (!d.ok) return ignore(d.error);
        const p = d.packet;
        if (p.mode !== 4) return ignore(`mode ${p.mode} is not 4 (server)`);
        const request = sent.find((s) => sameTimestamp(s.nonce, p.originTime));
        if (!request) return ignore('origin timestamp does not echo our request (bogus or stale packet)');
        const base = {
          server: label,
          stratum: p.stratum,
          leap: p.leap,
          version: p.version,
          refId: refIdText(p.stratum, p.refIdBytes),
          rootDelayMs: p.rootDelayMs,
          rootDispersionMs: p.rootDispersionMs,
        };
        const unsynchronised = (reason: string): void =>
          x.ok({ ...base, offsetMs: 0, delayMs: 0, serverTime: '', kissCode: null, unsynchronised: reason });
        if (p.stratum === 0) {
          // Stratum 0 carries a kiss code (RFC 5905 section 7.4). INIT and STEP say the server has not
          // synchronised (yet, or again): an unsynchronised server, not one telling us to go away.
          const code = base.refId || '????';
          if (code === 'INIT' || code === 'STEP') return unsynchronised(`stratum 0, reference ${code}`);
          // chronyd 4 with no source (recorded from chronyd 4.3 in the interop suite): leap 3, stratum 0
          // and a reference of four zero bytes. No kiss code at all: an unsynchronised server.
          if (base.refId === '' && p.leap === 3)
            return unsynchronised('leap indicator 3, stratum 0, no reference');
          // Kiss-o'-death (RATE, DENY, RSTR ...): the server tells us to go away; that is evidence.
          x.ok({ ...base, offsetMs: 0, delayMs: 0, serverTime: '', kissCode: code, unsynchronised: null });
          return;
        }
        if (isZeroTimestamp(p.transmitTime)) {
          x.fail('PROTOCOL', `NTP reply from ${label} has a zero transmit timestamp`, {
            ntp: 'zero-transmit',
          });
          return;
        }
        if (p.stratum > 15) return unsynchronised(`stratum ${p.stratum}`);
        if (p.leap === 3) return unsynchronised('leap indicator 3');
        const t2 = ntpToUnixMs(p.receiveTime, t4);
        const t3 = ntpToUnixMs(p.transmitTime, t4);
        const { offsetMs, delayMs } = computeOffsetDelay(request.t1, t2, t3, t4);
        const serverTime = new Date(t3);
        x.ok({
          ...base,
          offsetMs,
          delayMs,
          serverTime: Number.isNaN(serverTime.getTime()) ? '' : serverTime.toISOString(),
          kissCode: null,
          unsynchronised: null,
        });
      });
      // On a failed connect (ENETUNREACH...) Node passes the error here and emits no 'error'.
      socket.connect(q.port, q.ip, (err?: Error) => {
        if (err) return onError(err);
        send();
        retransmit = setTimeout(send, Math.max(1, q.timeoutMs) / 2);
      });
    },
  );
}
