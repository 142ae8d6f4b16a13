import { createSocket } from 'node:dgram';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import * as dnsPacket from 'dns-packet';
import type { Tracker } from './tracker.js';

/**
 * A recursive-resolver look-alike on 127.0.0.1 (RFC 1035, UDP and TCP on the same port): what the
 * charger's DHCP-given resolver would answer. What it answers is a function (`DnsAnswerFn`), so the
 * lab builds one from a scenario and a test can build one for anything else (e.g. a large answer).
 *
 * UDP answers larger than the client's limit (512 bytes, or the EDNS(0) payload size it advertised,
 * RFC 6891) are sent truncated: TC set, the question only, no records, so the client retries over TCP
 * (RFC 7766), where the full answer is sent with a two-byte length prefix.
 */

export interface DnsQuestionIn {
  name: string;
  type: string;
}

export type DnsRcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';

export interface DnsReply {
  rcode: DnsRcode;
  answers: dnsPacket.Answer[];
}

/** The answer to a question, or 'silent' to swallow the query (a resolver that never answers). */
export type DnsAnswerFn = (q: DnsQuestionIn) => DnsReply | 'silent';

export interface DnsServer {
  port: number;
  /** Queries received (UDP and TCP), for tests. */
  readonly queries: { transport: 'udp' | 'tcp'; name: string; type: string }[];
}

const RCODE_BITS: Record<DnsRcode, number> = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 };
const MAX_TCP_MESSAGE = 65_535;

function respond(query: dnsPacket.Packet, reply: DnsReply | null, truncated: boolean): Buffer {
  const rd = (query.flags ?? 0) & dnsPacket.RECURSION_DESIRED;
  const rcode = reply ? reply.rcode : 'SERVFAIL';
  return dnsPacket.encode({
    type: 'response',
    id: query.id ?? 0,
    flags:
      rd | dnsPacket.RECURSION_AVAILABLE | (truncated ? dnsPacket.TRUNCATED_RESPONSE : 0) | RCODE_BITS[rcode],
    questions: query.questions ?? [],
    answers: truncated || !reply ? [] : reply.answers,
  });
}

/** The UDP payload limit the client announced (RFC 6891), at least 512. */
function udpLimit(query: dnsPacket.Packet): number {
  const opt = query.additionals?.find((a) => a.type === 'OPT') as { udpPayloadSize?: number } | undefined;
  return Math.max(512, Math.min(opt?.udpPayloadSize ?? 512, 4096));
}

/** Decodes a query; null for junk or a packet that is not a single-question query. */
function decodeQuery(buf: Buffer): dnsPacket.Packet | null {
  try {
    const p = dnsPacket.decode(buf);
    if (p.type !== 'query' || !p.questions || p.questions.length !== 1) return null;
    return p;
  } catch {
    return null;
  }
}

async function bindSamePort(
  tracker: Tracker,
): Promise<{ udp: ReturnType<typeof createSocket>; tcp: Server }> {
  for (let attempt = 0; ; attempt += 1) {
    const udp = createSocket({ type: 'udp4' });
    udp.on('error', () => undefined); // a send to a vanished client must not crash the lab
    udp.bind(0, '127.0.0.1');
    await once(udp, 'listening');
    const port = udp.address().port;
    const tcp = createServer();
    try {
      tcp.listen(port, '127.0.0.1');
      await once(tcp, 'listening');
      tracker.udpSocket(udp);
      tracker.server(tcp);
      return { udp, tcp };
    } catch (err) {
      udp.close();
      if ((err as { code?: string }).code !== 'EADDRINUSE' || attempt >= 10) throw err;
    }
  }
}

export async function startDnsServer(opts: {
  answer: DnsAnswerFn;
  latencyMs: number;
  tracker: Tracker;
}): Promise<DnsServer> {
  const { answer, latencyMs, tracker } = opts;
  const { udp, tcp } = await bindSamePort(tracker);
  const queries: DnsServer['queries'] = [];

  const resolve = (query: dnsPacket.Packet, transport: 'udp' | 'tcp'): DnsReply | 'silent' => {
    const q = query.questions![0]!;
    queries.push({ transport, name: q.name, type: q.type });
    return answer({ name: q.name.toLowerCase().replace(/\.$/, ''), type: q.type });
  };

  udp.on('message', (msg, rinfo) => {
    const query = decodeQuery(msg);
    if (!query) return; // junk: a real resolver may answer FORMERR; silence is enough here
    const reply = resolve(query, 'udp');
    if (reply === 'silent') return;
    let out = respond(query, reply, false);
    if (out.length > udpLimit(query)) out = respond(query, reply, true);
    tracker.later(latencyMs, () => udp.send(out, rinfo.port, rinfo.address));
  });

  tcp.on('connection', (socket: Socket) => {
    tracker.socket(socket);
    socket.on('error', () => socket.destroy());
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2) {
        const len = pending.readUInt16BE(0);
        if (pending.length < 2 + len) break;
        const msg = pending.subarray(2, 2 + len);
        pending = pending.subarray(2 + len);
        const query = decodeQuery(msg);
        if (!query) {
          socket.destroy();
          return;
        }
        const reply = resolve(query, 'tcp');
        if (reply === 'silent') continue; // keep the connection open, answer nothing
        const body = respond(query, reply, false);
        if (body.length > MAX_TCP_MESSAGE) {
          socket.destroy();
          return;
        }
        const framed = Buffer.alloc(2 + body.length);
        framed.writeUInt16BE(body.length, 0);
        body.copy(framed, 2);
        tracker.later(latencyMs, () => {
          if (!socket.destroyed) socket.write(framed);
        });
      }
    });
  });

  return { port: (tcp.address() as AddressInfo).port, queries };
}
