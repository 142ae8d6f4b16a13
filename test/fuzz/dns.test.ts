import net from 'node:net';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { ProbeErrorCode } from '../../src/core/errors.js';
import { createProbes } from '../../src/probes/index.js';
import type { Probes } from '../../src/probes/types.js';
import { dnsCase, expectedDns, startHostileDns, type HostileDns } from './hostile-dns.js';
import {
  assertCleanProbe,
  labLikeContext,
  RESOLVER,
  runs,
  expectNoSocketLeft,
  expectWaitedOutcome,
  socketHandles,
  timed,
  fuzzIt,
  watchProcess,
} from './harness.js';

/**
 * Hostile resolvers (RFC 1035 message format, RFC 5452 acceptance rules, RFC 7766 TCP fallback): the DNS
 * probe, through createProbes and a lab-like site context, must end every case with a clean result in
 * time, and give exactly the answer the case implies where it can be known.
 */

const ALLOWED: readonly ProbeErrorCode[] = [
  'TIMEOUT',
  'PROTOCOL',
  'NXDOMAIN',
  'SERVFAIL',
  'REFUSED_DNS',
  'RESET',
];

describe('fuzz: hostile DNS resolver', () => {
  watchProcess();
  let server: HostileDns;
  let probes: Probes;
  let baseline = 0;

  beforeAll(async () => {
    server = await startHostileDns();
    probes = createProbes(labLikeContext({ 'dns-udp': server.udpPort, 'dns-tcp': server.tcpPort }, []));
    baseline = socketHandles();
  });
  afterAll(async () => {
    server.reset();
    // Every probe socket is gone: only the server's own remain.
    await expectNoSocketLeft(baseline);
    await server.close();
  });

  fuzzIt(
    'DNS probe: garbage, truncation, pointer loops, wrong ids/questions, huge counts, TC with TCP junk',
    runs(60, 2200),
    dnsCase,
    async (c) => {
      server.set(c);
      const {
        value: r,
        startedAt,
        elapsedMs,
        starvedMs,
      } = await timed(() =>
        probes.dns({
          name: 'charger.fuzz.zapcheck.test',
          type: 'A',
          server: RESOLVER,
          timeoutMs: c.timeoutMs,
        }),
      );
      assertCleanProbe(r, {
        allowed: ALLOWED,
        timeoutMs: c.timeoutMs,
        elapsedMs,
        starvedMs,
        what: JSON.stringify(c).slice(0, 600),
      });
      if (r.ok) {
        for (const a of r.value.addresses) expect(net.isIPv4(a)).toBe(true);
        expect(r.value.answers.length).toBeLessThanOrEqual(64);
        expect(r.value.cnameChain.length).toBeLessThanOrEqual(17);
      }
      const e = expectedDns(c);
      if (e === null) return;
      if (e.ok) {
        expect(r.ok ? 'ok' : r.error.message).toBe('ok');
        if (r.ok) {
          expect(r.value.viaTcp).toBe(e.viaTcp);
          if (e.addresses) expect([...r.value.addresses].sort()).toEqual(e.addresses);
        }
      } else if (e.waits) {
        expectWaitedOutcome(r.ok ? 'ok' : r.error.code, e.code, {
          repliedAt: server.repliedAt(),
          startedAt,
          timeoutMs: c.timeoutMs,
          starvedMs,
          what: JSON.stringify(c).slice(0, 600),
        });
      } else {
        expect(r.ok ? 'ok' : r.error.code).toBe(e.code);
      }
    },
    { after: () => server.reset() },
  );
});
