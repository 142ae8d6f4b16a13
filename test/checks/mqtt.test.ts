import { describe, expect, it } from 'vitest';
import { mqttCheck, mqttFamily, probeClientId } from '../../src/checks/mqtt.js';
import { probeFail, probeOk } from '../../src/core/errors.js';
import type { MqttProbeRequest } from '../../src/probes/types.js';
import {
  dnsPassed,
  endpointOf,
  fakeContext,
  fakeProbes,
  passed,
  remediationText,
  runCheck,
} from '../helpers/fake-context.js';

const HUB = 'zapcloud.azure-devices.net';
const deps = [dnsPassed(HUB, ['198.51.100.40']), passed(`tls:${HUB}:8883`)];

describe('mqtt check', () => {
  it('is planned after DNS and TLS to the hub', () => {
    const planned = mqttFamily.plan(fakeContext({ options: { mqttConnect: true } }));
    expect(planned.map((c) => c.id)).toEqual([`mqtt:${HUB}:8883`]);
    expect(planned[0]!.needs).toEqual([`dns:${HUB}`, `tls:${HUB}:8883`]);
  });

  it('with the probe switched off (--no-mqtt-connect) is skip MQTT_NOT_TRIED, never a pass, and sends nothing', async () => {
    const ctx = fakeContext({ options: { mqttConnect: false } });
    const planned = mqttFamily.plan(ctx);
    expect(planned.map((c) => c.id)).toEqual([`mqtt:${HUB}:8883`]);
    expect(planned[0]!.needs).toEqual([`dns:${HUB}`, `tls:${HUB}:8883`]);
    let sent = 0;
    const probes = fakeProbes({
      mqtt: () => {
        sent++;
        return Promise.resolve(probeOk({ returnCode: 5, sessionPresent: false }, 80));
      },
    });
    const out = await runCheck(planned[0]!, ctx, probes, deps);
    expect(out).toMatchObject({ status: 'skip', cause: 'MQTT_NOT_TRIED', evidence: { mqttConnect: false } });
    expect(out.summary).toContain('--no-mqtt-connect');
    expect(sent).toBe(0);
  });

  it('passes on CONNACK 5 (not authorized: what an anonymous probe should get)', async () => {
    const ctx = fakeContext({ options: { mqttConnect: true } });
    const probes = fakeProbes({
      mqtt: () => Promise.resolve(probeOk({ returnCode: 5, sessionPresent: false }, 80)),
    });
    const out = await runCheck(mqttCheck(endpointOf(ctx, HUB)), ctx, probes, deps);
    expect(out.status).toBe('pass');
    expect(out.evidence.returnCode).toBe(5);
    expect(out.summary).toContain('not authorized');
  });

  it.each(['TIMEOUT', 'PROTOCOL'] as const)(
    'fails MQTT_NO_CONNACK on %s, advice naming host and port',
    async (code) => {
      const ctx = fakeContext({ options: { mqttConnect: true } });
      const probes = fakeProbes({
        mqtt: () => Promise.resolve(probeFail(code, `${code} at 198.51.100.40:8883`, 2000)),
      });
      const out = await runCheck(mqttCheck(endpointOf(ctx, HUB)), ctx, probes, deps);
      expect(out.status).toBe('fail');
      expect(out.cause).toBe('MQTT_NO_CONNACK');
      expect(out.evidence.error).toBe(code);
      expect(remediationText(out)).toContain(`TCP 8883) to ${HUB}`);
    },
  );

  it('says "not MQTT" for a protocol error and "no CONNACK" for a timeout', async () => {
    const ctx = fakeContext({ options: { mqttConnect: true } });
    const run = async (code: 'TIMEOUT' | 'PROTOCOL') =>
      runCheck(
        mqttCheck(endpointOf(ctx, HUB)),
        ctx,
        fakeProbes({ mqtt: () => Promise.resolve(probeFail(code, code, 1)) }),
        deps,
      );
    expect((await run('PROTOCOL')).summary).toContain('not with MQTT');
    expect((await run('TIMEOUT')).summary).toContain('CONNACK');
  });

  it('connects with a fresh random zapcheck-probe- client id each time, and says which in evidence', async () => {
    const ctx = fakeContext({ options: { mqttConnect: true } });
    const probes = fakeProbes({
      mqtt: () => Promise.resolve(probeOk({ returnCode: 5, sessionPresent: false }, 80)),
    });
    const a = await runCheck(mqttCheck(endpointOf(ctx, HUB)), ctx, probes, deps);
    const b = await runCheck(mqttCheck(endpointOf(ctx, HUB)), ctx, probes, deps);
    const ids = probes.calls.map((c) => (c.request as MqttProbeRequest).clientId);
    expect(ids[0]).toMatch(/^zapcheck-probe-[0-9a-f]{12}$/);
    expect(ids[1]).toMatch(/^zapcheck-probe-[0-9a-f]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(a.evidence.clientId).toBe(ids[0]);
    expect(b.evidence.clientId).toBe(ids[1]);
    expect(probes.calls[0]!.request).toMatchObject({ ip: '198.51.100.40', port: 8883, servername: HUB });
  });

  it('probeClientId does not repeat', () => {
    const ids = new Set(Array.from({ length: 200 }, () => probeClientId()));
    expect(ids.size).toBe(200);
  });
});
