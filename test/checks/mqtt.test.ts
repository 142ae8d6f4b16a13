import { describe, expect, it } from 'vitest';
import { connackMeaningKey, mqttCheck, mqttFamily, probeClientId } from '../../src/checks/mqtt.js';
import { createTranslator } from '../../src/i18n/index.js';
import { it as italian } from '../../src/i18n/it.js';
import { en } from '../../src/i18n/en.js';
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

  it.each([
    [5, 'not authorized', 'non autorizzato'],
    [0, 'accepted', 'accettato'],
    [4, 'bad user name or password', 'nome utente o password errati'],
    [0x87, 'not authorized', 'non autorizzato'],
    [0x84, 'unsupported protocol version', 'versione del protocollo non supportata'],
    [0x9c, 'use another server', 'usare un altro server'],
    [42, 'unknown code', 'codice sconosciuto'],
  ])(
    'CONNACK %i in words, in the run’s language (Italian: the CONNACK reason is Italian too)',
    async (code, english, italianWords) => {
      const probes = fakeProbes({
        mqtt: () => Promise.resolve(probeOk({ returnCode: code, sessionPresent: false }, 80)),
      });
      const enCtx = fakeContext({ options: { mqttConnect: true } });
      const enOut = await runCheck(mqttCheck(endpointOf(enCtx, HUB)), enCtx, probes, deps);
      expect(enOut.summary).toContain(`CONNACK ${code}: ${english},`);
      expect(enOut.evidence.meaning).toBe(english);
      const itCtx = {
        ...fakeContext({ options: { mqttConnect: true } }),
        lang: 'it' as const,
        t: createTranslator('it'),
      };
      const itOut = await runCheck(mqttCheck(endpointOf(itCtx, HUB)), itCtx, probes, deps);
      expect(itOut.summary).toContain(`CONNACK ${code}: ${italianWords},`);
      expect(itOut.summary).not.toContain(english);
      // The evidence keeps the English words, the same in every language (for CI).
      expect(itOut.evidence.meaning).toBe(english);
    },
  );

  it('every CONNACK code 0-255 has words in both catalogues', () => {
    for (let code = 0; code < 256; code++) {
      const key = connackMeaningKey(code);
      expect(en[key], String(code)).toBeTruthy();
      expect((italian as Record<string, string>)[key], String(code)).toBeTruthy();
    }
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

  it('a probe that broke inside zapcheck (INTERNAL, e.g. a module that did not load) is an error, never a site fault', async () => {
    // Regression: the standalone executable could not load mqtt-packet and reported MQTT_NO_CONNACK,
    // telling IT to open 8883 for a bug of ours.
    const ctx = fakeContext({ options: { mqttConnect: true } });
    const r = await runCheck(
      mqttCheck(endpointOf(ctx, HUB)),
      ctx,
      fakeProbes({
        mqtt: () => Promise.resolve(probeFail('INTERNAL', "Cannot find module 'mqtt-packet'", 1)),
      }),
      deps,
    );
    expect(r.status).toBe('error');
    expect(r.cause).toBe('INTERNAL_ERROR');
    expect(r.remediation).toEqual([]);
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
