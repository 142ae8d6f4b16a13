import type { Socket as UdpSocket } from 'node:dgram';
import type { Server, Socket } from 'node:net';

/**
 * Owns every handle the lab opens (servers, sockets, delay timers) so that `close()` can end them all,
 * once, and a test can check nothing is left behind.
 */
export class Tracker {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly sockets = new Set<Socket>();
  private readonly servers = new Set<Server>();
  private readonly udp = new Set<UdpSocket>();
  private closing: Promise<void> | null = null;

  get closed(): boolean {
    return this.closing !== null;
  }

  /** Runs `fn` after `ms` (at once, synchronously, when ms <= 0), unless the lab closes first. */
  later(ms: number, fn: () => void): void {
    if (this.closed) return;
    if (ms <= 0) {
      fn();
      return;
    }
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.closed) fn();
    }, ms);
    this.timers.add(t);
  }

  socket(s: Socket): void {
    if (this.closed) {
      s.destroy();
      return;
    }
    this.sockets.add(s);
    s.once('close', () => this.sockets.delete(s));
  }

  server(s: Server): void {
    this.servers.add(s);
  }

  udpSocket(s: UdpSocket): void {
    this.udp.add(s);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const t of this.timers) clearTimeout(t);
      this.timers.clear();
      for (const s of this.sockets) s.destroy();
      await Promise.all([
        ...[...this.servers].map(
          (s) =>
            new Promise<void>((resolve) => {
              if (!s.listening) return resolve();
              s.close(() => resolve());
            }),
        ),
        ...[...this.udp].map(
          (s) =>
            new Promise<void>((resolve) => {
              try {
                s.close(() => resolve());
              } catch {
                resolve(); // already closed
              }
            }),
        ),
      ]);
    })();
    return this.closing;
  }
}
