import net from 'node:net';
import dgram from 'node:dgram';
import dnsPacket from 'dns-packet';
import type { Answer, DecodedPacket } from 'dns-packet';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDnsAnswer, judgeDnsReply, probeDns, probeOsLookup } from '../../src/probes/dns.js';
import { closeAll, closedUdpPort, listen, never, onFakeLimit, udpServer } from './servers.js';

afterEach(closeAll);

const LIMIT = 800;

function reply(
  query: Buffer,
  answers: Answer[],
  opts: { rcode?: string; tc?: boolean; id?: number } = {},
): Buffer {
  const q = dnsPacket.decode(query);
  const rcodes: Record<string, number> = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5, FORMERR: 1 };
  const flags = 0x8000 | 0x0100 | 0x0080 | (opts.tc ? 0x0200 : 0) | (rcodes[opts.rcode ?? 'NOERROR'] ?? 0);
  return dnsPacket.encode({
    type: 'response',
    id: opts.id ?? q.id,
    flags,
    questions: q.questions,
    answers,
  });
}

/** A resolver answering every query with `answer(query)`; null = stay silent. */
async function resolver(answer: (query: Buffer) => Buffer | Buffer[] | null) {
  return udpServer((msg, rinfo, socket) => {
    const out = answer(msg);
    if (out === null) return;
    for (const b of Array.isArray(out) ? out : [out]) socket.send(b, rinfo.port, rinfo.address);
  });
}

const chain: Answer[] = [
  { type: 'CNAME', name: 'api.example.test', ttl: 60, data: 'edge.example.net' },
  { type: 'CNAME', name: 'edge.example.net', ttl: 60, data: 'lb.example.org' },
  { type: 'A', name: 'lb.example.org', ttl: 30, data: '198.51.100.7' },
  { type: 'A', name: 'lb.example.org', ttl: 30, data: '198.51.100.8' },
  { type: 'A', name: 'unrelated.example.org', ttl: 30, data: '203.0.113.1' },
];

const ask = (port: number, extra: Partial<Parameters<typeof probeDns>[0]> = {}) =>
  probeDns({
    name: 'api.example.test',
    type: 'A',
    server: { ip: '127.0.0.1', port },
    // A limit never waited out: a test that means the limit sets LIMIT, on a fake clock (withFakeLimit).
    timeoutMs: 20_000,
    signal: never,
    ...extra,
  });

describe('probeDns over UDP', () => {
  it('follows a CNAME chain to the addresses at its end', async () => {
    const s = await resolver((q) => reply(q, chain));
    const r = await ask(s.port);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rcode).toBe('NOERROR');
    expect(r.value.cnameChain).toEqual(['api.example.test', 'edge.example.net', 'lb.example.org']);
    expect(r.value.addresses).toEqual(['198.51.100.7', '198.51.100.8']);
    expect(r.value.viaTcp).toBe(false);
    expect(r.value.server).toBe(`127.0.0.1:${s.port}`);
    expect(r.value.answers).toHaveLength(5);
    // The query asked for recursion and carried one question.
    const sent = dnsPacket.decode(s.received[0]!);
    expect(sent.flags! & dnsPacket.RECURSION_DESIRED).toBeTruthy();
    expect(sent.questions).toEqual([{ name: 'api.example.test', type: 'A', class: 'IN' }]);
  });

  it('maps NXDOMAIN, SERVFAIL and REFUSED to their codes', async () => {
    for (const [rcode, code] of [
      ['NXDOMAIN', 'NXDOMAIN'],
      ['SERVFAIL', 'SERVFAIL'],
      ['REFUSED', 'REFUSED_DNS'],
    ] as const) {
      const s = await resolver((q) => reply(q, [], { rcode }));
      const r = await ask(s.port);
      expect(r.ok ? null : r.error.code).toBe(code);
      if (!r.ok) expect(r.error.message).toContain(`127.0.0.1:${s.port}`);
    }
  });

  it('returns NOERROR without an answer of the type as ok with no addresses', async () => {
    const s = await resolver((q) =>
      reply(q, [{ type: 'AAAA', name: 'api.example.test', data: '2001:db8::1' }]),
    );
    const r = await ask(s.port);
    expect(r.ok && r.value.addresses).toEqual([]);
  });

  it('repeats a truncated answer over TCP with a length prefix', async () => {
    const s = await resolver((q) => reply(q, [], { tc: true }));
    let tcpQueries = 0;
    const server = net.createServer((sock) => {
      let buf = Buffer.alloc(0);
      sock.on('data', (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        if (buf.length < 2 || buf.length < 2 + buf.readUInt16BE(0)) return;
        tcpQueries += 1;
        const out = reply(buf.subarray(2, 2 + buf.readUInt16BE(0)), chain);
        const framed = Buffer.alloc(2 + out.length);
        framed.writeUInt16BE(out.length, 0);
        out.copy(framed, 2);
        // Split the frame in two writes: the reader must reassemble.
        sock.write(framed.subarray(0, 3));
        setTimeout(() => sock.end(framed.subarray(3)), 20);
      });
    });
    // The TCP server gets its own port from port 0 (the UDP server's number may be taken over TCP); the
    // probe's tcpServer hook is how a site context routes the TCP retry, here to that port.
    const tcpPort = await listen(server);
    const r = await ask(s.port, { tcpServer: () => ({ ip: '127.0.0.1', port: tcpPort }) });
    expect(r.ok && r.value.viaTcp).toBe(true);
    expect(r.ok && r.value.addresses).toEqual(['198.51.100.7', '198.51.100.8']);
    expect(tcpQueries).toBe(1);
  });

  it('ignores a reply with the wrong id or question and takes the right one after it', async () => {
    const s = await resolver((q) => {
      const wrongId = reply(q, [{ type: 'A', name: 'api.example.test', data: '192.0.2.66' }], {
        id: (dnsPacket.decode(q).id! + 1) & 0xffff,
      });
      const other = dnsPacket.encode({
        type: 'response',
        id: dnsPacket.decode(q).id,
        flags: 0x8180,
        questions: [{ type: 'A', name: 'evil.example.test', class: 'IN' }],
        answers: [{ type: 'A', name: 'evil.example.test', data: '192.0.2.66' }],
      });
      return [wrongId, other, reply(q, chain)];
    });
    const r = await ask(s.port);
    expect(r.ok && r.value.addresses).toEqual(['198.51.100.7', '198.51.100.8']);
  });

  it('ignores replies from another address or port (spoofing)', async () => {
    const spoofer = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => spoofer.bind(0, '127.0.0.1', resolve));
    // The server stays silent; a second socket answers the client from another port.
    const s = await udpServer((msg, rinfo) => {
      spoofer.send(
        reply(msg, [{ type: 'A', name: 'api.example.test', data: '192.0.2.66' }]),
        rinfo.port,
        rinfo.address,
      );
    });
    const r = await ask(s.port, { timeoutMs: 400 });
    spoofer.close();
    expect(r.ok ? 'ok' : r.error.code).toBe('TIMEOUT');
  });

  it('returns PROTOCOL when only garbage arrived, after waiting for a good answer', async () => {
    const s = await resolver((q) => {
      const bad = Buffer.from(q);
      bad[2] = 0x81; // a response...
      bad.writeUInt16BE(0xffff, 6); // ...claiming 65535 answers in a few bytes
      return [Buffer.from('garbage'), bad, Buffer.concat([reply(q, chain).subarray(0, 40)])];
    });
    // Retransmissions at 1/5 and 3/5 of the limit, each answered with the same three bad replies.
    const r = await onFakeLimit(
      s,
      () => ask(s.port, { timeoutMs: LIMIT }),
      async (at) => {
        await at.read(3);
        await at.advance(LIMIT / 5);
        await at.received(2);
        await at.read(6);
        await at.advance((2 * LIMIT) / 5);
        await at.received(3);
        await at.read(9);
        await at.advance((2 * LIMIT) / 5 - 1);
        expect(at.settled()).toBe(false); // still waiting for a good answer a millisecond before the limit
        await at.advance(1);
      },
    );
    expect(r.ok ? 'ok' : r.error.code).toBe('PROTOCOL');
    if (!r.ok)
      expect(r.error.message).toMatch(/malformed or mismatched replies from 127\.0\.0\.1:\d+ within 800 ms/);
  });

  it('returns TIMEOUT from a silent server within the limit, after retransmitting', async () => {
    const s = await resolver(() => null);
    const r = await onFakeLimit(
      s,
      () => ask(s.port, { timeoutMs: LIMIT }),
      async (at) => {
        await at.received(1);
        await at.advance(LIMIT / 5 - 1);
        expect(s.received).toHaveLength(1); // no retransmission before 1/5 of the limit
        await at.advance(1);
        await at.received(2);
        await at.advance((2 * LIMIT) / 5);
        await at.received(3);
        await at.advance((2 * LIMIT) / 5 - 1);
        expect(at.settled()).toBe(false);
        await at.advance(1);
      },
    );
    expect(r.ok ? 'ok' : r.error.code).toBe('TIMEOUT');
    if (!r.ok) expect(r.error.message).toBe(`no DNS answer from 127.0.0.1:${s.port} within 800 ms`);
    expect(s.received.length).toBe(3);
    // Retransmissions carry the same id: a late answer to the first copy still counts.
    const ids = s.received.map((b) => b.readUInt16BE(0));
    expect(new Set(ids).size).toBe(1);
  });

  it('returns ABORTED promptly when the signal aborts', async () => {
    const s = await resolver(() => null);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    // ABORTED (not TIMEOUT) is the proof the 5 s limit was not waited out; no wall-clock bound.
    const r = await ask(s.port, { timeoutMs: 5000, signal: ac.signal });
    expect(r.ok ? 'ok' : r.error.code).toBe('ABORTED');
  });

  it('returns REFUSED on ICMP port unreachable (nothing listens)', async () => {
    const port = await closedUdpPort();
    const r = await ask(port);
    expect(r.ok ? 'ok' : r.error.code).toBe('REFUSED');
  });

  it('reports a CNAME loop as PROTOCOL', async () => {
    const s = await resolver((q) =>
      reply(q, [
        { type: 'CNAME', name: 'api.example.test', data: 'b.example.test' },
        { type: 'CNAME', name: 'b.example.test', data: 'API.example.test.' },
      ]),
    );
    const r = await ask(s.port);
    expect(r.ok ? 'ok' : r.error.code).toBe('PROTOCOL');
    if (!r.ok) expect(r.error.message).toMatch(/CNAME loop/);
    if (!r.ok) expect(r.error.cause).toEqual({ cname: 'loop', limit: 16 });
  });

  it('reports a CNAME chain longer than 16 as PROTOCOL, with that cause for the check to name', async () => {
    const names = Array.from({ length: 19 }, (_, i) => (i === 0 ? 'api.example.test' : `c${i}.example.test`));
    const s = await resolver((q) =>
      reply(
        q,
        names.slice(0, -1).map((n, i) => ({ type: 'CNAME', name: n, data: names[i + 1]! })),
      ),
    );
    const r = await ask(s.port);
    expect(r.ok ? 'ok' : r.error.code).toBe('PROTOCOL');
    if (!r.ok) expect(r.error.cause).toEqual({ cname: 'too-long', limit: 16 });
  });
});

describe('DNS reply validation (pure)', () => {
  const query = dnsPacket.encode({
    type: 'query',
    id: 4242,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: 'A', name: 'api.example.test', class: 'IN' }],
  });

  it('never throws on random bytes, and never accepts them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const v = judgeDnsReply(Buffer.from(bytes), 4242, 'api.example.test', 'A');
        return v.kind !== 'answer' || v.packet.questions?.[0]?.name === 'api.example.test';
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on mutated valid replies', () => {
    const good = reply(query, chain);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.nat(255)), { maxLength: 8 }), (edits) => {
        const b = Buffer.from(good);
        for (const [i, v] of edits) b[i] = v;
        judgeDnsReply(b, 4242, 'api.example.test', 'A');
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a query echoed back (QR clear)', () => {
    expect(judgeDnsReply(query, 4242, 'api.example.test', 'A').kind).toBe('bad');
  });

  it('stops a chain longer than 16 and keeps at most 64 answers', () => {
    const long: Answer[] = Array.from({ length: 20 }, (_, i) => ({
      type: 'CNAME' as const,
      name: i === 0 ? 'api.example.test' : `c${i}.example.test`,
      data: `c${i + 1}.example.test`,
    }));
    const built = buildDnsAnswer(
      { answers: long, rcode: 'NOERROR' } as unknown as DecodedPacket,
      'api.example.test',
      'A',
      's',
      false,
    );
    expect(built.ok ? 'ok' : built.code).toBe('PROTOCOL');
    const many: Answer[] = Array.from({ length: 100 }, (_, i) => ({
      type: 'A' as const,
      name: 'api.example.test',
      data: `10.0.${i >> 8}.${i & 255}`,
    }));
    const b2 = buildDnsAnswer(
      { answers: many } as unknown as DecodedPacket,
      'api.example.test',
      'A',
      's',
      false,
    );
    expect(b2.ok && b2.value.answers.length).toBe(64);
  });

  it('escapes control characters in names from the network', () => {
    const b = buildDnsAnswer(
      {
        answers: [
          { type: 'CNAME', name: 'api.example.test', data: 'x\u001b[31m.example.test' },
          { type: 'A', name: 'x\u001b[31m.example.test', data: '192.0.2.1' },
        ],
      } as unknown as DecodedPacket,
      'api.example.test',
      'A',
      's',
      false,
    );
    expect(b.ok && b.value.cnameChain[1]).toBe('x\\x1b[31m.example.test');
    expect(b.ok && b.value.addresses).toEqual(['192.0.2.1']);
  });
});

describe('probeOsLookup', () => {
  it('resolves localhost through the OS (IPv4 only)', async () => {
    const r = await probeOsLookup({ name: 'localhost', timeoutMs: 2000, signal: never });
    expect(r.ok && r.value.addresses.every((a) => net.isIPv4(a))).toBe(true);
    expect(r.ok && r.value.addresses).toContain('127.0.0.1');
  });

  it('returns ABORTED at once for an aborted signal', async () => {
    const r = await probeOsLookup({ name: 'localhost', timeoutMs: 2000, signal: AbortSignal.abort() });
    expect(r.ok ? 'ok' : r.error.code).toBe('ABORTED');
  });
});
