import type net from 'node:net';
import type tls from 'node:tls';

/**
 * One connection per endpoint, as a charger (and `curl` after `nc -z`) would make it: the TCP check's
 * connected socket becomes the TLS check's socket, and the TLS check's verified socket carries the
 * HTTPS request (or the MQTT CONNECT). The critical path is then DNS 1 RTT, TCP 1, TLS 1.2 2, HTTP 1:
 * five round trips instead of eight (a new TCP connection and a TLS 1.3 handshake for HTTPS).
 *
 * Checks never hold sockets: a check passes a hand-off key with its probe request (`keepAs` to leave
 * the connection here, `reuse` to take it), and the site's probes (createProbes) keep the connection
 * on this shelf between the two checks. A connection is taken at most once, only when it is still
 * fresh (open, nothing received that a later reader would miss, same destination); otherwise the
 * taking probe opens a new connection exactly as it did before, so the evidence is the same either
 * way. The runner empties the shelf when the run ends.
 */

interface Shelved<S extends net.Socket> {
  socket: S;
  ip: string;
  port: number;
  servername?: string;
  onClose: () => void;
}

/** Open and unread: no byte received (a later reader would miss it), no end, no error. */
export function isFresh(socket: net.Socket): boolean {
  return (
    !socket.destroyed &&
    socket.readyState === 'open' &&
    socket.readableLength === 0 &&
    !socket.readableEnded &&
    socket.errored === null
  );
}

export class ConnectionShelf {
  private readonly tcp = new Map<string, Shelved<net.Socket>>();
  private readonly tls = new Map<string, Shelved<tls.TLSSocket>>();

  private put<S extends net.Socket>(
    map: Map<string, Shelved<S>>,
    key: string,
    entry: Omit<Shelved<S>, 'onClose'>,
  ): void {
    map.get(key)?.socket.destroy();
    const onClose = (): void => {
      if (map.get(key)?.socket === entry.socket) map.delete(key);
    };
    // A shelved socket has no reader: an error must not become an uncaught exception.
    entry.socket.on('error', () => entry.socket.destroy());
    entry.socket.once('close', onClose);
    map.set(key, { ...entry, onClose });
  }

  private take<S extends net.Socket>(
    map: Map<string, Shelved<S>>,
    key: string,
    ip: string,
    port: number,
    servername?: string,
  ): S | undefined {
    const entry = map.get(key);
    if (!entry) return undefined;
    map.delete(key);
    entry.socket.off('close', entry.onClose);
    const same = entry.ip === ip && entry.port === port && entry.servername === servername;
    if (same && isFresh(entry.socket)) return entry.socket;
    entry.socket.destroy();
    return undefined;
  }

  /** Leaves a connected TCP socket for the TLS check of the same endpoint. */
  putTcp(key: string, ip: string, port: number, socket: net.Socket): void {
    this.put(this.tcp, key, { socket, ip, port });
  }

  takeTcp(key: string, ip: string, port: number): net.Socket | undefined {
    return this.take(this.tcp, key, ip, port);
  }

  /** Leaves a TLS socket after its handshake, for the HTTPS (or MQTT) check of the same endpoint. */
  putTls(key: string, ip: string, port: number, servername: string, socket: tls.TLSSocket): void {
    this.put(this.tls, key, { socket, ip, port, servername });
  }

  takeTls(key: string, ip: string, port: number, servername: string): tls.TLSSocket | undefined {
    return this.take(this.tls, key, ip, port, servername);
  }

  /** Connections on the shelf now (for tests). */
  get size(): number {
    return this.tcp.size + this.tls.size;
  }

  /** Destroys every connection nobody took. */
  clear(): void {
    for (const map of [this.tcp, this.tls] as Map<string, Shelved<net.Socket>>[]) {
      for (const entry of map.values()) {
        entry.socket.off('close', entry.onClose);
        entry.socket.destroy();
      }
      map.clear();
    }
  }
}
