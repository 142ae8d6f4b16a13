import { describe, expect } from 'vitest';
import type { ProbeErrorCode } from '../../src/core/errors.js';
import { httpCase, httpHandler } from './hostile-app.js';
import { startHostileTlsApp, useHostileTlsServer } from './hostile-tls.js';
import { assertCleanProbe, fuzzIt, HOSTS, runs, timed, watchProcess } from './harness.js';

/**
 * Hostile HTTP servers behind a good TLS handshake (RFC 9112 framing): broken status lines and
 * headers, control characters and ANSI escapes in header values and bodies, headers over the 16 KiB
 * limit, bodies that never end, answers cut short. The HTTPS probe must keep status and headers as
 * evidence where there are any, sanitised, and end in time.
 */

const ALLOWED: readonly ProbeErrorCode[] = ['PROTOCOL', 'TOO_LARGE', 'TIMEOUT', 'RESET'];

describe('fuzz: hostile HTTP server', () => {
  watchProcess();
  const suite = useHostileTlsServer(startHostileTlsApp, 'https');

  fuzzIt(
    'HTTPS probe: broken/huge/hostile headers, endless or cut bodies, junk',
    runs(50, 1600),
    httpCase,
    async (c) => {
      suite.server.set(httpHandler(c));
      const {
        value: r,
        elapsedMs,
        starvedMs,
      } = await timed(() =>
        suite.probes.https({
          ip: HOSTS.https.ip,
          port: HOSTS.https.port,
          servername: HOSTS.https.host,
          path: '/',
          ca: [suite.pki.root.pem],
          verify: true,
          timeoutMs: c.timeoutMs,
        }),
      );
      const what = JSON.stringify({ ...c, bytes: Buffer.from(c.bytes).toString('latin1').slice(0, 300) });
      assertCleanProbe(r, { allowed: ALLOWED, timeoutMs: c.timeoutMs, elapsedMs, starvedMs, what });
      if (r.ok) {
        expect(Number.isInteger(r.value.status) && r.value.status >= 100 && r.value.status <= 999).toBe(true);
        expect([...r.value.bodySnippet].length).toBeLessThanOrEqual(513);
      }
      if (c.kind === 'wellformed') expect(r.ok ? r.value.status : r.error.message).toBe(c.status);
      if (c.kind === 'huge') expect(r.ok ? 'ok' : r.error.code).toBe('TOO_LARGE');
      if (c.kind === 'endless' && r.ok)
        expect(r.value.status).toBe(c.status === 204 || c.status === 304 ? 200 : c.status);
    },
    { after: () => suite.server.reset() },
  );
});
