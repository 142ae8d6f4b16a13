import { randomBytes } from 'node:crypto';
import type { Check, CheckFamily } from '../core/check.js';
import { outcome } from '../core/check.js';
import type { Endpoint } from '../profile/types.js';
import { addressesFrom, connectionKey, dnsCheckId, it, seconds } from './shared.js';
import { tlsCheckId } from './tls.js';
import { softenOptional } from './optional.js';
import { en, type MessageKey } from '../i18n/en.js';

/**
 * R7, on by default (`--no-mqtt-connect` opts out): one MQTT 3.1.1 CONNECT over TLS with a random probe
 * client id and no password. Any CONNACK proves an MQTT broker answers end to end; Azure IoT Hub answers
 * 5 (not authorized), which is the expected answer to an anonymous probe. A real charger's identity is
 * never sent. A TLS handshake alone does not prove a broker answers, so with the probe switched off the
 * check is `skip` with cause MQTT_NOT_TRIED (never a pass): the report shows MQTT was not tried.
 */

/**
 * What a CONNACK's return code means, in words: MQTT 3.1.1 section 3.2.2.3 (0-5), and the MQTT 5.0 reason
 * codes (section 3.2.2.2) a 5.0 broker may put in the same two-byte CONNACK when it refuses a 3.1.1
 * client. Any other byte is "an unknown code".
 */
const CONNACK_CODES = new Set([
  0, 1, 2, 3, 4, 5, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8c, 0x90, 0x95, 0x97,
  0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9f,
]);

export function connackMeaningKey(code: number): MessageKey {
  return (CONNACK_CODES.has(code) ? `mqtt.connack.${code}` : 'mqtt.connack.unknown') as MessageKey;
}

export function probeClientId(): string {
  return `zapcheck-probe-${randomBytes(6).toString('hex')}`;
}

export function mqttCheck(endpoint: Endpoint): Check {
  const { host, port } = endpoint;
  const dnsId = dnsCheckId(host);
  const tlsId = tlsCheckId(endpoint);
  return {
    id: `mqtt:${host}:${port}`,
    kind: 'mqtt',
    title: `MQTT ${host}:${port}`,
    target: { host, port, protocol: 'mqtts' },
    needs: [dnsId, tlsId],
    budgetShare: 0.5,
    async run({ ctx, probes, deps, budgetMs }) {
      const t = ctx.t;
      const ip = addressesFrom(deps[dnsId])[0] ?? '';
      const trust = ctx.trustFor(endpoint);
      const clientId = probeClientId();
      const r = await probes.mqtt({
        ip,
        port,
        servername: host,
        ca: trust.roots,
        verify: trust.roots.length > 0 && trust.kind !== 'issuer',
        clientId,
        timeoutMs: budgetMs,
        // The TLS check's verified connection, when it is still fresh.
        reuse: connectionKey(endpoint),
      });
      const vars = { host, port, limit: seconds(budgetMs, ctx.t) };
      if (r.ok) {
        const key = connackMeaningKey(r.value.returnCode);
        // The evidence keeps the English words (stable for CI); the summary is in the run's language.
        const evidence = { clientId, returnCode: r.value.returnCode, meaning: en[key], ms: Math.round(r.ms) };
        const meaning = t(key);
        return outcome('pass', 'OK', t('mqtt.ok', { ...vars, code: r.value.returnCode, meaning }), evidence);
      }
      const evidence = { clientId, error: r.error.code, message: r.error.message };
      if (r.error.code === 'BLOCKED') {
        return outcome('error', 'GUARD_BLOCKED', t('guard.blocked', { what: `${host}:${port}` }), evidence);
      }
      if (r.error.code === 'INTERNAL') {
        // zapcheck broke (e.g. a module that would not load): not evidence about the site's network.
        return outcome('error', 'INTERNAL_ERROR', t('run.internal', { message: r.error.message }), evidence);
      }
      const key =
        r.error.code === 'PROTOCOL' || r.error.code === 'TOO_LARGE' ? 'mqtt.notmqtt' : 'mqtt.noconnack';
      return outcome('fail', 'MQTT_NO_CONNACK', t(key, vars), evidence, [it(t('mqtt.noconnack.fix', vars))]);
    },
  };
}

/** The MQTT check when the probe is switched off: after a working TLS handshake, "not tried". */
export function mqttNotTriedCheck(endpoint: Endpoint): Check {
  const real = mqttCheck(endpoint);
  const { host, port } = endpoint;
  return {
    ...real,
    run({ ctx }) {
      return Promise.resolve(
        outcome('skip', 'MQTT_NOT_TRIED', ctx.t('mqtt.nottried', { host, port }), { mqttConnect: false }),
      );
    },
  };
}

export const mqttFamily: CheckFamily = {
  kind: 'mqtt',
  plan: (ctx) =>
    ctx.profile.endpoints
      .filter((e) => e.protocol === 'mqtts')
      .map((e) => (ctx.options.mqttConnect ? softenOptional(mqttCheck(e), e, ctx) : mqttNotTriedCheck(e))),
};
