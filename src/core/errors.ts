/**
 * Probe outcomes and zapcheck's own errors.
 *
 * Probes never throw for network outcomes: they return `ProbeResult`. The error codes are a small
 * closed set (after undici's lib/core/errors.js): checks map them to user-facing causes.
 */

export type ProbeErrorCode =
  | 'TIMEOUT' // nothing came back within the limit (dropped)
  | 'ABORTED' // the run was interrupted or the global deadline passed
  | 'REFUSED' // RST / ICMP port unreachable
  | 'RESET' // connection reset after it was established
  | 'UNREACHABLE' // no route, network or host unreachable
  | 'NXDOMAIN'
  | 'SERVFAIL'
  | 'REFUSED_DNS' // DNS rcode REFUSED
  | 'NODATA' // name exists, no record of the type
  | 'TLS_CERT' // the handshake completed but the chain does not verify
  | 'TLS_HANDSHAKE' // the handshake itself failed (version, cipher, alert, junk)
  | 'AUTH' // the server refused our credentials where that matters
  | 'PROTOCOL' // the peer answered with something that is not the protocol
  | 'TOO_LARGE' // the peer sent more than we accept
  | 'BLOCKED' // the site-context guard refused the destination; nothing was sent
  | 'INTERNAL';

export interface ProbeError {
  code: ProbeErrorCode;
  /** Names the address and the limit, e.g. "no answer from 192.0.2.1:8883 within 2000 ms". */
  message: string;
  /** The raw error, for debugging; never shown raw to the user. */
  cause?: unknown;
  /**
   * TLS: bytes the peer sent on the TCP connection before the failure (after our ClientHello), counted
   * under the TLS layer; present only when TCP had connected.
   */
  bytesReceived?: number;
}

export type ProbeResult<T> =
  { ok: true; value: T; ms: number } | { ok: false; error: ProbeError; ms: number };

export function probeOk<T>(value: T, ms: number): ProbeResult<T> {
  return { ok: true, value, ms };
}

export function probeFail<T = never>(
  code: ProbeErrorCode,
  message: string,
  ms: number,
  cause?: unknown,
): ProbeResult<T> {
  return { ok: false, error: cause === undefined ? { code, message } : { code, message, cause }, ms };
}

/** Maps a Node socket error to a probe error code. */
export function codeFromSocketError(err: unknown): ProbeErrorCode {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'REFUSED';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'RESET';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
    case 'EADDRNOTAVAIL':
    case 'EACCES':
    case 'EPERM':
      return 'UNREACHABLE';
    case 'ETIMEDOUT':
      return 'TIMEOUT';
    case 'ABORT_ERR':
      return 'ABORTED';
    default:
      return 'INTERNAL';
  }
}

/** Exit codes, the CLI contract. */
export const EXIT = {
  READY: 0,
  NOT_READY: 1,
  USAGE: 2,
  INTERNAL: 3,
  INTERRUPTED: 130,
} as const;

/**
 * A problem with what the user gave us (option, profile, file): shown as one clear message, exit 2.
 * Never used for network outcomes.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
