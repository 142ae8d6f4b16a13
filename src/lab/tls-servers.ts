import { once } from 'node:events';
import { createServer as createHttpsServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import * as tls from 'node:tls';
import * as mqtt from 'mqtt-packet';
import type { Endpoint } from '../profile/types.js';
import type { HttpAnswer, LabBehaviour, TlsVersionName } from './scenarios.js';
import { DelayedStream } from './delayed-stream.js';
import { PathStream } from './path-stream.js';
import type { Tracker } from './tracker.js';

/**
 * The lab's TLS listeners: one per (port, protocol) the profile uses, each on 127.0.0.1:<ephemeral>.
 * A plain TCP listener accepts the connection (and, with latency, wraps it in the delay relay) and
 * hands it to a non-listening TLS server, which picks the certificate by SNI and then speaks:
 * - https: HTTP/1.1, the scenario's answer to any request (default 200 "zapcheck lab");
 * - mqtts: an MQTT 3.1.1/5 broker (mqtt-packet) that, like Azure IoT Hub without valid credentials,
 *   answers CONNECT with CONNACK 5 / reason 0x87 (not authorized) and closes; or junk bytes;
 * - tls: completes the handshake and waits for the client to close.
 * Per scenario a port's firewall may stop TLS at the ClientHello (a fatal alert, or a TCP reset), and the
 * 443 servers may complete TLS and then never answer, or answer with bytes that are not HTTP.
 */

export interface HostCert {
  keyPem: string;
  chainPem: string;
  /**
   * Send exactly `chainPem` (a lone leaf): the context gets a trust store holding only this leaf, so
   * nothing completes the chain, and it is the listener's default context (see below).
   */
  exactChain?: boolean;
}

export interface TlsListener {
  port: number;
  protocol: Endpoint['protocol'];
  logicalPort: number;
  /** Connections accepted so far, for tests. */
  readonly accepted: number;
}

export const DEFAULT_HTTP_ANSWER: HttpAnswer = {
  status: 200,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: 'zapcheck lab\n',
};

/** What a non-MQTT server on 8883 might send back (e.g. a firewall's HTTP block page). */
const JUNK = Buffer.from('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');

/** What another service behind 443 answers an HTTP request with (an SSH server multiplexed on 443). */
const NOT_HTTP = Buffer.from('SSH-2.0-OpenSSH_9.6\r\nProtocol mismatch.\r\n');

/**
 * A fatal TLS alert record (RFC 8446 6, RFC 5246 7.2): content type 21, legacy version 3.3, length 2,
 * level 2 (fatal), description 49 (access_denied), as a firewall refusing the connection sends it.
 */
const ACCESS_DENIED_ALERT = Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x31]);

/** A firewall that stops TLS at the ClientHello: a fatal alert, or a TCP reset, once the first bytes arrive. */
function refuseTls(raw: Socket, how: 'alert' | 'reset'): void {
  raw.once('data', () => {
    if (how === 'reset') raw.resetAndDestroy();
    else raw.end(ACCESS_DENIED_ALERT);
  });
}

function versionOptions(v: { min: TlsVersionName; max: TlsVersionName; ciphers?: string } | undefined): {
  minVersion: TlsVersionName;
  maxVersion: TlsVersionName;
  ciphers?: string;
} {
  if (!v) return { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' };
  return { minVersion: v.min, maxVersion: v.max, ...(v.ciphers ? { ciphers: v.ciphers } : {}) };
}

function answerHttp(answer: HttpAnswer) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    req.resume();
    const body = Buffer.from(answer.body);
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) });
    res.end(body);
  };
}

function serveMqtt(socket: tls.TLSSocket, mode: 'connack' | 'junk'): void {
  const parser = mqtt.parser();
  parser.on('packet', (packet: mqtt.Packet) => {
    if (packet.cmd !== 'connect') return;
    if (mode === 'junk') {
      socket.end(JUNK);
      return;
    }
    const v5 = packet.protocolVersion === 5;
    const connack: mqtt.IConnackPacket = v5
      ? { cmd: 'connack', sessionPresent: false, reasonCode: 0x87 }
      : { cmd: 'connack', sessionPresent: false, returnCode: 5 };
    socket.end(mqtt.generate(connack, { protocolVersion: v5 ? 5 : 4 }));
  });
  parser.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => parser.parse(chunk));
}

export async function startTlsListener(opts: {
  protocol: Endpoint['protocol'];
  logicalPort: number;
  /** Certificate per SNI name; the first one also answers a client that sends no SNI. */
  certs: Map<string, HostCert>;
  behaviour: LabBehaviour;
  latencyMs: number;
  tracker: Tracker;
}): Promise<TlsListener> {
  const { protocol, logicalPort, certs, behaviour, latencyMs, tracker } = opts;
  const versions = versionOptions(behaviour.tls?.versions?.[logicalPort]);
  const contexts = new Map<string, tls.SecureContext>();
  for (const [name, c] of certs) {
    contexts.set(
      name,
      tls.createSecureContext({
        key: c.keyPem,
        cert: c.chainPem,
        ...(c.exactChain ? { ca: [c.chainPem] } : {}),
        ...versions,
      }),
    );
  }
  // The default context's chain is sent with whatever certificate the SNI context picks when that
  // context has no chain of its own (OpenSSL keeps the chain of the context the connection started
  // with): a leaf-only host must then be the default, or it would send the other hosts' intermediate.
  const first = [...certs.values()].find((c) => c.exactChain) ?? [...certs.values()][0];
  if (!first) throw new Error(`lab: no certificate for the listener on logical port ${logicalPort}`);
  const serverOptions: tls.TlsOptions = {
    key: first.keyPem,
    cert: first.chainPem,
    ...versions,
    SNICallback: (servername, cb) => cb(null, contexts.get(servername.toLowerCase())),
  };

  let tlsServer: tls.Server;
  const httpsFault = protocol === 'https' ? behaviour.httpsServer : undefined;
  if (httpsFault) {
    // TLS completes; then the request is never answered (silent), or answered with bytes that are not HTTP.
    tlsServer = tls.createServer(serverOptions, (socket) => {
      socket.on('error', () => socket.destroy());
      if (httpsFault === 'silent') socket.resume();
      else socket.once('data', () => socket.end(NOT_HTTP));
    });
  } else if (protocol === 'https') {
    tlsServer = createHttpsServer(serverOptions, answerHttp(behaviour.https ?? DEFAULT_HTTP_ANSWER));
  } else {
    tlsServer = tls.createServer(serverOptions, (socket) => {
      socket.on('error', () => socket.destroy());
      if (protocol === 'mqtts') serveMqtt(socket, behaviour.mqtt?.mode ?? 'connack');
    });
  }
  // A failed handshake (wrong version, client hung up) is the client's outcome to report, not ours.
  tlsServer.on('tlsClientError', (_err, socket) => socket.destroy());

  const listener = createNetServer();
  tracker.server(listener);
  const state = { accepted: 0 };
  listener.on('connection', (raw: Socket) => {
    tracker.socket(raw);
    state.accepted += 1;
    raw.on('error', () => raw.destroy());
    const refuse = behaviour.tls?.refuse?.[logicalPort];
    if (refuse) {
      refuseTls(raw, refuse);
      return;
    }
    // Injecting a connection into a TLS server is documented for any Duplex (tls.Server 'connection').
    const below = latencyMs > 0 ? new DelayedStream(raw, latencyMs, tracker) : raw;
    const { sniDrop, pathMtu } = behaviour.tls ?? {};
    const faulty = sniDrop !== undefined || pathMtu !== undefined;
    tlsServer.emit(
      'connection',
      faulty
        ? new PathStream(below, {
            ...(sniDrop !== undefined ? { dropName: sniDrop } : {}),
            ...(pathMtu !== undefined ? { mtu: pathMtu } : {}),
          })
        : below,
    );
  });
  listener.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  return {
    port: (listener.address() as AddressInfo).port,
    protocol,
    logicalPort,
    get accepted() {
      return state.accepted;
    },
  };
}
