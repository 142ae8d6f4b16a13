import { afterEach, describe, expect, it } from 'vitest';
import type * as dnsPacket from 'dns-packet';
import { startDnsServer } from '../../src/lab/dns-server.js';
import { Tracker } from '../../src/lab/tracker.js';
import { dnsTcp, dnsUdp, type DecodedPacket } from './clients.js';

const TC = 1 << 9;
let tracker = new Tracker();
afterEach(async () => {
  await tracker.close();
  tracker = new Tracker();
});

describe('lab DNS server', () => {
  it('sets TC on a UDP answer over 512 bytes (question only), and answers in full over TCP on the same port', async () => {
    const many: dnsPacket.Answer[] = Array.from({ length: 40 }, (_, i) => ({
      name: 'big.example',
      type: 'A',
      ttl: 60,
      data: `198.51.100.${i + 1}`,
    }));
    const server = await startDnsServer({
      answer: () => ({ rcode: 'NOERROR', answers: many }),
      latencyMs: 0,
      tracker,
    });
    const udp = (await dnsUdp(server.port, 'big.example')) as DecodedPacket;
    expect(udp.flags! & TC).toBe(TC);
    expect(udp.answers).toEqual([]);
    expect(udp.questions).toEqual([{ name: 'big.example', type: 'A', class: 'IN' }]);
    const tcp = (await dnsTcp(server.port, 'big.example')) as DecodedPacket;
    expect(tcp.flags! & TC).toBe(0);
    expect(tcp.answers).toHaveLength(40);
    expect(server.queries.map((q) => q.transport)).toEqual(['udp', 'tcp']);
  });

  it('a small answer is not truncated, echoes the id and RD, and sets RA', async () => {
    const server = await startDnsServer({
      answer: ({ name }) => ({
        rcode: 'NOERROR',
        answers: [{ name, type: 'A', ttl: 60, data: '198.51.100.1' }],
      }),
      latencyMs: 0,
      tracker,
    });
    const p = (await dnsUdp(server.port, 'small.example')) as DecodedPacket;
    expect(p.id).toBe(4242);
    expect(p.flag_rd).toBe(true);
    expect(p.flag_ra).toBe(true);
    expect(p.flag_tc).toBe(false);
    expect(p.answers).toHaveLength(1);
  });

  it('ignores junk and keeps serving', async () => {
    const server = await startDnsServer({
      answer: () => ({ rcode: 'NXDOMAIN', answers: [] }),
      latencyMs: 0,
      tracker,
    });
    const { createSocket } = await import('node:dgram');
    const s = createSocket('udp4');
    await new Promise<void>((r) => s.send(Buffer.from('not dns'), server.port, '127.0.0.1', () => r()));
    s.close();
    expect(((await dnsUdp(server.port, 'x.example')) as DecodedPacket).rcode).toBe('NXDOMAIN');
  });
});
