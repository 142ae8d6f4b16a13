import fc from 'fast-check';
import { describe, expect } from 'vitest';
import type { ProbeErrorCode } from '../../src/core/errors.js';
import { expectedTls, startHostileTls, tlsCase, useHostileTlsServer } from './hostile-tls.js';
import { assertCleanProbe, fuzzIt, HOSTS, runs, timed, watchProcess } from './harness.js';

/**
 * Hostile TLS servers (RFC 8446 / RFC 5246 record layer): junk, TLS-looking records with bad lengths,
 * alerts, hangs, closes and resets before or after the ClientHello, a real handshake cut at a random
 * byte or with one byte flipped. The TLS probe must end each with TLS_HANDSHAKE, RESET or TIMEOUT (or a
 * verified handshake when nothing was touched), in time.
 */

const ALLOWED: readonly ProbeErrorCode[] = ['TLS_HANDSHAKE', 'TIMEOUT', 'RESET'];

describe('fuzz: hostile TLS server', () => {
  watchProcess();
  const suite = useHostileTlsServer(startHostileTls, 'tls');

  fuzzIt(
    'TLS probe: junk, bad records, hang, close/reset mid-handshake, cut or flipped server flights',
    runs(50, 1800),
    fc.tuple(tlsCase, fc.constantFrom('TLSv1.2' as const, 'TLSv1.3' as const, undefined)),
    async ([c, version]) => {
      suite.server.set(c.behaviour);
      const {
        value: r,
        elapsedMs,
        starvedMs,
      } = await timed(() =>
        suite.probes.tls({
          ip: HOSTS.tls.ip,
          port: HOSTS.tls.port,
          servername: HOSTS.tls.host,
          ca: [suite.pki.root.pem],
          ...(version ? { minVersion: version, maxVersion: version } : {}),
          timeoutMs: c.timeoutMs,
        }),
      );
      const what = JSON.stringify({ c, version }, (_k, v: unknown) =>
        v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v,
      ).slice(0, 600);
      assertCleanProbe(r, { allowed: ALLOWED, timeoutMs: c.timeoutMs, elapsedMs, starvedMs, what });
      if (r.ok) {
        expect(['TLSv1.2', 'TLSv1.3']).toContain(r.value.protocol);
        expect(r.value.chain.length).toBeGreaterThan(0);
      }
      const e = expectedTls(c.behaviour);
      if (e?.ok) {
        expect(r.ok ? r.value.authorized : r.error.message).toBe(true);
      } else if (e) {
        expect(r.ok ? 'ok' : r.error.code).toBe(e.code);
      }
    },
    { after: () => suite.server.reset() },
  );
});
