import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  computeOffsetDelay,
  decodeSntpPacket,
  encodeSntpRequest,
  ntpToUnixMs,
  probeSntp,
  refIdText,
  unixMsToNtp,
} from '../../src/probes/sntp.js';
import type { NtpTimestamp } from '../../src/probes/sntp.js';
import { closeAll, closedUdpPort, never, onFakeLimit, udpServer } from './servers.js';

afterEach(closeAll);

describe('SNTP maths and packets (pure)', () => {
  it('converts the Unix epoch and fractions', () => {
    expect(unixMsToNtp(0)).toEqual({ seconds: 2_208_988_800, fraction: 0 });
    expect(unixMsToNtp(1500)).toEqual({ seconds: 2_208_988_801, fraction: 0x80000000 });
    expect(ntpToUnixMs({ seconds: 2_208_988_800, fraction: 0x40000000 }, 0)).toBe(250);
    // RFC 5905 figure 4: 1972-01-01 is NTP 2,272,060,800.
    expect(ntpToUnixMs({ seconds: 2_272_060_800, fraction: 0 }, 0)).toBe(Date.UTC(1972, 0, 1));
  });

  it('handles the era 0 -> 1 rollover of 2036-02-07T06:28:16Z', () => {
    const rollover = Date.UTC(2036, 1, 7, 6, 28, 16);
    expect(unixMsToNtp(rollover)).toEqual({ seconds: 0, fraction: 0 });
    expect(unixMsToNtp(rollover - 1000)).toEqual({ seconds: 0xffffffff, fraction: 0 });
    // Near the rollover both sides resolve to the right era.
    expect(ntpToUnixMs({ seconds: 0xffffffff, fraction: 0 }, rollover + 5000)).toBe(rollover - 1000);
    expect(ntpToUnixMs({ seconds: 5, fraction: 0 }, rollover - 5000)).toBe(rollover + 5000);
    // Today, a small seconds value means era 1 (closest to the reference), not 1900.
    expect(ntpToUnixMs({ seconds: 10, fraction: 0 }, Date.UTC(2030, 0, 1))).toBe(rollover + 10_000);
  });

  it('round-trips any time from 1970 to 2100 to within a microsecond', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: Date.UTC(2100, 0, 1), noNaN: true }), (ms) => {
        const t = unixMsToNtp(ms);
        return Math.abs(ntpToUnixMs(t, ms) - ms) < 0.001 && t.fraction < 2 ** 32 && t.seconds < 2 ** 32;
      }),
      { numRuns: 2000 },
    );
  });

  it('computes offset and delay with RFC 5905 signs', () => {
    // Server 1000 ms ahead, 100 ms each way, 1 ms in the server.
    expect(computeOffsetDelay(0, 1100, 1101, 201)).toEqual({ offsetMs: 1000, delayMs: 200 });
    // Server 1000 ms behind.
    expect(computeOffsetDelay(10_000, 9100, 9101, 10_201)).toEqual({ offsetMs: -1000, delayMs: 200 });
  });

  it('encodes a version 4 client request carrying only the transmit timestamp', () => {
    const req = encodeSntpRequest({ seconds: 0x01020304, fraction: 0x05060708 });
    expect(req.length).toBe(48);
    expect(req[0]).toBe(0x23); // LI 0, VN 4, mode 3
    expect(req.subarray(1, 40).every((b) => b === 0)).toBe(true);
    expect(req.subarray(40).toString('hex')).toBe('0102030405060708');
  });

  it('decodes without throwing and refuses short or versionless packets', () => {
    expect(decodeSntpPacket(Buffer.alloc(47))).toEqual({
      ok: false,
      error: expect.stringMatching(/47-byte/),
    });
    expect(decodeSntpPacket(Buffer.alloc(48)).ok).toBe(false); // version 0
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
        decodeSntpPacket(b);
        return true;
      }),
    );
    const p = Buffer.alloc(48);
    p[0] = 0x24;
    p[1] = 2;
    p.writeUInt32BE(0x00018000, 4); // 1.5 s root delay
    p.set([192, 0, 2, 1], 12);
    const d = decodeSntpPacket(p);
    expect(
      d.ok && { mode: d.packet.mode, version: d.packet.version, rootDelayMs: d.packet.rootDelayMs },
    ).toEqual({
      mode: 4,
      version: 4,
      rootDelayMs: 1500,
    });
    expect(d.ok && refIdText(2, d.packet.refIdBytes)).toBe('192.0.2.1');
    expect(refIdText(1, Buffer.from('GPS\0'))).toBe('GPS');
  });
});

interface ReplyOpts {
  offsetMs?: number;
  /** The server's receive and transmit times (Unix ms) instead of its real clock plus offsetMs. */
  receiveMs?: number;
  transmitMs?: number;
  mode?: number;
  stratum?: number;
  leap?: number;
  refId?: string;
  zeroTransmit?: boolean;
  origin?: NtpTimestamp;
  length?: number;
}

function ntpReply(req: Buffer, o: ReplyOpts = {}): Buffer {
  const b = Buffer.alloc(48);
  b[0] = ((o.leap ?? 0) << 6) | (4 << 3) | (o.mode ?? 4);
  b[1] = o.stratum ?? 2;
  b.writeUInt32BE(0x00000800, 4);
  b.write((o.refId ?? '').padEnd(4, '\0').slice(0, 4), 12, 'latin1');
  if (!o.refId) b.set([192, 0, 2, 123], 12);
  if (o.origin) {
    b.writeUInt32BE(o.origin.seconds, 24);
    b.writeUInt32BE(o.origin.fraction, 28);
  } else req.copy(b, 24, 40, 48);
  const real = Date.now() + (o.offsetMs ?? 0);
  const received = unixMsToNtp(o.receiveMs ?? real);
  const sentAt = unixMsToNtp(o.transmitMs ?? real);
  b.writeUInt32BE(received.seconds, 32);
  b.writeUInt32BE(received.fraction, 36);
  if (!o.zeroTransmit) {
    b.writeUInt32BE(sentAt.seconds, 40);
    b.writeUInt32BE(sentAt.fraction, 44);
  }
  return b.subarray(0, o.length ?? 48);
}

async function ntpServer(answer: (req: Buffer) => Buffer | Buffer[] | null) {
  return udpServer((msg, rinfo, socket) => {
    const out = answer(msg);
    if (out) for (const b of Array.isArray(out) ? out : [out]) socket.send(b, rinfo.port, rinfo.address);
  });
}

const LIMIT = 600;
/**
 * The limit of a test that expects an answer: one it never waits out. A 600 ms limit would race on a
 * loaded machine: a process the OS leaves unscheduled past the limit wakes with the limit timer and the
 * reply both due, Node runs timers before I/O, and the probe reports TIMEOUT although the reply came.
 */
const NOT_REACHED = 20_000;
const ask = (port: number, extra: Partial<Parameters<typeof probeSntp>[0]> = {}) =>
  probeSntp({ ip: '127.0.0.1', port, timeoutMs: NOT_REACHED, signal: never, ...extra });

describe('probeSntp against a fake server', () => {
  it('measures the offset of a server 5 s ahead', async () => {
    // One scripted clock for both ends (no wall-clock bound): each reading advances it 10 ms, so t1, t2,
    // t3, t4 are B, B+10+5000, B+20+5000, B+30 whatever the machine's load: offset 5000, delay 20.
    const B = Date.UTC(2026, 0, 1);
    let tick = 0;
    const read = (): number => B + 10 * tick++;
    const s = await ntpServer((req) =>
      ntpReply(req, { receiveMs: read() + 5000, transmitMs: read() + 5000 }),
    );
    // A limit the test never waits out: no retransmission reads the clock between t1 and t4.
    const r = await ask(s.port, { timeoutMs: 20_000, clock: { now: read } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(tick).toBe(4);
    expect(r.value.offsetMs).toBeCloseTo(5000, 3);
    expect(r.value.delayMs).toBeCloseTo(20, 3);
    expect(r.value).toMatchObject({ stratum: 2, leap: 0, version: 4, refId: '192.0.2.123', kissCode: null });
    expect(r.value.rootDelayMs).toBeCloseTo(31.25, 5);
    expect(Date.parse(r.value.serverTime)).toBe(B + 20 + 5000);
    // The transmit timestamp we sent is a nonce, not our clock.
    const sent = decodeSntpPacket(s.received[0]!);
    expect(sent.ok && Math.abs(ntpToUnixMs(sent.packet.transmitTime) - Date.now()) > 1000).toBe(true);
  });

  it('uses the injected wall clock for t1 and t4', async () => {
    const s = await ntpServer((req) => ntpReply(req));
    const r = await ask(s.port, { clock: { now: () => Date.now() - 60_000 } });
    expect(r.ok && Math.round(r.value.offsetMs / 1000)).toBe(60);
  });

  it("returns a kiss-o'-death as evidence (RATE)", async () => {
    const s = await ntpServer((req) => ntpReply(req, { stratum: 0, refId: 'RATE' }));
    const r = await ask(s.port);
    expect(r.ok && r.value.kissCode).toBe('RATE');
  });

  it('ignores a reply with a wrong origin and takes the good one after it', async () => {
    const s = await ntpServer((req) => [
      ntpReply(req, { origin: { seconds: 1, fraction: 2 } }),
      ntpReply(req),
    ]);
    const r = await ask(s.port);
    expect(r.ok).toBe(true);
  });

  it.each([
    ['wrong mode', { mode: 3 }, /mode 3 is not 4/],
    ['wrong origin only', { origin: { seconds: 1, fraction: 2 } }, /origin timestamp/],
    ['a short packet', { length: 40 }, /40-byte packet/],
  ])('ignores %s until the limit, then says PROTOCOL', async (_name, opts, why) => {
    const s = await ntpServer((req) => ntpReply(req, opts));
    const r = await onFakeLimit(
      s,
      () => ask(s.port, { timeoutMs: LIMIT }),
      async (at) => {
        await at.read(1); // the bad reply to the first request: read, and ignored
        await at.advance(LIMIT / 2); // the retransmission
        await at.received(2);
        await at.read(2);
        await at.advance(LIMIT / 2 - 1);
        expect(at.settled()).toBe(false); // still waiting one millisecond before the limit
        await at.advance(1);
      },
    );
    expect(r.ok ? 'ok' : r.error.code).toBe('PROTOCOL');
    if (!r.ok) {
      expect(r.error.message).toMatch(why);
      expect(r.error.message).toContain(
        `only invalid NTP replies from 127.0.0.1:${s.port} within ${LIMIT} ms (2;`,
      );
    }
  });

  it.each([
    ['stratum 16', { stratum: 16 }, 'stratum 16'],
    ['leap indicator 3', { leap: 3 }, 'leap indicator 3'],
    ['stratum 0 with reference INIT', { stratum: 0, refId: 'INIT', leap: 3 }, 'stratum 0, reference INIT'],
    ['stratum 0 with reference STEP', { stratum: 0, refId: 'STEP' }, 'stratum 0, reference STEP'],
    // What chronyd 4.3 with no source sends (the interop suite records it): no kiss code, just zeros.
    [
      'leap 3, stratum 0 and an all-zero reference (chronyd)',
      { stratum: 0, refId: '\0\0\0\0', leap: 3 },
      'leap indicator 3, stratum 0, no reference',
    ],
  ])(
    'answers at once that the server is unsynchronised on %s (not a kiss-o’-death)',
    async (_name, opts, why) => {
      const s = await ntpServer((req) => ntpReply(req, opts));
      const r = await ask(s.port);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.unsynchronised).toBe(why);
      expect(r.value.kissCode).toBeNull();
    },
  );

  it('keeps a kiss-o’-death for RATE (stratum 0, leap 3): not an unsynchronised server', async () => {
    const s = await ntpServer((req) => ntpReply(req, { stratum: 0, refId: 'RATE', leap: 3 }));
    const r = await ask(s.port);
    expect(r.ok && { kiss: r.value.kissCode, unsync: r.value.unsynchronised }).toEqual({
      kiss: 'RATE',
      unsync: null,
    });
  });

  it.each([['a zero transmit timestamp', { zeroTransmit: true }, /zero transmit timestamp/]])(
    'fails at once with PROTOCOL on %s',
    async (_name, opts, why) => {
      const s = await ntpServer((req) => ntpReply(req, opts));
      const r = await ask(s.port);
      expect(r.ok ? 'ok' : r.error.code).toBe('PROTOCOL');
      if (!r.ok) expect(r.error.message).toMatch(why);
    },
  );

  it('returns TIMEOUT from a silent server, after one retransmission', async () => {
    const s = await ntpServer(() => null);
    const r = await onFakeLimit(
      s,
      () => ask(s.port, { timeoutMs: LIMIT }),
      async (at) => {
        await at.received(1);
        await at.advance(LIMIT / 2 - 1);
        expect(s.received).toHaveLength(1); // no retransmission before half the limit
        await at.advance(1);
        await at.received(2);
        await at.advance(LIMIT / 2 - 1);
        expect(at.settled()).toBe(false);
        await at.advance(1);
      },
    );
    expect(r.ok ? 'ok' : r.error.message).toBe(`no NTP answer from 127.0.0.1:${s.port} within ${LIMIT} ms`);
    expect(s.received).toHaveLength(2);
  });

  it('accepts a late answer to the first request after the retransmission', async () => {
    let first: Buffer | undefined;
    const s = await ntpServer((req) => {
      if (!first) {
        first = req;
        return null;
      }
      return ntpReply(first); // answers the first request's nonce
    });
    // The retransmission comes at half the limit, on the fake clock; the answer is taken before the limit.
    const r = await onFakeLimit(
      s,
      () => ask(s.port, { timeoutMs: LIMIT }),
      async (at) => {
        await at.received(1);
        await at.advance(LIMIT / 2);
        await at.received(2);
        await at.read(1);
      },
    );
    expect(r.ok).toBe(true);
    expect(s.received).toHaveLength(2);
  });

  it('returns REFUSED when nothing listens, ABORTED when aborted', async () => {
    const port = await closedUdpPort();
    const r = await ask(port);
    expect(r.ok ? 'ok' : r.error.code).toBe('REFUSED');
    const s = await ntpServer(() => null);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 30);
    const a = await ask(s.port, { timeoutMs: 5000, signal: ac.signal });
    expect(a.ok ? 'ok' : a.error.code).toBe('ABORTED');
  });
});
