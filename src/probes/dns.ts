import dgram from 'node:dgram';
import { promises as dnsPromises } from 'node:dns';
import net from 'node:net';
import { randomInt } from 'node:crypto';
import dnsPacket from 'dns-packet';
import type { Answer, DecodedPacket as Packet } from 'dns-packet';
import { codeFromSocketError } from '../core/errors.js';
import type { ProbeErrorCode, ProbeResult } from '../core/errors.js';
import { describeError, errorCode, exchange } from './exchange.js';
import type { Exchange } from './exchange.js';
import { sanitizeNetworkText } from './sanitize.js';
import type { DnsAnswer, DnsRecord } from './types.js';

/**
 * A stub-resolver query (RFC 1035 4.1 message format, RD set) over UDP, repeated over TCP with a
 * two-byte length prefix when the answer is truncated (RFC 1035 4.2.2, RFC 7766 5). Replies are
 * accepted only from the server's address with our id, QR set and our question (RFC 5452 9.1);
 * anything else is ignored while we keep waiting. Also: the OS resolver (getaddrinfo) as evidence.
 */

export interface DnsServerAddr {
  ip: string;
  port: number;
  /** Simulated drop (lab): nothing is sent, the answer never comes. */
  blackhole?: boolean;
}

export interface DnsProbeInput {
  name: string;
  type: 'A' | 'AAAA';
  server: DnsServerAddr;
  timeoutMs: number;
  signal: AbortSignal;
  /** How the server is named in messages and in `DnsAnswer.server`; default `ip:port`. */
  label?: string;
  /**
   * Where a truncated answer is repeated over TCP: called only when needed, so a site context can map
   * and guard the TCP destination separately. A string is the reason it may not be used. Default: the
   * same address as `server`.
   */
  tcpServer?: () => DnsServerAddr | string;
}

/** At most this many answer records are kept in the result. */
export const MAX_ANSWERS = 64;
/** Longest CNAME chain followed (RFC 1034 does not bound it; resolvers stop around 8-16). */
export const MAX_CNAME_CHAIN = 16;
const HEADER = 12;

function normName(n: string): string {
  return n.toLowerCase().replace(/\.$/, '');
}

type Verdict = { kind: 'ignore' } | { kind: 'bad'; reason: string } | { kind: 'answer'; packet: Packet };

/**
 * Judges one reply: cheap header checks first, so that a packet with absurd counts is never decoded,
 * then dns-packet's decoder (which throws on bad lengths and forward compression pointers: no loops).
 */
export function judgeDnsReply(buf: Buffer, id: number, name: string, type: string): Verdict {
  if (buf.length < HEADER)
    return { kind: 'bad', reason: `${buf.length}-byte packet is shorter than a DNS header` };
  if (buf.readUInt16BE(0) !== id)
    return { kind: 'bad', reason: `reply id ${buf.readUInt16BE(0)} is not our query id` };
  const flags = buf.readUInt16BE(2);
  if ((flags & 0x8000) === 0)
    return { kind: 'bad', reason: 'packet is a query, not a response (QR bit clear)' };
  const qd = buf.readUInt16BE(4);
  const an = buf.readUInt16BE(6);
  const ns = buf.readUInt16BE(8);
  const ar = buf.readUInt16BE(10);
  if (qd !== 1) return { kind: 'bad', reason: `reply carries ${qd} questions, expected 1` };
  // The smallest question is 5 bytes (root name, type, class), the smallest record 11.
  if (HEADER + 5 + 11 * (an + ns + ar) > buf.length) {
    return { kind: 'bad', reason: `record counts (${an}/${ns}/${ar}) do not fit in ${buf.length} bytes` };
  }
  let packet: Packet;
  try {
    packet = dnsPacket.decode(buf);
  } catch (err) {
    return { kind: 'bad', reason: `undecodable reply (${describeError(err)})` };
  }
  const q = packet.questions?.[0];
  if (!q || normName(q.name) !== normName(name) || q.type !== type || (q.class ?? 'IN') !== 'IN') {
    return {
      kind: 'bad',
      reason: `reply is for another question (${sanitizeNetworkText(q?.name ?? '?', 80)} ${q?.type ?? '?'})`,
    };
  }
  return { kind: 'answer', packet };
}

function dataOf(a: Answer): unknown {
  return (a as { data?: unknown }).data;
}

function recordData(a: Answer): string {
  const data = dataOf(a);
  if (typeof data === 'string') return data;
  if (Buffer.isBuffer(data)) return data.toString('hex');
  if (Array.isArray(data))
    return data.map((d) => (Buffer.isBuffer(d) ? d.toString('utf8') : String(d))).join(' ');
  try {
    return JSON.stringify(data, (_k, v: unknown) =>
      v && typeof v === 'object' && (v as { type?: unknown }).type === 'Buffer' ? '<bytes>' : v,
    );
  } catch {
    return '?';
  }
}

type Built =
  | { ok: true; value: DnsAnswer }
  | { ok: false; code: ProbeErrorCode; message: string; cause?: DnsCnameFault };

/** Why a well-formed answer is still refused: its CNAME chain loops or is longer than MAX_CNAME_CHAIN. */
export interface DnsCnameFault {
  cname: 'loop' | 'too-long';
  limit: number;
}

/** Turns a validated reply into the probe's answer: rcode mapping, CNAME chain, addresses. */
export function buildDnsAnswer(
  packet: Packet,
  name: string,
  type: 'A' | 'AAAA',
  label: string,
  viaTcp: boolean,
): Built {
  const rc: unknown = (packet as { rcode?: unknown }).rcode;
  const rcode = (typeof rc === 'string' ? rc : 'NOERROR').toUpperCase();
  const shownName = sanitizeNetworkText(name, 255);
  switch (rcode) {
    case 'NOERROR':
      break;
    case 'NXDOMAIN':
      return { ok: false, code: 'NXDOMAIN', message: `${shownName} does not exist (NXDOMAIN from ${label})` };
    case 'SERVFAIL':
      return { ok: false, code: 'SERVFAIL', message: `${label} could not resolve ${shownName} (SERVFAIL)` };
    case 'REFUSED':
      return {
        ok: false,
        code: 'REFUSED_DNS',
        message: `${label} refused to resolve ${shownName} (REFUSED)`,
      };
    default:
      return {
        ok: false,
        code: 'PROTOCOL',
        message: `${label} answered ${sanitizeNetworkText(rcode, 20)} for ${shownName}`,
      };
  }
  const raw = (packet.answers ?? []).slice(0, MAX_ANSWERS);
  const chain = [normName(name)];
  const seen = new Set(chain);
  for (;;) {
    const current = chain[chain.length - 1]!;
    const cname = raw.find((a) => a.type === 'CNAME' && normName(a.name) === current);
    const target = cname ? dataOf(cname) : undefined;
    if (typeof target !== 'string') break;
    const next = normName(target);
    if (seen.has(next)) {
      return {
        ok: false,
        code: 'PROTOCOL',
        message: `CNAME loop in the answer from ${label}: ${sanitizeNetworkText([...chain, next].join(' -> '), 400)}`,
        cause: { cname: 'loop', limit: MAX_CNAME_CHAIN },
      };
    }
    if (chain.length > MAX_CNAME_CHAIN) {
      return {
        ok: false,
        code: 'PROTOCOL',
        message: `CNAME chain for ${shownName} from ${label} is longer than ${MAX_CNAME_CHAIN}`,
        cause: { cname: 'too-long', limit: MAX_CNAME_CHAIN },
      };
    }
    seen.add(next);
    chain.push(next);
  }
  const last = chain[chain.length - 1]!;
  const isAddress = type === 'A' ? net.isIPv4 : net.isIPv6;
  const addresses = raw
    .filter((a) => a.type === type && normName(a.name) === last)
    .map(dataOf)
    .filter((d): d is string => typeof d === 'string' && isAddress(d));
  const answers: DnsRecord[] = raw.map((a) => ({
    name: sanitizeNetworkText(a.name, 255),
    type: sanitizeNetworkText(String(a.type), 16),
    ttl: typeof (a as { ttl?: unknown }).ttl === 'number' ? (a as { ttl: number }).ttl : 0,
    data: sanitizeNetworkText(recordData(a), 512),
  }));
  return {
    ok: true,
    value: {
      server: label,
      rcode,
      answers,
      cnameChain: chain.map((c) => sanitizeNetworkText(c, 255)),
      addresses: [...new Set(addresses)],
      viaTcp,
      authoritative: packet.flag_aa === true,
    },
  };
}

function encodeQuery(id: number, name: string, type: 'A' | 'AAAA'): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type, class: 'IN', name }],
  });
}

export function probeDns(q: DnsProbeInput): Promise<ProbeResult<DnsAnswer>> {
  const label = q.label ?? `${q.server.ip}:${q.server.port}`;
  let bad = 0;
  let lastBad = '';
  let phase: 'udp' | 'tcp' = 'udp';
  return exchange<DnsAnswer>(
    {
      signal: q.signal,
      timeoutMs: q.timeoutMs,
      what: `DNS answer from ${label}`,
      onTimeout: (limit) =>
        bad > 0
          ? {
              code: 'PROTOCOL',
              message: `only malformed or mismatched replies from ${label} within ${limit} ms (${bad}; last: ${lastBad})`,
            }
          : {
              code: 'TIMEOUT',
              message: `no ${phase === 'tcp' ? 'TCP ' : ''}DNS answer from ${label} within ${limit} ms`,
            },
    },
    (x) => {
      if (!net.isIPv4(q.server.ip)) {
        x.fail('INTERNAL', `resolver ${q.server.ip} is not an IPv4 address`);
        return;
      }
      const id = randomInt(0, 0x10000);
      let query: Buffer;
      try {
        query = encodeQuery(id, q.name, q.type);
      } catch (err) {
        x.fail(
          'INTERNAL',
          `cannot encode a query for ${sanitizeNetworkText(q.name, 255)}: ${describeError(err)}`,
          err,
        );
        return;
      }
      const noteBad = (reason: string): void => {
        bad += 1;
        lastBad = reason;
      };
      const finish = (packet: Packet, viaTcp: boolean): void => {
        const built = buildDnsAnswer(packet, q.name, q.type, label, viaTcp);
        if (built.ok) x.ok(built.value);
        else x.fail(built.code, built.message, built.cause);
      };
      const startTcp = (): void => {
        phase = 'tcp';
        const target = q.tcpServer ? q.tcpServer() : q.server;
        if (typeof target === 'string') {
          x.fail('BLOCKED', `answer from ${label} was truncated and the TCP retry is not allowed: ${target}`);
          return;
        }
        if (target.blackhole) return; // dropped: the time limit ends it as TIMEOUT
        queryOverTcp(x, target, label, id, query, q.name, q.type, noteBad, finish);
      };
      queryOverUdp(x, q.server, label, id, query, q.name, q.type, q.timeoutMs, noteBad, finish, startTcp);
    },
  );
}

function queryOverUdp(
  x: Exchange<DnsAnswer>,
  server: DnsServerAddr,
  label: string,
  id: number,
  query: Buffer,
  name: string,
  type: 'A' | 'AAAA',
  timeoutMs: number,
  noteBad: (reason: string) => void,
  finish: (p: Packet, viaTcp: boolean) => void,
  truncated: () => void,
): void {
  const socket = dgram.createSocket('udp4');
  let open = true;
  const close = (): void => {
    if (!open) return;
    open = false;
    try {
      socket.close();
    } catch {
      // already closed
    }
  };
  x.defer(close);
  const timers: NodeJS.Timeout[] = [];
  x.defer(() => timers.forEach(clearTimeout));

  const send = (): void => {
    if (!open || x.settled) return;
    try {
      socket.send(query, (err) => {
        if (err && !x.settled)
          x.fail(codeFromSocketError(err), `sending to ${label} failed: ${describeError(err)}`, err);
      });
    } catch (err) {
      if (!x.settled) x.fail('INTERNAL', `sending to ${label} failed: ${describeError(err)}`, err);
    }
  };
  const onError = (err: Error): void => {
    if (x.settled) return;
    const code = codeFromSocketError(err);
    if (code === 'REFUSED') {
      x.fail(
        code,
        `${label} refused the query (ICMP port unreachable: nothing listens on UDP ${server.port})`,
        err,
      );
    } else if (code === 'UNREACHABLE') {
      x.fail(code, `no route to resolver ${label} (${describeError(err)})`, err);
    } else {
      x.fail(code, `UDP query to ${label} failed: ${describeError(err)}`, err);
    }
  };
  socket.on('error', onError);
  socket.on('message', (msg, rinfo) => {
    if (x.settled) return;
    // A connected socket only receives from the server; checked again in case the OS does not filter.
    if (rinfo.address !== server.ip || rinfo.port !== server.port) return;
    const v = judgeDnsReply(msg, id, name, type);
    if (v.kind === 'bad') noteBad(v.reason);
    if (v.kind !== 'answer') return;
    if (v.packet.flag_tc) {
      close();
      timers.forEach(clearTimeout);
      truncated();
      return;
    }
    finish(v.packet, false);
  });
  // Node calls this callback with the error (and emits no 'error') when connect fails, e.g. ENETUNREACH
  // with no route: sending on the unconnected socket would then be an internal error, not UNREACHABLE.
  socket.connect(server.port, server.ip, (err?: Error) => {
    if (err) return onError(err);
    send();
    // Retransmit with backoff inside the limit: at 1/5 and 3/5 of it (intervals T/5, 2T/5).
    const t = Math.max(1, timeoutMs);
    timers.push(setTimeout(send, t / 5), setTimeout(send, (3 * t) / 5));
  });
}

function queryOverTcp(
  x: Exchange<DnsAnswer>,
  server: DnsServerAddr,
  label: string,
  id: number,
  query: Buffer,
  name: string,
  type: 'A' | 'AAAA',
  noteBad: (reason: string) => void,
  finish: (p: Packet, viaTcp: boolean) => void,
): void {
  const socket = net.connect({ host: server.ip, port: server.port, family: 4 });
  x.defer(() => socket.destroy());
  let buffered = Buffer.alloc(0);
  socket.once('connect', () => {
    const framed = Buffer.alloc(2 + query.length);
    framed.writeUInt16BE(query.length, 0);
    query.copy(framed, 2);
    socket.write(framed);
  });
  socket.on('data', (chunk: Buffer) => {
    if (x.settled) return;
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 2) {
      const len = buffered.readUInt16BE(0);
      if (buffered.length < 2 + len) {
        return;
      }
      const msg = buffered.subarray(2, 2 + len);
      buffered = buffered.subarray(2 + len);
      const v = judgeDnsReply(msg, id, name, type);
      if (v.kind === 'bad') noteBad(`over TCP: ${v.reason}`);
      if (v.kind === 'answer') {
        finish(v.packet, true);
        return;
      }
    }
  });
  socket.on('error', (err) => {
    if (x.settled) return;
    const code = codeFromSocketError(err);
    x.fail(
      code,
      `answer from ${label} was truncated; the TCP retry to ${server.ip}:${server.port} failed: ${describeError(err)}`,
      err,
    );
  });
  socket.on('end', () => {
    if (x.settled) return;
    x.fail(
      'PROTOCOL',
      `answer from ${label} was truncated; ${server.ip}:${server.port} closed the TCP connection without a valid answer`,
    );
  });
}

export interface OsLookupInput {
  name: string;
  timeoutMs: number;
  signal: AbortSignal;
}

/**
 * The OS resolver (getaddrinfo via dns.lookup, IPv4 only). It cannot be cancelled: on timeout or
 * abort the late answer is ignored. EAI_AGAIN ("temporary failure") is what glibc reports both when
 * every resolver timed out and when one answered SERVFAIL: a slow EAI_AGAIN is read as TIMEOUT, a
 * quick one as SERVFAIL.
 */
export function probeOsLookup(q: OsLookupInput): Promise<ProbeResult<{ addresses: string[] }>> {
  const shown = sanitizeNetworkText(q.name, 255);
  return exchange<{ addresses: string[] }>(
    { signal: q.signal, timeoutMs: q.timeoutMs, what: `answer from the OS resolver for ${shown}` },
    (x) => {
      dnsPromises.lookup(q.name, { family: 4, all: true }).then(
        (list) => x.ok({ addresses: [...new Set(list.map((a) => a.address))] }),
        (err: unknown) => {
          const code = errorCode(err);
          switch (code) {
            case 'ENOTFOUND':
              x.fail('NXDOMAIN', `the OS resolver found no IPv4 address for ${shown} (ENOTFOUND)`, err);
              break;
            case 'ENODATA':
              x.ok({ addresses: [] });
              break;
            case 'EAI_AGAIN':
              if (x.elapsed() >= 1000) {
                x.fail(
                  'TIMEOUT',
                  `the OS resolver timed out for ${shown} after ${Math.round(x.elapsed())} ms (EAI_AGAIN)`,
                  err,
                );
              } else {
                x.fail(
                  'SERVFAIL',
                  `the OS resolver could not resolve ${shown} (EAI_AGAIN: temporary failure)`,
                  err,
                );
              }
              break;
            default:
              x.fail('INTERNAL', `the OS resolver failed for ${shown}: ${describeError(err)}`, err);
          }
        },
      );
    },
  );
}
