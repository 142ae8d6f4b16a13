import net from 'node:net';
import tls from 'node:tls';
import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import { codeFromSocketError } from '../core/errors.js';
import type { ProbeResult } from '../core/errors.js';
import { describeError, errorCode, exchange } from './exchange.js';
import { sanitizeNetworkText } from './sanitize.js';
import { classifyTlsError, tlsConnectOptions } from './tls.js';
import type { HttpsInfo, HttpsProbeRequest } from './types.js';

/**
 * One HTTPS GET (RFC 9110 semantics, RFC 9112 HTTP/1.1 over TLS, RFC 2818) with Node's own HTTP/1.1
 * client (node:http, the llhttp parser built into Node), connected to
 * an IP address we chose (the site context's answer) while SNI, certificate name and Host header carry
 * the server name. Redirects are reported, never followed; at most 512 body bytes are read.
 */

export interface HttpsProbeInput extends HttpsProbeRequest {
  signal: AbortSignal;
  /** How the destination is named in messages; default `ip:port`. */
  label?: string;
  /** Port written in the Host header and used to resolve Location (the logical one); default `port`. */
  urlPort?: number;
  /**
   * A TLS socket to ip:port whose handshake for `servername` completed (the TLS check's, verified
   * against the same roots when `verify`): the request goes over it instead of a new connection.
   */
  socket?: tls.TLSSocket;
}

export const MAX_BODY_BYTES = 512;
export const MAX_HEADER_BYTES = 16 * 1024;
/** Node's message when the connection closed before a response: no reset, just a close. */
function hungUp(err: unknown): boolean {
  return err instanceof Error && err.message === 'socket hang up';
}

/** After the headers, how long the body may take at most before we return what we have. */
const BODY_WINDOW_MS = 1000;

const KEPT_HEADERS = new Set([
  'server',
  'via',
  'proxy-authenticate',
  'proxy-agent',
  'www-authenticate',
  'x-cache',
]);

function headerValue(v: string | string[] | undefined): string | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v.join(', ') : v;
}

/** The headers that tell a proxy, captive portal or CDN apart, sanitised and capped. */
export function diagnosticHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const [rawName, rawValue] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (!KEPT_HEADERS.has(name) && !name.startsWith('x-')) continue;
    const value = headerValue(rawValue);
    if (value === undefined) continue;
    out[sanitizeNetworkText(name, 64)] = sanitizeNetworkText(value, 200);
    if (++n >= 24) break;
  }
  return out;
}

function bodyText(buf: Buffer): string {
  // Line breaks and tabs become spaces; other control characters are escaped.
  return sanitizeNetworkText(buf.toString('utf8').replace(/[\r\n\t]+/g, ' '), MAX_BODY_BYTES);
}

export function probeHttps(req: HttpsProbeInput): Promise<ProbeResult<HttpsInfo>> {
  const label = req.label ?? `${req.ip}:${req.port}`;
  const urlPort = req.urlPort ?? req.port;
  const hostForUrl = net.isIPv4(req.servername) ? req.servername : req.servername.toLowerCase();
  const origin = `https://${hostForUrl}${urlPort === 443 ? '' : `:${urlPort}`}`;
  let stage: 'connect' | 'headers' | 'body' = 'connect';
  return exchange<HttpsInfo>(
    {
      signal: req.signal,
      timeoutMs: req.timeoutMs,
      what: `HTTPS answer from ${label}`,
      onTimeout: (limit) => ({
        code: 'TIMEOUT',
        message:
          stage === 'connect'
            ? `no answer from ${label} within ${limit} ms`
            : `no HTTP response from ${label} within ${limit} ms (the TLS connection was up)`,
      }),
    },
    (x) => {
      if (!net.isIPv4(req.ip)) {
        x.fail('INTERNAL', `not an IPv4 address: ${req.ip} (the charger is IPv4 only)`);
        return;
      }
      let connectError: unknown;
      let socketError: unknown;
      const sockets: tls.TLSSocket[] = [];
      x.defer(() => sockets.forEach((s) => s.destroy()));
      // The socket goes to the chosen IP; SNI, verification and the Host header use the name.
      const connect = (): tls.TLSSocket => {
        const ready = req.socket;
        let socket: tls.TLSSocket;
        if (ready) {
          socket = ready;
          stage = 'headers';
        } else {
          socket = tls.connect(tlsConnectOptions({ ...req, rejectUnauthorized: req.verify }));
          socket.once('secureConnect', () => {
            stage = 'headers';
          });
        }
        sockets.push(socket);
        socket.on('error', (err) => {
          if (stage === 'connect') connectError ??= err;
          else socketError ??= err;
        });
        return socket;
      };
      const request = http.request({
        method: 'GET',
        path: req.path.startsWith('/') ? req.path : `/${req.path}`,
        // No agent (no pool, no keep-alive): with createConnection and no agent, Node uses this socket.
        createConnection: connect,
        maxHeaderSize: MAX_HEADER_BYTES,
        setHost: false,
        headers: {
          host: urlPort === 443 ? hostForUrl : `${hostForUrl}:${urlPort}`,
          'user-agent': 'zapcheck (network readiness probe)',
          accept: '*/*',
        },
      });
      x.defer(() => request.destroy());

      const onError = (err: unknown): void => {
        if (x.settled) return;
        const e = connectError ?? err;
        if (connectError !== undefined || stage === 'connect') {
          const c = classifyTlsError(e, label);
          x.fail(c.code, c.message, e);
          return;
        }
        const code = errorCode(err) ?? '';
        const reset = codeFromSocketError(socketError) === 'RESET' || (code === 'ECONNRESET' && !hungUp(err));
        if (code === 'HPE_HEADER_OVERFLOW') {
          x.fail('TOO_LARGE', `the HTTP headers from ${label} exceed ${MAX_HEADER_BYTES} bytes`, err);
        } else if (code.startsWith('HPE_')) {
          x.fail(
            'PROTOCOL',
            `${label} did not answer with valid HTTP (${sanitizeNetworkText(describeError(err), 200)})`,
            err,
          );
        } else if (reset) {
          x.fail('RESET', `${label} reset the connection before an HTTP response`, err);
        } else if (code === 'ECONNRESET') {
          x.fail('PROTOCOL', `${label} closed the connection without an HTTP response`, err);
        } else {
          x.fail(
            'PROTOCOL',
            `HTTP exchange with ${label} failed: ${sanitizeNetworkText(describeError(err), 200)}`,
            err,
          );
        }
      };

      const onResponse = (res: IncomingMessage): void => {
        stage = 'body';
        const headers = res.headers;
        const location = headerValue(headers.location);
        let absolute: string | null = null;
        if (location !== undefined) {
          try {
            absolute = sanitizeNetworkText(new URL(location, `${origin}${req.path}`).toString(), 1000);
          } catch {
            absolute = sanitizeNetworkText(location, 1000);
          }
        }
        const contentType = headerValue(headers['content-type']);
        const chunks: Buffer[] = [];
        let size = 0;
        const done = (): void => {
          res.destroy();
          x.ok({
            status: res.statusCode ?? 0,
            location: absolute,
            contentType: contentType === undefined ? null : sanitizeNetworkText(contentType, 200),
            bodySnippet: bodyText(Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES)),
            headers: diagnosticHeaders(headers),
          });
        };
        // The body gets a short window of its own: a trickling or endless body must not cost the status.
        const bodyTimer = setTimeout(
          done,
          Math.min(BODY_WINDOW_MS, Math.max(0, req.timeoutMs - x.elapsed() - 20)),
        );
        x.defer(() => clearTimeout(bodyTimer));
        x.defer(() => res.destroy());
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= MAX_BODY_BYTES) done();
        });
        res.on('end', done);
        res.on('aborted', done);
        res.on('error', () => {
          // A body cut short still leaves the status and headers as evidence.
          done();
        });
      };

      request.on('response', onResponse);
      request.on('error', onError);
      request.end();
    },
  );
}
