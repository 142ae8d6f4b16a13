import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import type { Tracker } from './tracker.js';

/**
 * An NTP server on 127.0.0.1 UDP (RFC 5905, section 7.3 packet format; clients are SNTP, RFC 4330):
 * mode 4 replies, the client's version echoed, stratum 2, origin = the client's transmit timestamp,
 * receive and transmit = the real clock plus `offsetMs`. Or, per scenario, silence (UDP 123 dropped)
 * or a kiss-o'-death packet (RFC 5905 7.4: stratum 0, the kiss code in the reference id), or the answer
 * of a server that is not synchronised itself (leap indicator 3, stratum 16), or a reply with a zero
 * transmit timestamp.
 */

export interface NtpBehaviour {
  /** unsynchronised: a time server with no upstream (leap indicator 3, stratum 16), as ntpd answers then. */
  /** zero-transmit: a reply whose transmit timestamp is zero (a broken server: it carries no time). */
  mode: 'answer' | 'silent' | 'kod' | 'unsynchronised' | 'zero-transmit';
  kissCode: string;
  offsetMs: number;
}

export interface NtpServer {
  port: number;
  /** Requests received, for tests. */
  readonly requests: number[];
}

/** Seconds between the NTP era 0 epoch (1900-01-01) and the Unix epoch. */
export const NTP_UNIX_OFFSET_S = 2_208_988_800;
const PACKET_SIZE = 48;
/** The upstream a stratum 2 server names in its reference id (an IPv4 address, TEST-NET-1). */
const REF_ID_UPSTREAM = [192, 0, 2, 123];

export function writeNtpTimestamp(buf: Buffer, offset: number, unixMs: number): void {
  const secs = Math.floor(unixMs / 1000) + NTP_UNIX_OFFSET_S;
  const frac = Math.floor(((unixMs % 1000) / 1000) * 2 ** 32);
  buf.writeUInt32BE(secs >>> 0, offset);
  buf.writeUInt32BE(frac >>> 0, offset + 4);
}

export function readNtpTimestamp(buf: Buffer, offset: number): number {
  const secs = buf.readUInt32BE(offset);
  const frac = buf.readUInt32BE(offset + 4);
  return (secs - NTP_UNIX_OFFSET_S) * 1000 + (frac / 2 ** 32) * 1000;
}

/** Builds the reply to a client request (mode 3), or null when the request is not one. */
export function ntpReply(request: Buffer, behaviour: NtpBehaviour, nowMs: number): Buffer | null {
  if (request.length < PACKET_SIZE) return null;
  const version = (request[0]! >> 3) & 0x7;
  const mode = request[0]! & 0x7;
  if (mode !== 3 || version < 1) return null;
  const out = Buffer.alloc(PACKET_SIZE);
  // Origin timestamp: the client's transmit timestamp, copied bit for bit (RFC 5905 8, "origin").
  request.copy(out, 24, 40, 48);
  if (behaviour.mode === 'kod') {
    out[0] = (3 << 6) | (version << 3) | 4; // leap 3 (unsynchronized), mode 4
    out[1] = 0; // stratum 0: kiss-o'-death
    out[2] = request[2]!; // poll
    out.write(behaviour.kissCode.padEnd(4, '\0').slice(0, 4), 12, 'ascii');
    return out;
  }
  const serverMs = nowMs + behaviour.offsetMs;
  const unsynchronised = behaviour.mode === 'unsynchronised';
  // leap 0 (or 3: clock not synchronised), mode 4 (server); stratum 2 (or 16: unsynchronised).
  out[0] = ((unsynchronised ? 3 : 0) << 6) | (version << 3) | 4;
  out[1] = unsynchronised ? 16 : 2;
  out[2] = request[2]!; // poll: echo the client's
  out.writeInt8(-20, 3); // precision ~1 us
  out.writeUInt32BE(0x0000_0200, 4); // root delay 1/128 s
  out.writeUInt32BE(0x0000_0100, 8); // root dispersion 1/256 s
  Buffer.from(REF_ID_UPSTREAM).copy(out, 12);
  writeNtpTimestamp(out, 16, serverMs - 60_000); // reference: last set a minute ago
  writeNtpTimestamp(out, 32, serverMs); // receive
  // transmit; zero-transmit leaves it zero (an SNTP client must discard such a reply, RFC 4330 section 5)
  if (behaviour.mode !== 'zero-transmit') writeNtpTimestamp(out, 40, serverMs);
  return out;
}

export async function startNtpServer(opts: {
  behaviour: NtpBehaviour;
  latencyMs: number;
  tracker: Tracker;
}): Promise<NtpServer> {
  const { behaviour, latencyMs, tracker } = opts;
  const udp = createSocket({ type: 'udp4' });
  udp.on('error', () => undefined); // a send to a vanished client must not crash the lab
  udp.bind(0, '127.0.0.1');
  await once(udp, 'listening');
  tracker.udpSocket(udp);
  const requests: number[] = [];
  udp.on('message', (msg, rinfo) => {
    requests.push(Date.now());
    if (behaviour.mode === 'silent') return;
    // The delay plays a symmetric path: the request "arrives" latencyMs/2 after it was sent and the
    // reply takes as long back, so a client sees delay = latencyMs and offset = offsetMs (no bias).
    const reply = ntpReply(msg, behaviour, Date.now() + latencyMs / 2);
    if (!reply) return;
    tracker.later(latencyMs, () => udp.send(reply, rinfo.port, rinfo.address));
  });
  return { port: udp.address().port, requests };
}
