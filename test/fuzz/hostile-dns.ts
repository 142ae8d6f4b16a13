import dgram from 'node:dgram';
import net from 'node:net';
import dnsPacket from 'dns-packet';
import type { Answer } from 'dns-packet';
import fc from 'fast-check';
import type { ProbeErrorCode } from '../../src/core/errors.js';
import { BAD_WAIT_MS, hostileText, LONG_MS, UDP_WAIT_MS } from './harness.js';

/**
 * A hostile resolver on 127.0.0.1 (UDP and TCP, port 0) whose answer to the next query is set per case:
 * random bytes, truncated or mutated replies, bad lengths, compression pointer loops, wrong ids, QR
 * clear, wrong questions, huge record counts, TC set with junk over TCP. Replies are built from the
 * query (id and question), the way a real resolver or an attacker on the path would.
 */

export interface RecordSpec {
  /** `q`: the question name; `c<n>`: a chain name; otherwise the text itself (may be hostile). */
  name: string;
  type: 'A' | 'AAAA' | 'CNAME' | 'TXT';
  data: string;
}

export type UdpReply =
  | { kind: 'answer'; rcode: string; tc: boolean; aa: boolean; records: RecordSpec[] }
  | { kind: 'many'; count: number }
  | { kind: 'random'; bytes: Uint8Array }
  | { kind: 'mutated'; records: RecordSpec[]; muts: [number, number][]; cut: number }
  | {
      kind: 'header';
      idDelta: number;
      qr: boolean;
      rcode: number;
      qd: number;
      an: number;
      ns: number;
      ar: number;
      question: 'same' | 'other-name' | 'other-type' | 'none';
      present: number;
    }
  | {
      kind: 'pointer';
      variant: 'self' | 'loop' | 'forward' | 'beyond' | 'reserved' | 'long' | 'label-overrun';
    };

export type TcpReply =
  | { kind: 'answer'; records: RecordSpec[]; chunk: number }
  | { kind: 'random'; bytes: Uint8Array; then: 'close' | 'hang' }
  | { kind: 'lie'; claimed: number; bytes: Uint8Array; then: 'close' | 'hang' }
  | { kind: 'framed-junk'; messages: Uint8Array[]; then: 'close' | 'hang' }
  | { kind: 'close' }
  | { kind: 'reset' }
  | { kind: 'hang' };

export interface DnsCase {
  replies: UdpReply[];
  tcp: TcpReply;
  timeoutMs: number;
}

export interface Question {
  id: number;
  name: string;
  type: string;
}

const safeName = fc.constantFrom('q', 'c1', 'c2', 'c3', 'other.fuzz.test');
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((b) => b.join('.'));
const record: fc.Arbitrary<RecordSpec> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ name: fc.constant('q'), type: fc.constant('A' as const), data: ipv4 }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      name: safeName,
      type: fc.constant('CNAME' as const),
      data: fc.oneof(
        safeName,
        hostileText.map((s) => `${s.slice(0, 20)}.evil.test`),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      name: fc.oneof(
        safeName,
        hostileText.map((s) => s.slice(0, 40)),
      ),
      type: fc.constantFrom('A' as const, 'TXT' as const),
      data: fc.oneof(ipv4, hostileText),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      name: safeName,
      type: fc.constant('AAAA' as const),
      data: fc.constant('2001:db8::1'),
    }),
  },
);

/** Only records that encode: a safe name, an A address (what a correct resolver sends). */
const validRecord: fc.Arbitrary<RecordSpec> = fc.record({
  name: fc.constant('q'),
  type: fc.constant('A' as const),
  data: ipv4,
});

export const udpReply: fc.Arbitrary<UdpReply> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      rcode: fc.constantFrom('NOERROR', 'NOERROR', 'NXDOMAIN', 'SERVFAIL', 'REFUSED', 'NOTIMP', 'FORMERR'),
      tc: fc.boolean(),
      aa: fc.boolean(),
      records: fc.array(fc.oneof({ weight: 3, arbitrary: validRecord }, record), { maxLength: 20 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('many' as const), count: fc.integer({ min: 65, max: 2000 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 600 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('mutated' as const),
      records: fc.array(record, { maxLength: 8 }),
      muts: fc.array(fc.tuple(fc.nat(300), fc.nat(255)), { maxLength: 6 }),
      cut: fc.nat(400),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('header' as const),
      idDelta: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 65535 })),
      qr: fc.boolean(),
      rcode: fc.nat(15),
      qd: fc.oneof(fc.constant(1), fc.constantFrom(0, 2, 3, 65535)),
      an: fc.oneof(fc.nat(4), fc.integer({ min: 5, max: 65535 })),
      ns: fc.oneof(fc.constant(0), fc.nat(65535)),
      ar: fc.oneof(fc.constant(0), fc.nat(65535)),
      question: fc.constantFrom(
        'same' as const,
        'other-name' as const,
        'other-type' as const,
        'none' as const,
      ),
      present: fc.nat(4),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pointer' as const),
      variant: fc.constantFrom(
        'self' as const,
        'loop' as const,
        'forward' as const,
        'beyond' as const,
        'reserved' as const,
        'long' as const,
        'label-overrun' as const,
      ),
    }),
  },
);

const then = fc.constantFrom('close' as const, 'hang' as const);
export const tcpReply: fc.Arbitrary<TcpReply> = fc.oneof(
  fc.record({
    kind: fc.constant('answer' as const),
    records: fc.array(validRecord, { maxLength: 5 }),
    chunk: fc.integer({ min: 1, max: 64 }),
  }),
  fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 300 }), then }),
  fc.record({
    kind: fc.constant('lie' as const),
    claimed: fc.integer({ min: 1, max: 65535 }),
    bytes: fc.uint8Array({ maxLength: 100 }),
    then,
  }),
  fc.record({
    kind: fc.constant('framed-junk' as const),
    messages: fc.array(fc.uint8Array({ maxLength: 100 }), { minLength: 1, maxLength: 4 }),
    then,
  }),
  fc.record({ kind: fc.constantFrom('close' as const, 'reset' as const, 'hang' as const) }),
);

export type DnsExpectation =
  | { ok: true; addresses?: string[]; viaTcp: boolean }
  | { ok: false; code: ProbeErrorCode; waits: boolean }
  | null;

/**
 * What the probe must return, when it can be known from the case: replies it must ignore (RFC 5452:
 * wrong id, QR clear, wrong question, garbage) count as "bad", and a first acceptable reply decides.
 * `waits`: the outcome comes only when the time limit passes. `null` when the case is too random to
 * predict (mutations, pointer tricks, junk over TCP): then only the closed set is asserted.
 */
export function expectedDns(c: Pick<DnsCase, 'replies' | 'tcp'>): DnsExpectation {
  let bad = false;
  for (const r of c.replies) {
    if (r.kind === 'random') {
      bad = true; // a random id matching ours and passing every test is ~impossible
      continue;
    }
    if (r.kind === 'header') {
      if (r.idDelta !== 0 || !r.qr || r.qd !== 1 || r.question !== 'same') {
        bad = true;
        continue;
      }
      return null;
    }
    if (r.kind === 'many') return { ok: true, viaTcp: false };
    if (r.kind !== 'answer') return null;
    if (!r.records.every((x) => x.name === 'q' && x.type === 'A')) return null;
    if (r.tc) {
      const t = c.tcp;
      if (t.kind === 'answer') return { ok: true, addresses: addressesOf(t.records), viaTcp: true };
      if (t.kind === 'hang') return { ok: false, code: bad ? 'PROTOCOL' : 'TIMEOUT', waits: true };
      if (t.kind === 'close') return { ok: false, code: 'PROTOCOL', waits: false };
      return null;
    }
    switch (r.rcode) {
      case 'NOERROR':
        return { ok: true, addresses: addressesOf(r.records), viaTcp: false };
      case 'NXDOMAIN':
        return { ok: false, code: 'NXDOMAIN', waits: false };
      case 'SERVFAIL':
        return { ok: false, code: 'SERVFAIL', waits: false };
      case 'REFUSED':
        return { ok: false, code: 'REFUSED_DNS', waits: false };
      default:
        return { ok: false, code: 'PROTOCOL', waits: false };
    }
  }
  return { ok: false, code: bad ? 'PROTOCOL' : 'TIMEOUT', waits: true };
}

function addressesOf(records: RecordSpec[]): string[] {
  return [...new Set(records.map((r) => r.data))].sort();
}

/** Cases that settle on their own get a long limit (never waited out); the rest hang on purpose. */
export const dnsCase: fc.Arbitrary<DnsCase> = fc
  .record({ replies: fc.array(udpReply, { minLength: 0, maxLength: 3 }), tcp: tcpReply })
  .map((c) => {
    const e = expectedDns(c);
    const settles = e !== null && (e.ok || !e.waits);
    const dependsOnReplies = e !== null && !e.ok && e.waits && e.code === 'PROTOCOL';
    return { ...c, timeoutMs: settles ? LONG_MS : dependsOnReplies ? BAD_WAIT_MS : UDP_WAIT_MS };
  });

function resolveName(spec: string, q: Question): string {
  if (spec === 'q') return q.name;
  if (/^c\d$/.test(spec)) return `${spec}.chain.fuzz.test`;
  return spec;
}

function encodeAnswer(q: Question, records: RecordSpec[], rcode: string, tc: boolean, aa: boolean): Buffer {
  const answers = records.map(
    (r) =>
      ({
        name: resolveName(r.name, q),
        type: r.type,
        ttl: 60,
        data: r.type === 'CNAME' ? resolveName(r.data, q) : r.type === 'TXT' ? [r.data] : r.data,
      }) as Answer,
  );
  const flags =
    dnsPacket.RECURSION_DESIRED |
    dnsPacket.RECURSION_AVAILABLE |
    (tc ? dnsPacket.TRUNCATED_RESPONSE : 0) |
    (aa ? dnsPacket.AUTHORITATIVE_ANSWER : 0);
  return dnsPacket.encode({
    type: 'response',
    id: q.id,
    flags: flags | rcodeNumber(rcode),
    questions: [{ name: q.name, type: q.type as 'A', class: 'IN' }],
    answers,
  });
}

function rcodeNumber(name: string): number {
  const n = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'].indexOf(name);
  return n < 0 ? 0 : n;
}

function header(id: number, flags: number, qd: number, an: number, ns: number, ar: number): Buffer {
  const b = Buffer.alloc(12);
  b.writeUInt16BE(id & 0xffff, 0);
  b.writeUInt16BE(flags, 2);
  b.writeUInt16BE(qd, 4);
  b.writeUInt16BE(an, 6);
  b.writeUInt16BE(ns, 8);
  b.writeUInt16BE(ar, 10);
  return b;
}

function encodeName(name: string): Buffer {
  const parts = name.split('.').filter(Boolean);
  return Buffer.concat([
    ...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p)])),
    Buffer.from([0]),
  ]);
}

/** A records (name = pointer to the question), `count` of them: huge but honest answer counts. */
function manyAnswers(q: Question, count: number): Buffer {
  const head = header(q.id, 0x8180, 1, count, 0, 0);
  const question = Buffer.concat([encodeName(q.name), Buffer.from([0, 1, 0, 1])]);
  const rr = (i: number): Buffer =>
    Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 10, (i >> 8) & 0xff, i & 0xff, 1]);
  return Buffer.concat([head, question, ...Array.from({ length: count }, (_, i) => rr(i))]);
}

function pointerPacket(q: Question, variant: Extract<UdpReply, { kind: 'pointer' }>['variant']): Buffer {
  const head = (an: number): Buffer => header(q.id, 0x8180, 1, an, 0, 0);
  const tail = Buffer.from([0, 1, 0, 1]);
  switch (variant) {
    case 'self': // the question name points at itself (offset 12)
      return Buffer.concat([head(0), Buffer.from([0xc0, 0x0c]), tail]);
    case 'loop': // two labels pointing at each other
      return Buffer.concat([head(0), Buffer.from([1, 0x61, 0xc0, 0x0f, 0xc0, 0x0c]), tail]);
    case 'forward': // points past itself to more pointers
      return Buffer.concat([head(0), Buffer.from([0xc0, 0x0e, 0xc0, 0x10, 0xc0, 0x0c]), tail]);
    case 'beyond': // points beyond the end of the packet
      return Buffer.concat([head(0), Buffer.from([0xff, 0xff]), tail]);
    case 'reserved': // label types 01 and 10 are reserved (RFC 6891 deprecated them)
      return Buffer.concat([head(0), Buffer.from([0x40, 0x01, 0x80, 0x02]), tail]);
    case 'long': {
      // 200 labels of 63 bytes: far over the 255-byte name limit
      const label = Buffer.concat([Buffer.from([63]), Buffer.alloc(63, 0x61)]);
      return Buffer.concat([head(0), ...Array.from({ length: 200 }, () => label), Buffer.from([0]), tail]);
    }
    case 'label-overrun': {
      // a correct question, then an answer whose name is a label running past the end
      const question = Buffer.concat([encodeName(q.name), tail]);
      return Buffer.concat([head(1), question, Buffer.from([60, 0x61, 0x62])]);
    }
  }
}

/** The bytes of one reply datagram to query `q`. */
export function udpBytes(r: UdpReply, q: Question): Buffer {
  switch (r.kind) {
    case 'answer':
      return safeEncode(() => encodeAnswer(q, r.records, r.rcode, r.tc, r.aa));
    case 'many':
      return manyAnswers(q, r.count);
    case 'random':
      return Buffer.from(r.bytes);
    case 'mutated': {
      const b = Buffer.from(safeEncode(() => encodeAnswer(q, r.records, 'NOERROR', false, false)));
      for (const [i, v] of r.muts) if (b.length > 0) b[i % b.length] = v;
      return b.subarray(0, Math.min(b.length, r.cut));
    }
    case 'header': {
      const flags = (r.qr ? 0x8000 : 0) | 0x0180 | r.rcode;
      const name = r.question === 'other-name' ? 'not-the-question.fuzz.test' : q.name;
      const type = r.question === 'other-type' ? [0, 28] : [0, 1];
      const question =
        r.question === 'none'
          ? Buffer.alloc(0)
          : Buffer.concat([encodeName(name), Buffer.from([...type, 0, 1])]);
      const rr = Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 1]);
      return Buffer.concat([
        header(q.id + r.idDelta, flags, r.qd, r.an, r.ns, r.ar),
        question,
        ...Array.from({ length: r.present }, () => rr),
      ]);
    }
    case 'pointer':
      return pointerPacket(q, r.variant);
  }
}

/** dns-packet refuses some hostile names (a label over 63 bytes); then the reply is the raw text. */
function safeEncode(f: () => Buffer): Buffer {
  try {
    return f();
  } catch (err) {
    return Buffer.from(String(err));
  }
}

function frame(b: Uint8Array): Buffer {
  const len = Buffer.alloc(2);
  len.writeUInt16BE(b.length & 0xffff, 0);
  return Buffer.concat([len, b]);
}

export interface HostileDns {
  udpPort: number;
  tcpPort: number;
  /** The behaviour for every query until the next call. */
  set(c: DnsCase): void;
  /** When (performance.now()) it first sent UDP replies for the current case; null before. */
  repliedAt(): number | null;
  /** Destroys the TCP connections of the last case. */
  reset(): void;
  close(): Promise<void>;
}

export async function startHostileDns(): Promise<HostileDns> {
  let current: DnsCase = { replies: [], tcp: { kind: 'hang' }, timeoutMs: UDP_WAIT_MS };
  let repliedAt: number | null = null;
  const udp = dgram.createSocket('udp4');
  udp.on('error', () => undefined);
  udp.on('message', (msg, rinfo) => {
    let q: Question;
    try {
      const p = dnsPacket.decode(msg);
      const question = p.questions?.[0];
      if (!question) return;
      q = { id: p.id ?? 0, name: question.name, type: question.type };
    } catch {
      return;
    }
    for (const r of current.replies) udp.send(udpBytes(r, q), rinfo.port, rinfo.address);
    if (current.replies.length > 0) repliedAt ??= performance.now();
  });
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));

  const sockets = new Set<net.Socket>();
  const tcp = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
    const behaviour = current.tcp;
    let buffered = Buffer.alloc(0);
    s.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 2 || buffered.length < 2 + buffered.readUInt16BE(0)) return;
      let q: Question;
      try {
        const p = dnsPacket.decode(buffered.subarray(2, 2 + buffered.readUInt16BE(0)));
        q = { id: p.id ?? 0, name: p.questions?.[0]?.name ?? '', type: p.questions?.[0]?.type ?? 'A' };
      } catch {
        s.destroy();
        return;
      }
      answerTcp(s, behaviour, q);
    });
  });
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));

  return {
    udpPort: udp.address().port,
    tcpPort: (tcp.address() as net.AddressInfo).port,
    set: (c) => {
      current = c;
      repliedAt = null;
    },
    repliedAt: () => repliedAt,
    reset: () => {
      for (const s of sockets) s.destroy();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([
        new Promise<void>((resolve) => udp.close(() => resolve())),
        new Promise<void>((resolve) => tcp.close(() => resolve())),
      ]);
    },
  };
}

function answerTcp(s: net.Socket, t: TcpReply, q: Question): void {
  const finish = (then: 'close' | 'hang'): void => {
    if (then === 'close') s.end();
  };
  switch (t.kind) {
    case 'answer': {
      const framed = frame(encodeAnswer(q, t.records, 'NOERROR', false, false));
      for (let i = 0; i < framed.length; i += t.chunk) s.write(framed.subarray(i, i + t.chunk));
      return;
    }
    case 'random':
      s.write(t.bytes);
      return finish(t.then);
    case 'lie': {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(Math.max(t.claimed, t.bytes.length + 1), 0);
      s.write(Buffer.concat([len, t.bytes]));
      return finish(t.then);
    }
    case 'framed-junk':
      for (const m of t.messages) s.write(frame(m));
      return finish(t.then);
    case 'close':
      s.end();
      return;
    case 'reset':
      s.resetAndDestroy();
      return;
    case 'hang':
      return;
  }
}
