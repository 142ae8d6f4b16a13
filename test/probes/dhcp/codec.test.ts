import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MessageType,
  Option,
  decodeDhcp,
  encodeDiscover,
  offerFields,
  randomLocalMac,
} from '../../../src/probes/dhcp/codec.js';

const MAC = Uint8Array.from([0x02, 0x11, 0x22, 0x33, 0x44, 0x55]);

/** An OFFER built by hand from RFC 2131 section 2, to test the decoder on what a server sends. */
function offer(opts: number[], fields: { sname?: number[]; file?: number[] } = {}): Buffer {
  const b = Buffer.alloc(240 + opts.length);
  b[0] = 2;
  b[1] = 1;
  b[2] = 6;
  b.writeUInt32BE(0xdeadbeef, 4);
  Buffer.from([198, 18, 0, 100]).copy(b, 16);
  Buffer.from(MAC).copy(b, 28);
  if (fields.sname) Buffer.from(fields.sname).copy(b, 44);
  if (fields.file) Buffer.from(fields.file).copy(b, 108);
  b.writeUInt32BE(0x63825363, 236);
  Buffer.from(opts).copy(b, 240);
  return b;
}

describe('DHCP codec (RFC 2131)', () => {
  it('encodes a DISCOVER: BOOTREQUEST, broadcast flag, chaddr, cookie, type 1, padded to 300 bytes', () => {
    const p = encodeDiscover({ xid: 0x01020304, mac: MAC, hostName: 'zapcheck-probe' });
    expect(p.length).toBe(300);
    expect(p[0]).toBe(1);
    expect(p.readUInt16BE(10)).toBe(0x8000);
    expect(p.readUInt32BE(236)).toBe(0x63825363);
    const d = decodeDhcp(p);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.packet.xid).toBe(0x01020304);
    expect(d.packet.chaddr).toBe('02:11:22:33:44:55');
    expect(offerFields(d.packet).messageType).toBe(MessageType.DISCOVER);
    expect([...d.packet.options.get(Option.PARAMETER_LIST)!]).toContain(Option.ROUTER);
    expect(Buffer.from(d.packet.options.get(Option.HOST_NAME)!).toString()).toBe('zapcheck-probe');
  });

  it('decodes an OFFER: server id, router, DNS, lease; repeated options concatenated (RFC 3396)', () => {
    const d = decodeDhcp(
      offer([
        53, 1, 2, 54, 4, 198, 18, 0, 1, 1, 4, 255, 255, 255, 0, 3, 4, 198, 18, 0, 1, 6, 4, 198, 18, 0, 1, 6,
        4, 198, 18, 0, 2, 51, 4, 0, 0, 2, 88, 255,
      ]),
    );
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(offerFields(d.packet)).toEqual({
      messageType: 2,
      serverId: '198.18.0.1',
      address: '198.18.0.100',
      subnetMask: '255.255.255.0',
      routers: ['198.18.0.1'],
      dnsServers: ['198.18.0.1', '198.18.0.2'],
      leaseSec: 600,
      domainName: null,
    });
  });

  it('reads options overloaded into the file and sname fields (option 52)', () => {
    const d = decodeDhcp(
      offer([53, 1, 2, 52, 1, 3, 255], {
        file: [54, 4, 10, 0, 0, 1, 255],
        sname: [3, 4, 10, 0, 0, 254, 255],
      }),
    );
    expect(d.ok).toBe(true);
    if (d.ok) expect(offerFields(d.packet)).toMatchObject({ serverId: '10.0.0.1', routers: ['10.0.0.254'] });
  });

  it('refuses truncated options, a missing cookie and short packets without throwing', () => {
    expect(decodeDhcp(offer([53, 4, 2]))).toMatchObject({ ok: false });
    const noCookie = offer([53, 1, 2, 255]);
    noCookie.writeUInt32BE(0, 236);
    expect(decodeDhcp(noCookie)).toMatchObject({ ok: false, reason: expect.stringMatching(/cookie/) });
    expect(decodeDhcp(new Uint8Array(10))).toMatchObject({ ok: false });
  });

  it('random MACs are locally administered unicast', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (bytes) => {
        const m = randomLocalMac(() => bytes);
        return (m[0]! & 0x02) === 2 && (m[0]! & 0x01) === 0 && m.length === 6;
      }),
    );
  });

  const runs = process.env.ZAPCHECK_FUZZ === 'full' ? 200_000 : 2_000;
  it(`fuzz: the decoder never throws on garbage (${runs} runs)`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1500 }), (bytes) => {
        const d = decodeDhcp(bytes);
        if (d.ok) offerFields(d.packet);
        return typeof d.ok === 'boolean';
      }),
      { numRuns: runs },
    );
  });

  it('fuzz: mutated valid OFFERs decode or are refused, never throw', () => {
    const base = offer([
      53, 1, 2, 54, 4, 198, 18, 0, 1, 3, 4, 198, 18, 0, 1, 52, 1, 3, 51, 4, 0, 0, 2, 88, 255,
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.nat(255)), { maxLength: 20 }),
        fc.nat(base.length),
        (muts, cut) => {
          const b = Buffer.from(base);
          for (const [i, v] of muts) b[i] = v;
          const d = decodeDhcp(b.subarray(0, cut));
          if (d.ok) offerFields(d.packet);
          return true;
        },
      ),
      { numRuns: runs },
    );
  });
});
