import net from 'node:net';
import tls from 'node:tls';
import { createRequire } from 'node:module';
import type * as MqttPacket from 'mqtt-packet';
import type { ProbeResult } from '../core/errors.js';
import { exchange } from './exchange.js';
import { sanitizeNetworkText } from './sanitize.js';
import { classifyTlsError, tlsConnectOptions } from './tls.js';
import type { MqttInfo, MqttProbeRequest } from './types.js';

// A plain require() the executable's bundler can see and bundle (bin/sea/build.js strips this line; the
// npm build keeps it and finds node_modules). Loaded on first use only.
const require = createRequire(import.meta.url);

/**
 * One MQTT 3.1.1 CONNECT over TLS (OASIS MQTT 3.1.1, sections 3.1 and 3.2; port 8883 per section 5)
 * and the CONNACK it earns. Any CONNACK is the answer: an anonymous probe at Azure IoT Hub gets return
 * code 5 (not authorized), which proves the path end to end.
 *
 * Why mqtt-packet over our own TLS socket and not the `mqtt` client: the client buffers an incoming
 * packet of any announced size (v3.1.1 has no maximum packet size), so a peer that sends junk whose
 * first bytes read as a huge length keeps it waiting until the timeout instead of failing; it reports
 * TLS and MQTT failures through the same 'error' event in different shapes; and it carries reconnect
 * machinery a single probe must switch off piece by piece. A CONNACK is exactly four bytes
 * (0x20 0x02 flags code), so checking them as they arrive tells junk at the first byte.
 */

export interface MqttProbeInput extends MqttProbeRequest {
  signal: AbortSignal;
  /** How the destination is named in messages; default `ip:port`. */
  label?: string;
  /** A TLS socket to ip:port whose handshake completed (the TLS check's): CONNECT goes over it. */
  socket?: tls.TLSSocket;
}

const CONNACK_LENGTH = 4;

/** Encodes the probe's CONNECT: MQTT 3.1.1 (level 4), clean session, keep-alive 60 s, no credentials. */
export function encodeMqttConnect(clientId: string): Buffer {
  // Loaded on first use: only --mqtt-connect sends a CONNECT, and mqtt-packet brings readable-stream,
  // bl and debug (about 40 files; 180 ms of start-up on a loaded 2-core machine).
  const mqttPacket = require('mqtt-packet') as typeof MqttPacket;
  return mqttPacket.generate({
    cmd: 'connect',
    protocolId: 'MQTT',
    protocolVersion: 4,
    clean: true,
    clientId,
    keepalive: 60,
  });
}

export type ConnackVerdict =
  | { kind: 'need-more' }
  | { kind: 'junk'; reason: string }
  | { kind: 'connack'; returnCode: number; sessionPresent: boolean };

/** Judges the first bytes of the server's stream against a 3.1.1 CONNACK (section 3.2). */
export function judgeConnack(buf: Buffer): ConnackVerdict {
  if (buf.length >= 1 && buf[0] !== 0x20) {
    const type = buf[0]! >> 4;
    return {
      kind: 'junk',
      reason: `first byte 0x${buf[0]!.toString(16).padStart(2, '0')} is not a CONNACK (packet type ${type})`,
    };
  }
  if (buf.length >= 2 && buf[1] !== 0x02) {
    return { kind: 'junk', reason: `CONNACK remaining length is ${buf[1]!}, expected 2` };
  }
  if (buf.length < CONNACK_LENGTH) return { kind: 'need-more' };
  const flags = buf[2]!;
  if ((flags & 0xfe) !== 0) {
    return { kind: 'junk', reason: `CONNACK acknowledge flags 0x${flags.toString(16)} set reserved bits` };
  }
  return { kind: 'connack', returnCode: buf[3]!, sessionPresent: (flags & 0x01) === 1 };
}

export function probeMqtt(req: MqttProbeInput): Promise<ProbeResult<MqttInfo>> {
  const label = req.label ?? `${req.ip}:${req.port}`;
  let stage: 'connect' | 'connack' = 'connect';
  return exchange<MqttInfo>(
    {
      signal: req.signal,
      timeoutMs: req.timeoutMs,
      what: `MQTT answer from ${label}`,
      onTimeout: (limit) => ({
        code: 'TIMEOUT',
        message:
          stage === 'connack'
            ? `no CONNACK from ${label} within ${limit} ms (TLS was up, CONNECT sent)`
            : `no answer from ${label} within ${limit} ms`,
      }),
    },
    (x) => {
      if (!net.isIPv4(req.ip)) {
        x.fail('INTERNAL', `not an IPv4 address: ${req.ip} (the charger is IPv4 only)`);
        return;
      }
      const connect = encodeMqttConnect(req.clientId);
      const socket = req.socket ?? tls.connect(tlsConnectOptions({ ...req, rejectUnauthorized: req.verify }));
      x.defer(() => socket.destroy());
      let received = Buffer.alloc(0);
      if (req.socket) {
        stage = 'connack';
        socket.write(connect);
      } else {
        socket.once('secureConnect', () => {
          stage = 'connack';
          socket.write(connect);
        });
      }
      socket.on('data', (chunk: Buffer) => {
        if (x.settled) return;
        // Never hold more than a CONNACK's worth: anything longer is judged on its first four bytes.
        received = Buffer.concat([received, chunk]).subarray(0, CONNACK_LENGTH);
        const v = judgeConnack(received);
        if (v.kind === 'need-more') return;
        if (v.kind === 'junk') {
          x.fail(
            'PROTOCOL',
            `${label} answered with something that is not MQTT: ${sanitizeNetworkText(v.reason, 200)}`,
          );
          return;
        }
        if (v.returnCode === 0) {
          // Accepted (an open broker): queue a DISCONNECT (best effort: the socket is destroyed next).
          socket.end(Buffer.from([0xe0, 0x00]));
        }
        x.ok({ returnCode: v.returnCode, sessionPresent: v.sessionPresent });
      });
      socket.on('end', () => {
        if (x.settled) return;
        x.fail(
          stage === 'connack' ? 'RESET' : 'TLS_HANDSHAKE',
          stage === 'connack'
            ? `${label} closed the connection without a CONNACK${received.length ? ` (${received.length} bytes of one)` : ''}`
            : `${label} closed the connection during the TLS handshake`,
        );
      });
      socket.on('error', (err) => {
        if (x.settled) return;
        // After CONNECT this is usually a reset; in TLS 1.3 a late alert (e.g. a client certificate
        // demanded) also lands here, and stays a handshake failure.
        const c = classifyTlsError(err, label);
        x.fail(c.code, stage === 'connack' ? `after CONNECT: ${c.message}` : c.message, err);
      });
    },
  );
}
