import net from 'node:net';
import tls from 'node:tls';
import type { DetailedPeerCertificate, PeerCertificate } from 'node:tls';
import { codeFromSocketError } from '../core/errors.js';
import type { ProbeErrorCode, ProbeResult } from '../core/errors.js';
import { describeError, errorCode, exchange } from './exchange.js';
import { sanitizeNetworkText } from './sanitize.js';
import type { CertInfo, TlsInfo, TlsProbeRequest } from './types.js';

/**
 * A TLS handshake (RFC 8446 / RFC 5246) as evidence: the chain is verified against exactly the roots
 * given (RFC 5280 path validation by OpenSSL, RFC 6125 name check by Node) but never rejected here; the
 * result says whether it verified and why not. Passing `ca` to Node replaces its trust store entirely:
 * neither the bundled Mozilla roots, the OS store nor NODE_EXTRA_CA_CERTS are consulted (tested).
 */

export interface TlsProbeInput extends TlsProbeRequest {
  signal: AbortSignal;
  /** How the destination is named in messages; default `ip:port`. */
  label?: string;
  /** A TCP socket already connected to ip:port (the TCP check's): the handshake runs over it. */
  socket?: net.Socket;
  /** Takes the TLS socket after a completed handshake instead of closing it (for the HTTPS check). */
  keep?: (socket: tls.TLSSocket) => void;
}

/** OpenSSL verification results and Node's name check: the handshake worked, the chain did not verify. */
const CERT_ERROR =
  /^(CERT_|UNABLE_TO_|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED|ERR_TLS_CERT_ALTNAME|HOSTNAME_MISMATCH|INVALID_CA|INVALID_PURPOSE|PATH_LENGTH_EXCEEDED|ERROR_IN_CERT|ERROR_IN_CRL|CRL_|KEYUSAGE_NO_CERTSIGN|INVALID_NON_CA|PROXY_PATH_LENGTH|SUBJECT_ISSUER_MISMATCH|AKID_)/;

export function isCertificateError(err: unknown): boolean {
  const code = errorCode(err);
  return code !== undefined && CERT_ERROR.test(code);
}

/** The OpenSSL reason of a TLS error ("wrong version number", "tlsv1 alert protocol version"), else its message. */
export function tlsReason(err: unknown): string {
  const reason = (err as { reason?: unknown } | null)?.reason;
  if (typeof reason === 'string' && reason.length > 0) return sanitizeNetworkText(reason, 200);
  return sanitizeNetworkText(describeError(err), 300);
}

/**
 * Maps an error from a TLS socket (or from a client that used one) to a probe error. `connected`:
 * whether TCP had connected, which tells a dropped SYN from a server that never answered the hello.
 */
export function classifyTlsError(err: unknown, label: string): { code: ProbeErrorCode; message: string } {
  const code = errorCode(err);
  if (isCertificateError(err)) {
    return { code: 'TLS_CERT', message: `the certificate of ${label} did not verify: ${code ?? 'unknown'}` };
  }
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'ECONNRESET' && /before secure TLS connection/i.test(message)) {
    return {
      code: 'TLS_HANDSHAKE',
      message: `${label} closed the connection during the TLS handshake (no valid server hello)`,
    };
  }
  const socketCode = codeFromSocketError(err);
  switch (socketCode) {
    case 'REFUSED':
      return {
        code: socketCode,
        message: `${label} refused the connection (RST: rejected, or nothing listens)`,
      };
    case 'RESET':
      return {
        code: socketCode,
        message: `${label} reset the connection during the TLS handshake (${code ?? 'RST'})`,
      };
    case 'UNREACHABLE':
      return { code: socketCode, message: `no route to ${label} (${describeError(err)})` };
    case 'TIMEOUT':
      return { code: socketCode, message: `no answer from ${label} (${describeError(err)})` };
    default:
      return { code: 'TLS_HANDSHAKE', message: `TLS handshake with ${label} failed: ${tlsReason(err)}` };
  }
}

/**
 * One SecureContext per list of roots (and versions and ciphers), shared by the connections of a run:
 * building one parses every root, and with Node's bundled Mozilla roots that took 15-40 ms of CPU and
 * about 1.3 MB each on the 2-core machine, once per TLS, HTTPS and MQTT connection. A shared context gives
 * a client no session resumption (Node resumes only when given a `session`), so every handshake is still
 * a full one and the evidence is the same. Keyed by content; the few most recent are kept.
 */
const secureContexts = new Map<string, tls.SecureContext>();
const SECURE_CONTEXTS_KEPT = 8;

export function secureContextFor(
  ca: readonly string[],
  o: { minVersion?: tls.SecureVersion; maxVersion?: tls.SecureVersion; ciphers?: string } = {},
): tls.SecureContext {
  const key = `${o.minVersion ?? ''} ${o.maxVersion ?? ''} ${o.ciphers ?? ''}\n${ca.join('\n')}`;
  let context = secureContexts.get(key);
  if (context) {
    // Most recently used last.
    secureContexts.delete(key);
  } else {
    context = tls.createSecureContext({
      // Exactly these roots, even none: an empty list means nothing verifies (Node does not fall back).
      ca: [...ca],
      ...(o.minVersion ? { minVersion: o.minVersion } : {}),
      ...(o.maxVersion ? { maxVersion: o.maxVersion } : {}),
      ...(o.ciphers ? { ciphers: o.ciphers } : {}),
    });
    if (secureContexts.size >= SECURE_CONTEXTS_KEPT) {
      secureContexts.delete(secureContexts.keys().next().value!);
    }
  }
  secureContexts.set(key, context);
  return context;
}

/** Options for tls.connect shared by the TLS, HTTPS and MQTT probes. */
export function tlsConnectOptions(
  q: {
    ip: string;
    port: number;
    servername: string;
    ca: readonly string[];
    rejectUnauthorized: boolean;
  },
  /** Versions and ciphers belong to the context (tls.connect ignores them beside one). */
  context: Parameters<typeof secureContextFor>[1] = {},
): tls.ConnectionOptions & { family: 4; noDelay: true } {
  // `family` reaches net.Socket#connect (the types omit it); the host is an IPv4 literal anyway.
  return {
    host: q.ip,
    port: q.port,
    family: 4,
    // TCP_NODELAY, as curl and openssl s_client: otherwise Nagle holds the first request (HTTP, MQTT
    // CONNECT) written right after the client's Finished until the server ACKs it, which a delayed ACK
    // makes up to 40 ms (Linux) or 200 ms (Windows) late on top of the network's own latency.
    noDelay: true,
    // RFC 6066 forbids an IP address in SNI (Node warns); then the name check uses the host instead.
    ...(net.isIP(q.servername) ? {} : { servername: q.servername }),
    secureContext: secureContextFor(q.ca, context),
    rejectUnauthorized: q.rejectUnauthorized,
  };
}

function nameField(v: string | string[] | undefined): string | undefined {
  if (v === undefined) return undefined;
  return sanitizeNetworkText(Array.isArray(v) ? v.join(', ') : v, 256);
}

function nameOf(n: tls.Certificate | undefined): CertInfo['subject'] {
  const out: CertInfo['subject'] = {};
  if (!n) return out;
  // Node types these as strings; a multi-valued RDN arrives as an array.
  const rec = n as unknown as Record<string, string | string[] | undefined>;
  const cn = nameField(rec.CN);
  const o = nameField(rec.O);
  const ou = nameField(rec.OU);
  if (cn !== undefined) out.CN = cn;
  if (o !== undefined) out.O = o;
  if (ou !== undefined) out.OU = ou;
  return out;
}

/**
 * Splits Node's subjectaltname ("DNS:a, DNS:b, IP Address:1.2.3.4"; values with odd characters are
 * JSON-quoted since CVE-2021-44533). DNS names are returned bare, other kinds keep their prefix.
 */
export function parseSubjectAltNames(s: string | undefined): string[] {
  if (!s) return [];
  const out: string[] = [];
  const re = /(?:^|,\s*)([A-Za-z][A-Za-z ]*):("(?:[^"\\]|\\.)*"|[^,]*)/g;
  for (const m of s.matchAll(re)) {
    const kind = m[1] ?? '';
    let value = m[2] ?? '';
    if (value.startsWith('"')) {
      try {
        value = String(JSON.parse(value));
      } catch {
        value = value.slice(1, -1);
      }
    }
    value = sanitizeNetworkText(value.trim(), 256);
    out.push(kind === 'DNS' ? value : `${sanitizeNetworkText(kind, 20)}:${value}`);
    if (out.length >= 100) break;
  }
  return out;
}

function isoDate(s: string | undefined): string {
  if (!s) return '';
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? sanitizeNetworkText(s, 40) : d.toISOString();
}

function sameName(a: CertInfo['subject'], b: CertInfo['subject']): boolean {
  return a.CN === b.CN && a.O === b.O && a.OU === b.OU;
}

export function certInfo(c: PeerCertificate | DetailedPeerCertificate): CertInfo {
  const subject = nameOf(c.subject);
  const issuer = nameOf(c.issuer);
  const issuerCert = (c as Partial<DetailedPeerCertificate>).issuerCertificate;
  // Self-signed: names match and the issuer Node linked is this very certificate (when it linked one).
  const selfSigned =
    sameName(subject, issuer) && (issuerCert === undefined || issuerCert.fingerprint256 === c.fingerprint256);
  return {
    subject,
    issuer,
    subjectAltNames: parseSubjectAltNames(c.subjectaltname),
    validFrom: isoDate(c.valid_from),
    validTo: isoDate(c.valid_to),
    serialNumber: sanitizeNetworkText(c.serialNumber ?? '', 128),
    fingerprint256: sanitizeNetworkText(c.fingerprint256 ?? '', 128),
    isCA: (c as { ca?: unknown }).ca === true,
    selfSigned,
    caIssuers: caIssuersOf(c),
  };
}

/** The leaf's AIA "CA Issuers" URLs (Node: infoAccess['CA Issuers - URI']), sanitised, at most 4. */
function caIssuersOf(c: PeerCertificate): string[] {
  const urls = c.infoAccess?.['CA Issuers - URI'];
  return Array.isArray(urls) ? urls.slice(0, 4).map((u) => sanitizeNetworkText(String(u), 256)) : [];
}

/** The peer chain, leaf first: follows issuerCertificate until a self-issued certificate or a repeat. */
export function peerChain(leaf: DetailedPeerCertificate | PeerCertificate | undefined, max = 10): CertInfo[] {
  const chain: CertInfo[] = [];
  const seen = new Set<string>();
  let cur = leaf as DetailedPeerCertificate | undefined;
  while (cur && Object.keys(cur).length > 0 && chain.length < max) {
    const fp = cur.fingerprint256;
    if (seen.has(fp)) break;
    seen.add(fp);
    chain.push(certInfo(cur));
    const next = cur.issuerCertificate as DetailedPeerCertificate | undefined;
    if (!next || next.fingerprint256 === fp) break;
    cur = next;
  }
  return chain;
}

/**
 * The handshake always runs over a TCP socket this probe holds (the TCP check's, or its own), so the
 * bytes the server sent back after the ClientHello can be counted under the TLS layer (`bytesRead` of
 * the TCP socket: what arrived in order, whatever TLS made of it). A handshake that stalls after TCP
 * connected reports that count (`error.bytesReceived`): nothing at all, or a reply that started and
 * stopped, are different faults (src/checks/tls.ts).
 */
export function probeTls(req: TlsProbeInput): Promise<ProbeResult<TlsInfo>> {
  const label = req.label ?? `${req.ip}:${req.port}`;
  let tcpConnected = false;
  let tcp: net.Socket | undefined;
  const received = (): number | undefined => (tcpConnected && tcp ? tcp.bytesRead : undefined);
  return exchange<TlsInfo>(
    {
      signal: req.signal,
      timeoutMs: req.timeoutMs,
      what: `TLS answer from ${label}`,
      onTimeout: (limit) => {
        const bytes = received();
        if (bytes === undefined)
          return { code: 'TIMEOUT', message: `no answer from ${label} within ${limit} ms` };
        return {
          code: 'TIMEOUT',
          message:
            bytes === 0
              ? `TCP connected but nothing came back from ${label} after the TLS ClientHello within ${limit} ms`
              : `TCP connected; the TLS answer from ${label} stopped after ${bytes} bytes (no complete handshake within ${limit} ms)`,
          bytesReceived: bytes,
        };
      },
    },
    (x) => {
      if (!net.isIPv4(req.ip)) {
        x.fail('INTERNAL', `not an IPv4 address: ${req.ip} (the charger is IPv4 only)`);
        return;
      }
      const options = tlsConnectOptions(
        { ...req, rejectUnauthorized: false },
        {
          ...(req.minVersion ? { minVersion: req.minVersion } : {}),
          ...(req.maxVersion ? { maxVersion: req.maxVersion } : {}),
          ...(req.ciphers ? { ciphers: req.ciphers } : {}),
        },
      );
      if (req.socket) tcpConnected = true;
      // Without the TCP check's socket, connect one here (tls.connect accepts a socket still connecting).
      const raw =
        req.socket ?? net.connect({ host: options.host!, port: options.port!, family: 4, noDelay: true });
      tcp = raw;
      // The TLS socket reports the TCP socket's errors too; the TCP socket must not throw them unheard.
      raw.on('error', () => undefined);
      raw.once('connect', () => {
        tcpConnected = true;
      });
      const socket = tls.connect({
        ...options,
        socket: raw,
        ...(req.alpn?.length ? { ALPNProtocols: req.alpn } : {}),
      });
      let kept = false;
      x.defer(() => {
        if (kept) return;
        socket.destroy();
        raw.destroy();
      });
      socket.once('secureConnect', () => {
        // Typed as Error, but Node stores the code (or message) string: verifyError.code || .message.
        const authError: unknown = socket.authorizationError;
        const authText =
          typeof authError === 'string'
            ? authError
            : authError instanceof Error
              ? (errorCode(authError) ?? authError.message)
              : 'unknown';
        const peer = socket.getPeerCertificate(true);
        // Set before ok(): settling runs the clean-up, which must leave a kept socket open.
        kept = req.keep !== undefined;
        x.ok({
          protocol: socket.getProtocol() ?? 'unknown',
          cipher: socket.getCipher()?.name ?? 'unknown',
          alpn: typeof socket.alpnProtocol === 'string' ? sanitizeNetworkText(socket.alpnProtocol, 64) : null,
          authorized: socket.authorized,
          authorizationError: socket.authorized ? null : sanitizeNetworkText(authText, 200),
          chain: peerChain(peer),
        });
        req.keep?.(socket);
      });
      socket.on('error', (err) => {
        if (x.settled) return;
        const c = classifyTlsError(err, label);
        x.fail(c.code, c.message, err, received());
      });
    },
  );
}
