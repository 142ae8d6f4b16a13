import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { ProbeErrorCode } from '../../src/core/errors.js';
import { createProbes } from '../../src/probes/index.js';
import type { Probes } from '../../src/probes/types.js';
import { expectedNtp, ntpCase, startHostileNtp, type HostileNtp } from './hostile-ntp.js';
import {
  assertCleanProbe,
  fuzzIt,
  HOSTS,
  labLikeContext,
  runs,
  expectNoSocketLeft,
  expectWaitedOutcome,
  socketHandles,
  timed,
  watchProcess,
} from './harness.js';

/**
 * Hostile NTP servers (RFC 5905 section 8 per-packet tests, section 7.4 kiss-o'-death): the SNTP probe,
 * through createProbes, must ignore what fails the tests, decide on the first reply that passes, and
 * never return a value that is not a sane sample.
 */

const ALLOWED: readonly ProbeErrorCode[] = ['TIMEOUT', 'PROTOCOL'];

describe('fuzz: hostile NTP server', () => {
  watchProcess();
  let server: HostileNtp;
  let probes: Probes;
  let baseline = 0;

  beforeAll(async () => {
    server = await startHostileNtp();
    probes = createProbes(labLikeContext({ ntp: server.port }, []));
    baseline = socketHandles();
  });
  afterAll(async () => {
    // Every probe socket is gone: only the server's own remain.
    await expectNoSocketLeft(baseline);
    await server.close();
  });

  fuzzIt(
    'SNTP probe: short, wrong mode/version/origin, zero transmit, stratum 0/16, leap 3, random bytes',
    runs(50, 1800),
    ntpCase,
    async (c) => {
      server.set(c);
      const {
        value: r,
        startedAt,
        elapsedMs,
        starvedMs,
      } = await timed(() => probes.ntp({ ip: HOSTS.ntp.ip, port: HOSTS.ntp.port, timeoutMs: c.timeoutMs }));
      assertCleanProbe(r, {
        allowed: ALLOWED,
        timeoutMs: c.timeoutMs,
        elapsedMs,
        starvedMs,
        what: JSON.stringify(c).slice(0, 600),
      });
      const e = expectedNtp(c.replies);
      if (!e.ok) {
        const got = r.ok ? 'ok' : r.error.code;
        if (e.waits) {
          expectWaitedOutcome(got, e.code, {
            repliedAt: server.repliedAt(),
            startedAt,
            timeoutMs: c.timeoutMs,
            starvedMs,
            what: JSON.stringify(c).slice(0, 600),
          });
        } else expect(got).toBe(e.code);
        return;
      }
      expect(r.ok ? 'ok' : r.error.message).toBe('ok');
      if (!r.ok) return;
      const v = r.value;
      if (e.unsync) {
        expect(typeof v.unsynchronised).toBe('string');
        expect(v.kissCode).toBeNull();
        return;
      }
      expect(v.unsynchronised).toBeNull();
      expect(v.stratum).toBeGreaterThanOrEqual(0);
      expect(v.stratum).toBeLessThanOrEqual(15);
      expect(Number.isFinite(v.offsetMs) && Number.isFinite(v.delayMs)).toBe(true);
      expect(Number.isFinite(v.rootDelayMs) && Number.isFinite(v.rootDispersionMs)).toBe(true);
      if (e.kiss) {
        expect(v.stratum).toBe(0);
        expect(typeof v.kissCode).toBe('string');
      } else {
        expect(v.kissCode).toBeNull();
        expect(Number.isNaN(Date.parse(v.serverTime))).toBe(false);
      }
    },
  );
});
