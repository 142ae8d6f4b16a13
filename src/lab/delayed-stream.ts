import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';
import type { Tracker } from './tracker.js';

/**
 * The lab's latency relay: wraps an accepted TCP socket so that every chunk the server writes reaches
 * the client `latencyMs` later (order kept: timers of equal delay fire in the order they were set).
 * What the client sends is passed on at once. A TLS server is then run over this stream, so each TLS
 * server flight, the HTTP answer and the CONNACK are each delayed by one `latencyMs`.
 */
export class DelayedStream extends Duplex {
  private inFlight = 0;
  private endWhenDrained = false;

  constructor(
    private readonly raw: Socket,
    private readonly latencyMs: number,
    private readonly tracker: Tracker,
  ) {
    super({ allowHalfOpen: false });
    raw.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) raw.pause();
    });
    raw.on('end', () => this.push(null));
    raw.on('error', (err) => this.destroy(err));
    raw.on('close', () => this.destroy());
  }

  // Node's HTTP and TLS servers read these off the socket they are given.
  get remoteAddress(): string | undefined {
    return this.raw.remoteAddress;
  }
  get remotePort(): number | undefined {
    return this.raw.remotePort;
  }
  setTimeout(ms: number, cb?: () => void): this {
    this.raw.setTimeout(ms, cb);
    return this;
  }
  setNoDelay(noDelay?: boolean): this {
    this.raw.setNoDelay(noDelay);
    return this;
  }
  setKeepAlive(enable?: boolean, delay?: number): this {
    this.raw.setKeepAlive(enable, delay);
    return this;
  }

  override _read(): void {
    this.raw.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.inFlight += 1;
    this.tracker.later(this.latencyMs, () => {
      this.inFlight -= 1;
      if (!this.raw.destroyed) this.raw.write(chunk);
      if (this.inFlight === 0 && this.endWhenDrained) this.raw.end();
    });
    cb();
  }

  override _final(cb: (err?: Error | null) => void): void {
    if (this.inFlight === 0) this.raw.end();
    else this.endWhenDrained = true;
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    // A destroy with chunks still in flight (the server closing right after its last answer) lets
    // them arrive first, as on a real network; the tracker ends anything left when the lab closes.
    if (this.inFlight === 0) this.raw.destroy();
    else this.endWhenDrained = true;
    cb(err);
  }
}
