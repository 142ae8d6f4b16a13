/**
 * The opt-in sweep: one small UDP datagram to the discard port (RFC 863) of each address of a range, at
 * a bounded rate, so the OS resolves every neighbour that is awake (ARP); the neighbour table is read
 * afterwards. Nothing listens on the discard port of a charger or a phone, and no answer is expected.
 *
 * The guard is asked about every address before the first datagram leaves: if it refuses any, nothing
 * is sent.
 */
import dgram from 'node:dgram';
import type { Guard } from '../../core/guard.js';
import { intToIpv4 } from '../../core/ipv4.js';
import type { SweepReport } from './types.js';

/** A /22: 1024 addresses. A larger subnet needs the DHCP range (a sweep of a /16 is a scan). */
export const SWEEP_MAX_ADDRESSES = 1024;
export const DISCARD_PORT = 9;
const PAYLOAD = Buffer.from('zapcheck neighbour sweep (RFC 863 discard)');

export interface SweepOptions {
  first: number;
  last: number;
  guard: Guard;
  /** Datagrams per second (default 200, at most 1000). */
  ratePerSec?: number;
  signal?: AbortSignal;
  port?: number;
  /** Addresses not to send to (the laptop itself). */
  skip?: readonly number[];
}

export async function sweepRange(opts: SweepOptions): Promise<SweepReport> {
  const count = opts.last - opts.first + 1;
  const first = intToIpv4(opts.first);
  const last = intToIpv4(opts.last);
  if (count < 1) return { status: 'failed', message: `empty range ${first}-${last}` };
  if (count > SWEEP_MAX_ADDRESSES) {
    return {
      status: 'too-large',
      message: `${first}-${last} is ${count} addresses; a sweep covers at most ${SWEEP_MAX_ADDRESSES} (a /22): give the DHCP pool with --dhcp-range`,
    };
  }
  const port = opts.port ?? DISCARD_PORT;
  const skip = new Set(opts.skip ?? []);
  const targets: string[] = [];
  for (let n = opts.first; n <= opts.last; n++) {
    if (skip.has(n)) continue;
    const addr = intToIpv4(n);
    const reason = opts.guard.refuse('udp', addr, port);
    if (reason) return { status: 'blocked', message: `sweep of ${first}-${last} not started: ${reason}` };
    targets.push(addr);
  }
  const rate = Math.min(1000, Math.max(1, Math.floor(opts.ratePerSec ?? 200)));
  const socket = dgram.createSocket('udp4');
  // ICMP errors for unreachable neighbours come back on the socket; they are expected.
  socket.on('error', () => {});
  const started = Date.now();
  let sent = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    const batch = Math.max(1, Math.ceil(rate / 20));
    for (let i = 0; i < targets.length && !opts.signal?.aborted; i += batch) {
      const slice = targets.slice(i, i + batch);
      await Promise.all(
        slice.map(
          (addr) =>
            new Promise<void>((resolve) => {
              socket.send(PAYLOAD, port, addr, (err) => {
                if (!err) sent += 1;
                resolve();
              });
            }),
        ),
      );
      const due = ((i + slice.length) / rate) * 1000 - (Date.now() - started);
      if (due > 0) await sleep(due, opts.signal);
    }
  } catch (err) {
    return { status: 'failed', message: `sweep could not open a UDP socket: ${String(err)}` };
  } finally {
    socket.close();
  }
  return { status: 'done', first, last, sent, ratePerSec: rate, ms: Date.now() - started };
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const t = setTimeout(done, Math.max(0, ms));
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
