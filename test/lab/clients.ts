import { createSocket } from 'node:dgram';
import { connect as netConnect } from 'node:net';
import * as tls from 'node:tls';
import { request as httpsRequest } from 'node:https';
import * as dnsPacket from 'dns-packet';
import * as mqtt from 'mqtt-packet';
import { readNtpTimestamp, writeNtpTimestamp } from '../../src/lab/ntp-server.js';

/**
 * Plain Node clients for the lab tests: nothing from src/probes, so the lab is checked against the
 * protocols themselves. Every client talks to 127.0.0.1 only and cleans up after itself.
 */

/** dns-packet's decoded packet: its type declarations leave out the decoded rcode and flag bits. */
export type DecodedPacket = dnsPacket.Packet & {
  rcode?: string;
  flag_rd?: boolean;
  flag_ra?: boolean;
  flag_tc?: boolean;
};

export async function dnsUdp(
  port: number,
  name: string,
  type: 'A' | 'AAAA' | 'CNAME' = 'A',
  timeoutMs = 1000,
): Promise<DecodedPacket | 'timeout'> {
  const sock = createSocket('udp4');
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve('timeout'), timeoutMs);
      sock.on('error', reject);
      sock.on('message', (msg) => {
        clearTimeout(timer);
        resolve(dnsPacket.decode(msg));
      });
      const q = dnsPacket.encode({
        type: 'query',
        id: 4242,
        flags: dnsPacket.RECURSION_DESIRED,
        questions: [{ name, type }],
      });
      sock.send(q, port, '127.0.0.1');
    });
  } finally {
    sock.close();
  }
}

export async function dnsTcp(
  port: number,
  name: string,
  type: 'A' | 'AAAA' = 'A',
  timeoutMs = 1000,
): Promise<DecodedPacket | 'timeout'> {
  const sock = netConnect(port, '127.0.0.1');
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve('timeout'), timeoutMs);
      let buf = Buffer.alloc(0);
      sock.on('error', reject);
      sock.on('data', (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        if (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
          clearTimeout(timer);
          resolve(dnsPacket.streamDecode(buf));
        }
      });
      sock.write(
        dnsPacket.streamEncode({
          type: 'query',
          id: 7,
          flags: dnsPacket.RECURSION_DESIRED,
          questions: [{ name, type }],
        }),
      );
    });
  } finally {
    sock.destroy();
  }
}

export interface NtpReply {
  leap: number;
  version: number;
  mode: number;
  stratum: number;
  refId: Buffer;
  origin: Buffer;
  sentOrigin: Buffer;
  offsetMs: number;
  delayMs: number;
  /** The four timestamps (Unix ms): our send and receive (t1, t4), the server's receive and transmit. */
  t1: number;
  t2: number;
  t3: number;
  t4: number;
}

export async function ntpQuery(port: number, version = 4, timeoutMs = 1000): Promise<NtpReply | 'timeout'> {
  const sock = createSocket('udp4');
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve('timeout'), timeoutMs);
      const req = Buffer.alloc(48);
      req[0] = (version << 3) | 3;
      req[2] = 6;
      const t1 = Date.now();
      writeNtpTimestamp(req, 40, t1);
      sock.on('error', reject);
      sock.on('message', (msg) => {
        clearTimeout(timer);
        const t4 = Date.now();
        const t2 = readNtpTimestamp(msg, 32);
        const t3 = readNtpTimestamp(msg, 40);
        resolve({
          leap: msg[0]! >> 6,
          version: (msg[0]! >> 3) & 7,
          mode: msg[0]! & 7,
          stratum: msg[1]!,
          refId: msg.subarray(12, 16),
          origin: msg.subarray(24, 32),
          sentOrigin: req.subarray(40, 48),
          offsetMs: (t2 - t1 + (t3 - t4)) / 2,
          delayMs: t4 - t1 - (t3 - t2),
          t1,
          t2,
          t3,
          t4,
        });
      });
      sock.send(req, port, '127.0.0.1');
    });
  } finally {
    sock.close();
  }
}

export interface TlsOutcome {
  authorized: boolean;
  error: string | null;
  protocol: string | null;
  issuer: tls.Certificate;
  subject: tls.Certificate;
  subjectAltName: string | undefined;
  ms: number;
}

export function tlsConnect(
  port: number,
  servername: string,
  ca: string[],
  extra: tls.ConnectionOptions = {},
): Promise<TlsOutcome> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: '127.0.0.1',
      port,
      servername,
      ca,
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.2',
      ...extra,
    });
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate();
      resolve({
        authorized: socket.authorized,
        error: socket.authorizationError ? String(socket.authorizationError) : null,
        protocol: socket.getProtocol(),
        issuer: peer.issuer,
        subject: peer.subject,
        subjectAltName: peer.subjectaltname,
        ms: performance.now() - started,
      });
      socket.destroy();
    });
    socket.once('error', (err: Error) => {
      socket.destroy();
      reject(err);
    });
  });
}

export interface HttpsOutcome {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

export function httpsGet(port: number, servername: string, ca: string[]): Promise<HttpsOutcome> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port,
        servername,
        ca,
        path: '/',
        method: 'GET',
        headers: { host: servername, connection: 'close' },
        agent: false,
        minVersion: 'TLSv1.2',
        maxVersion: 'TLSv1.2',
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export interface MqttOutcome {
  /** The first packet the broker sent, or the raw bytes when they were not MQTT. */
  packet: mqtt.Packet | null;
  raw: Buffer;
  /** The broker closed the connection after answering. */
  closed: boolean;
  ms: number;
}

export function mqttConnect(
  port: number,
  servername: string,
  ca: string[],
  protocolVersion: 4 | 5 = 4,
  timeoutMs = 2000,
): Promise<MqttOutcome> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, servername, ca, minVersion: 'TLSv1.2' });
    let raw = Buffer.alloc(0);
    let packet: mqtt.Packet | null = null;
    let answeredMs = 0;
    const parser = mqtt.parser({ protocolVersion });
    parser.on('packet', (p: mqtt.Packet) => {
      packet ??= p;
    });
    parser.on('error', () => undefined);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ packet, raw, closed: false, ms: performance.now() - started });
    }, timeoutMs);
    socket.once('secureConnect', () => {
      socket.write(
        mqtt.generate(
          {
            cmd: 'connect',
            protocolId: 'MQTT',
            protocolVersion,
            clientId: 'zapcheck-lab-test',
            clean: true,
            keepalive: 30,
          },
          { protocolVersion },
        ),
      );
    });
    socket.on('data', (chunk: Buffer) => {
      answeredMs ||= performance.now() - started;
      raw = Buffer.concat([raw, chunk]);
      parser.parse(chunk);
    });
    socket.once('close', () => {
      clearTimeout(timer);
      resolve({ packet, raw, closed: true, ms: answeredMs });
    });
    socket.once('error', (err: Error) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** Resolves with the socket error code of a plain TCP connect (null when it connected). */
export function tcpConnect(port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const s = netConnect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(null);
    });
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'ERROR'));
  });
}
