import net from 'node:net';
import { codeFromSocketError } from '../core/errors.js';
import type { ProbeResult } from '../core/errors.js';
import { describeError, exchange } from './exchange.js';
import type { TcpInfo } from './types.js';

/**
 * TCP reachability (RFC 9293 three-way handshake), IPv4 only. Tells apart the three ways a firewall
 * stops a connection: an RST (REFUSED: rejected, or nothing listens), silence (TIMEOUT: the SYN was
 * dropped) and no route (UNREACHABLE: ICMP net/host unreachable or no local route).
 */

export interface TcpProbeInput {
  ip: string;
  port: number;
  timeoutMs: number;
  signal: AbortSignal;
  /** How the destination is named in messages; default `ip:port`. */
  label?: string;
  /** Takes the connected socket instead of closing it (the TLS check of the endpoint goes on over it). */
  keep?: (socket: net.Socket) => void;
}

export function probeTcp(q: TcpProbeInput): Promise<ProbeResult<TcpInfo>> {
  const label = q.label ?? `${q.ip}:${q.port}`;
  return exchange<TcpInfo>(
    {
      signal: q.signal,
      timeoutMs: q.timeoutMs,
      what: `TCP answer (SYN-ACK) from ${label}`,
    },
    (x) => {
      if (net.isIPv4(q.ip) === false) {
        x.fail('INTERNAL', `not an IPv4 address: ${q.ip} (the charger is IPv4 only)`);
        return;
      }
      // TCP_NODELAY as for every TLS socket (see tlsConnectOptions): this one may carry the handshake.
      const socket = net.connect({ host: q.ip, port: q.port, family: 4, noDelay: true });
      let kept = false;
      x.defer(() => {
        if (!kept) socket.destroy();
      });
      socket.once('connect', () => {
        if (q.keep) {
          kept = true;
          q.keep(socket);
        }
        x.ok({
          remote: `${socket.remoteAddress ?? q.ip}:${socket.remotePort ?? q.port}`,
          local: `${socket.localAddress ?? '?'}:${socket.localPort ?? 0}`,
        });
      });
      socket.on('error', (err) => {
        const code = codeFromSocketError(err);
        const ms = Math.round(x.elapsed());
        switch (code) {
          case 'REFUSED':
            x.fail(
              code,
              `${label} refused the connection (RST after ${ms} ms: rejected, or nothing listens)`,
              err,
            );
            break;
          case 'UNREACHABLE':
            x.fail(code, `no route to ${label} (${describeError(err)})`, err);
            break;
          case 'TIMEOUT':
            x.fail(code, `no answer from ${label} within ${q.timeoutMs} ms (${describeError(err)})`, err);
            break;
          default:
            x.fail(code, `connecting to ${label} failed: ${describeError(err)}`, err);
        }
      });
    },
  );
}
