import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { ProbeErrorCode } from '../../src/core/errors.js';
import { createProbes } from '../../src/probes/index.js';
import type { Probes } from '../../src/probes/types.js';
import { expectedMqtt, mqttCase, mqttHandler } from './hostile-app.js';
import { makeFuzzPki, startHostileTlsApp, type FuzzPki, type HostileTlsApp } from './hostile-tls.js';
import {
  assertCleanProbe,
  fuzzIt,
  HOSTS,
  labLikeContext,
  runs,
  socketHandles,
  timed,
  watchProcess,
} from './harness.js';

/**
 * Hostile MQTT brokers behind a good TLS handshake: junk, partial CONNACKs, oversized packets (a length
 * of up to 256 MB announced), other packet types, split at random points, then close, reset or hang.
 * The MQTT probe must judge the stream on its first four bytes, exactly as MQTT 3.1.1 section 3.2 says.
 */

const ALLOWED: readonly ProbeErrorCode[] = ['PROTOCOL', 'RESET', 'TIMEOUT'];

describe('fuzz: hostile MQTT broker', () => {
  watchProcess();
  let pki: FuzzPki;
  let server: HostileTlsApp;
  let probes: Probes;
  let baseline = 0;

  beforeAll(async () => {
    pki = await makeFuzzPki();
    server = await startHostileTlsApp(pki);
    probes = createProbes(labLikeContext({ mqtts: server.port }, [pki.root.pem]));
    baseline = socketHandles();
  });
  afterAll(async () => {
    server.reset();
    await new Promise((r) => setTimeout(r, 20));
    expect(socketHandles()).toBeLessThanOrEqual(baseline);
    await server.close();
  });

  fuzzIt(
    'MQTT probe: junk, partial or oversized packets instead of CONNACK, split, then close/reset/hang',
    runs(50, 1800),
    mqttCase,
    async (c) => {
      server.set(mqttHandler(c));
      const { value: r, elapsedMs } = await timed(() =>
        probes.mqtt({
          ip: HOSTS.mqtts.ip,
          port: HOSTS.mqtts.port,
          servername: HOSTS.mqtts.host,
          ca: [pki.root.pem],
          verify: true,
          clientId: 'zapcheck-probe-fuzz',
          timeoutMs: c.timeoutMs,
        }),
      );
      const what = JSON.stringify({ ...c, bytes: Buffer.from(c.bytes).toString('hex').slice(0, 200) });
      assertCleanProbe(r, { allowed: ALLOWED, timeoutMs: c.timeoutMs, elapsedMs, what });
      const e = expectedMqtt(c);
      if (e.ok)
        expect(r.ok ? r.value : r.error.message).toEqual({
          returnCode: e.returnCode,
          sessionPresent: e.sessionPresent,
        });
      else expect(r.ok ? 'ok' : r.error.code).toBe(e.code);
    },
    { after: () => server.reset() },
  );
});
