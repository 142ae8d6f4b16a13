/**
 * The DHCP discovery probe (RFC 2131 section 4.4.1): one DHCPDISCOVER broadcast from a random locally
 * administered MAC, then every DHCPOFFER that arrives within a bounded window is collected. Nothing is
 * ever requested, so no server commits a lease (an OFFER only reserves an address for a few seconds).
 *
 * Node has no SO_BINDTODEVICE. Two sockets on port 68 (SO_REUSEADDR) do the job: one bound to
 * 0.0.0.0:68 receives the broadcast answers; one bound to the interface's own address sends, and Linux
 * routes a limited broadcast from a bound source out of the interface that owns it (when the interface
 * has no address, the single socket sends and the routing table decides). Tests run this in a network
 * namespace whose only link is the test's veth.
 */
import dgram from 'node:dgram';
import { randomBytes } from 'node:crypto';
import type { Guard } from '../../core/guard.js';
import {
  BOOTREPLY,
  MessageType,
  decodeDhcp,
  encodeDiscover,
  macText,
  offerFields,
  randomLocalMac,
} from './codec.js';
import type { DhcpOffer, DiscoverReport } from './types.js';
import { sleep as waitFor } from './sweep.js';

export interface DiscoverOptions {
  interface: string;
  /** The interface's IPv4 address (the send socket binds to it), or null when it has none. */
  interfaceAddress: string | null;
  /** The interface's directed broadcast (e.g. 192.168.1.255), asked of the guard too; null when unknown. */
  directedBroadcast: string | null;
  guard: Guard;
  windowMs: number;
  signal?: AbortSignal;
  /** For tests: fixed MAC and transaction id. */
  mac?: Uint8Array;
  xid?: number;
}

const LIMITED_BROADCAST = '255.255.255.255';
const SERVER_PORT = 67;
const CLIENT_PORT = 68;

function bindSocket(address: string): Promise<dgram.Socket> {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket({ type: 'udp4', reuseAddr: true });
    const onError = (err: Error): void => {
      s.close();
      reject(err);
    };
    s.once('error', onError);
    s.bind({ address, port: CLIENT_PORT, exclusive: true }, () => {
      s.off('error', onError);
      s.on('error', () => {});
      try {
        s.setBroadcast(true);
      } catch (err) {
        s.close();
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      resolve(s);
    });
  });
}

function errCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export async function discoverDhcpOffers(opts: DiscoverOptions): Promise<DiscoverReport> {
  // The limited broadcast never leaves the link; the guard is asked about it and, outside real mode,
  // about the link's own broadcast address too, so a test may only do this on a namespace it made.
  const asks = [
    LIMITED_BROADCAST,
    ...(opts.guard.mode === 'off' || !opts.directedBroadcast ? [] : [opts.directedBroadcast]),
  ];
  if (opts.guard.mode !== 'off' && !opts.directedBroadcast) {
    return {
      status: 'blocked',
      message: `DHCPDISCOVER on ${opts.interface} refused: the interface has no IPv4 subnet the guard could check`,
    };
  }
  for (const a of asks) {
    const reason = opts.guard.refuse('udp', a, SERVER_PORT);
    if (reason)
      return { status: 'blocked', message: `DHCPDISCOVER on ${opts.interface} not sent: ${reason}` };
  }

  let recv: dgram.Socket;
  try {
    recv = await bindSocket('0.0.0.0');
  } catch (err) {
    return bindFailure(err, opts.interface);
  }
  let send: dgram.Socket = recv;
  if (opts.interfaceAddress) {
    try {
      send = await bindSocket(opts.interfaceAddress);
    } catch (err) {
      recv.close();
      return bindFailure(err, opts.interface);
    }
  }

  const mac = opts.mac ?? randomLocalMac((n) => randomBytes(n));
  const xid = opts.xid ?? randomBytes(4).readUInt32BE(0);
  const clientMac = macText(mac);
  const offers = new Map<string, DhcpOffer>();
  const started = Date.now();

  recv.on('message', (msg, rinfo) => {
    const d = decodeDhcp(msg);
    if (!d.ok) return;
    const p = d.packet;
    if (p.op !== BOOTREPLY || p.xid !== xid || p.chaddr !== clientMac) return;
    const { messageType, serverId, ...fields } = offerFields(p);
    if (messageType !== MessageType.OFFER) return;
    const server = serverId ?? rinfo.address;
    const key = `${server}|${fields.address}`;
    if (offers.has(key)) return;
    offers.set(key, { server, from: rinfo.address, ...fields });
  });

  let sent = 0;
  let sendError: string | null = null;
  const sendOnce = (): Promise<void> =>
    new Promise((resolve) => {
      const packet = encodeDiscover({
        xid,
        mac,
        secs: (Date.now() - started) / 1000,
        hostName: 'zapcheck-probe',
      });
      send.send(packet, SERVER_PORT, LIMITED_BROADCAST, (err) => {
        if (err) sendError = `${errCode(err) || err.message}`;
        else sent += 1;
        resolve();
      });
    });

  const windowMs = Math.max(200, Math.floor(opts.windowMs));
  try {
    await sendOnce();
    // One retransmission halfway when nothing has answered yet (RFC 2131 section 4.1 retransmits).
    await waitFor(windowMs / 2, opts.signal);
    if (offers.size === 0 && !opts.signal?.aborted) await sendOnce();
    await waitFor(windowMs / 2, opts.signal);
  } finally {
    recv.close();
    if (send !== recv) send.close();
  }
  if (sent === 0) {
    return {
      status: 'failed',
      message: `could not send a DHCPDISCOVER on ${opts.interface}: ${sendError ?? 'unknown error'}`,
    };
  }
  return {
    status: 'done',
    interface: opts.interface,
    clientMac,
    windowMs,
    sent,
    offers: [...offers.values()],
  };
}

function bindFailure(err: unknown, iface: string): DiscoverReport {
  const code = errCode(err);
  if (code === 'EACCES' || code === 'EPERM') {
    return {
      status: 'not-permitted',
      message: `--probe needs root (Linux, macOS: run it with sudo) or an administrator prompt (Windows): UDP port ${CLIENT_PORT} is privileged`,
    };
  }
  if (code === 'EADDRINUSE') {
    return {
      status: 'port-busy',
      message: `UDP port ${CLIENT_PORT} on ${iface} is held by the system's own DHCP client, so zapcheck cannot listen for offers; the passive checks still ran`,
    };
  }
  if (code === 'EADDRNOTAVAIL') {
    return { status: 'no-interface', message: `interface ${iface} has no usable IPv4 address to send from` };
  }
  return { status: 'failed', message: `could not open UDP port ${CLIENT_PORT}: ${code || String(err)}` };
}
