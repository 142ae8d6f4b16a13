import tls from 'node:tls';
import mqttPacket from 'mqtt-packet';
import type { IConnectPacket, Packet } from 'mqtt-packet';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeLeaf, makeRoot } from '../../src/lab/ca.js';
import type { CertAuthority, IssuedCert } from '../../src/lab/ca.js';
import { judgeConnack, probeMqtt } from '../../src/probes/mqtt.js';
import { closeAll, listen, never } from './servers.js';
import { withFakeLimit } from '../helpers/timing.js';

afterEach(closeAll);

const HUB = 'hub.example.test';
let root: CertAuthority;
let leaf: IssuedCert;

beforeAll(async () => {
  root = await makeRoot({ name: { CN: 'MQTT Probe Test Root' } });
  leaf = await makeLeaf({ issuer: root, sans: [HUB] });
});

/** A TLS "broker": parses what the client sends with mqtt-packet and answers with `answer(packet)`. */
async function broker(
  answer: (p: Packet, s: tls.TLSSocket) => void,
): Promise<{ port: number; got: Packet[] }> {
  const got: Packet[] = [];
  const port = await listen(
    tls.createServer({ key: leaf.keyPem, cert: leaf.chainPem }, (s) => {
      s.on('error', () => undefined);
      const parser = mqttPacket.parser({ protocolVersion: 4 });
      parser.on('packet', (p: Packet) => {
        got.push(p);
        answer(p, s);
      });
      s.on('data', (d: Buffer) => parser.parse(d));
    }),
  );
  return { port, got };
}

const ask = (port: number, extra: Partial<Parameters<typeof probeMqtt>[0]> = {}) =>
  probeMqtt({
    ip: '127.0.0.1',
    port,
    servername: HUB,
    ca: [root.pem],
    verify: true,
    clientId: 'zapcheck-probe-5f3a',
    timeoutMs: 20_000, // never waited out: a test that means the limit sets its own, on a fake clock
    signal: never,
    ...extra,
  });

describe('probeMqtt', () => {
  it('returns CONNACK 5 (not authorized, what IoT Hub tells an anonymous client) as ok', async () => {
    const b = await broker((p, s) => {
      if (p.cmd === 'connect')
        s.end(mqttPacket.generate({ cmd: 'connack', returnCode: 5, sessionPresent: false }));
    });
    const r = await ask(b.port);
    expect(r.ok && r.value).toEqual({ returnCode: 5, sessionPresent: false });
    const connect = b.got[0] as IConnectPacket;
    expect(connect).toMatchObject({
      cmd: 'connect',
      protocolId: 'MQTT',
      protocolVersion: 4,
      clean: true,
      keepalive: 60,
      clientId: 'zapcheck-probe-5f3a',
    });
    expect(connect.username).toBeUndefined();
    expect(connect.password).toBeUndefined();
  });

  it('returns CONNACK 0 with session present, and says goodbye', async () => {
    const b = await broker((p, s) => {
      if (p.cmd === 'connect')
        s.write(mqttPacket.generate({ cmd: 'connack', returnCode: 0, sessionPresent: true }));
    });
    const r = await ask(b.port);
    expect(r.ok && r.value).toEqual({ returnCode: 0, sessionPresent: true });
  });

  it('says PROTOCOL at the first byte of junk, and for a huge announced packet', async () => {
    const junk = await broker((_p, s) => s.write('HTTP/1.1 400 Bad Request\r\n\r\n'));
    const a = await ask(junk.port);
    expect(a.ok ? 'ok' : a.error.code).toBe('PROTOCOL');
    if (!a.ok) expect(a.error.message).toMatch(/not MQTT: first byte 0x48/);
    // A PUBLISH announcing 256 MB: judged by its header, never buffered.
    const huge = await broker((_p, s) => s.write(Buffer.from([0x30, 0xff, 0xff, 0xff, 0x7f])));
    const b = await ask(huge.port);
    expect(b.ok ? 'ok' : b.error.code).toBe('PROTOCOL');
  });

  it('says TIMEOUT when no CONNACK comes', async () => {
    const b = await broker(() => undefined);
    const r = await withFakeLimit(
      () => ask(b.port, { timeoutMs: 400 }),
      async (at) => {
        await at.until(() => b.got.length > 0, 'the broker read CONNECT');
        await at.advance(399);
        expect(at.settled()).toBe(false);
        await at.advance(1);
      },
    );
    expect(r.ok ? 'ok' : r.error.message).toBe(
      `no CONNACK from 127.0.0.1:${b.port} within 400 ms (TLS was up, CONNECT sent)`,
    );
    expect(b.got).toHaveLength(1);
  });

  it('says TLS_CERT for an untrusted broker when verifying', async () => {
    const b = await broker((p, s) => {
      if (p.cmd === 'connect')
        s.end(mqttPacket.generate({ cmd: 'connack', returnCode: 5, sessionPresent: false }));
    });
    const other = await makeRoot({ name: { CN: 'Other Root' } });
    const r = await ask(b.port, { ca: [other.pem] });
    expect(r.ok ? 'ok' : r.error.code).toBe('TLS_CERT');
    expect(b.got).toHaveLength(0);
    const u = await ask(b.port, { ca: [other.pem], verify: false });
    expect(u.ok && u.value.returnCode).toBe(5);
  });

  it('says RESET when the broker closes without a CONNACK', async () => {
    const b = await broker((_p, s) => s.end());
    const r = await ask(b.port);
    expect(r.ok ? 'ok' : r.error.code).toBe('RESET');
    if (!r.ok) expect(r.error.message).toMatch(/without a CONNACK/);
  });
});

describe('judgeConnack (pure)', () => {
  it('waits for four bytes, refuses reserved flags and wrong lengths', () => {
    expect(judgeConnack(Buffer.from([0x20]))).toEqual({ kind: 'need-more' });
    expect(judgeConnack(Buffer.from([0x20, 0x02, 0x00]))).toEqual({ kind: 'need-more' });
    expect(judgeConnack(Buffer.from([0x20, 0x02, 0x01, 0x05]))).toEqual({
      kind: 'connack',
      returnCode: 5,
      sessionPresent: true,
    });
    expect(judgeConnack(Buffer.from([0x20, 0x03])).kind).toBe('junk');
    expect(judgeConnack(Buffer.from([0x20, 0x02, 0x02, 0x00])).kind).toBe('junk');
    expect(judgeConnack(Buffer.from([0x21])).kind).toBe('junk');
  });
});
