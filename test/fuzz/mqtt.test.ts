import { describe, expect } from 'vitest';
import type { ProbeErrorCode } from '../../src/core/errors.js';
import { expectedMqtt, mqttCase, mqttHandler } from './hostile-app.js';
import { startHostileTlsApp, useHostileTlsServer } from './hostile-tls.js';
import { assertCleanProbe, fuzzIt, HOSTS, runs, timed, watchProcess } from './harness.js';

/**
 * Hostile MQTT brokers behind a good TLS handshake: junk, partial CONNACKs, oversized packets (a length
 * of up to 256 MB announced), other packet types, split at random points, then close, reset or hang.
 * The MQTT probe must judge the stream on its first four bytes, exactly as MQTT 3.1.1 section 3.2 says.
 */

const ALLOWED: readonly ProbeErrorCode[] = ['PROTOCOL', 'RESET', 'TIMEOUT'];

describe('fuzz: hostile MQTT broker', () => {
  watchProcess();
  const suite = useHostileTlsServer(startHostileTlsApp, 'mqtts');

  fuzzIt(
    'MQTT probe: junk, partial or oversized packets instead of CONNACK, split, then close/reset/hang',
    runs(50, 1800),
    mqttCase,
    async (c) => {
      suite.server.set(mqttHandler(c));
      const {
        value: r,
        elapsedMs,
        starvedMs,
      } = await timed(() =>
        suite.probes.mqtt({
          ip: HOSTS.mqtts.ip,
          port: HOSTS.mqtts.port,
          servername: HOSTS.mqtts.host,
          ca: [suite.pki.root.pem],
          verify: true,
          clientId: 'zapcheck-probe-fuzz',
          timeoutMs: c.timeoutMs,
        }),
      );
      const what = JSON.stringify({ ...c, bytes: Buffer.from(c.bytes).toString('hex').slice(0, 200) });
      assertCleanProbe(r, { allowed: ALLOWED, timeoutMs: c.timeoutMs, elapsedMs, starvedMs, what });
      const e = expectedMqtt(c);
      if (e.ok)
        expect(r.ok ? r.value : r.error.message).toEqual({
          returnCode: e.returnCode,
          sessionPresent: e.sessionPresent,
        });
      else expect(r.ok ? 'ok' : r.error.code).toBe(e.code);
    },
    { after: () => suite.server.reset() },
  );
});
