import { Duplex } from 'node:stream';

/**
 * The lab's faulty path under a TLS server (tls-sni-filtered, tls-mtu-blackhole), as a stream between
 * the accepted connection and the TLS server:
 * - `dropName`: a naive deep-packet-inspection filter. The client's first bytes (its ClientHello, whose
 *   server name is plain text) are searched for the name; when found, that and everything after it is
 *   swallowed and nothing is ever answered. Other names pass untouched.
 * - `mtu`: a path-MTU black hole. Each chunk the server writes is a packet: chunks up to `mtu` bytes
 *   pass, the first bigger one is lost, and so is everything after it (TCP delivers nothing past a
 *   hole, and with ICMP "fragmentation needed" blocked the sender never learns to send smaller).
 * What the client sends otherwise passes at once.
 */
export interface PathFaults {
  dropName?: string;
  mtu?: number;
}

/** The parts of a socket Node's TLS and HTTP servers use, on the stream below (a Socket or the latency relay). */
type Below = Duplex & {
  remoteAddress?: string | undefined;
  remotePort?: number | undefined;
  setTimeout?(ms: number, cb?: () => void): unknown;
  setNoDelay?(noDelay?: boolean): unknown;
  setKeepAlive?(enable?: boolean, delay?: number): unknown;
};

export class PathStream extends Duplex {
  private firstChunk = true;
  private swallowing = false;
  private holed = false;

  constructor(
    private readonly below: Below,
    private readonly faults: PathFaults,
  ) {
    super({ allowHalfOpen: false });
    below.on('data', (chunk: Buffer) => this.fromClient(chunk));
    below.on('end', () => {
      if (!this.swallowing) this.push(null);
    });
    below.on('error', (err) => this.destroy(err));
    below.on('close', () => this.destroy());
  }

  get remoteAddress(): string | undefined {
    return this.below.remoteAddress;
  }
  get remotePort(): number | undefined {
    return this.below.remotePort;
  }
  setTimeout(ms: number, cb?: () => void): this {
    this.below.setTimeout?.(ms, cb);
    return this;
  }
  setNoDelay(noDelay?: boolean): this {
    this.below.setNoDelay?.(noDelay);
    return this;
  }
  setKeepAlive(enable?: boolean, delay?: number): this {
    this.below.setKeepAlive?.(enable, delay);
    return this;
  }

  private fromClient(chunk: Buffer): void {
    if (this.firstChunk) {
      this.firstChunk = false;
      const name = this.faults.dropName;
      if (name !== undefined && chunk.includes(Buffer.from(name, 'latin1'))) this.swallowing = true;
    }
    if (this.swallowing) return;
    if (!this.push(chunk)) this.below.pause();
  }

  override _read(): void {
    this.below.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    const mtu = this.faults.mtu;
    if (mtu !== undefined && chunk.length > mtu) this.holed = true;
    if (!this.holed && !this.swallowing) this.below.write(chunk);
    cb();
  }

  override _final(cb: (err?: Error | null) => void): void {
    // A lost packet is never followed by a clean end either: the client just waits.
    if (!this.holed && !this.swallowing) this.below.end();
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    if (!this.holed && !this.swallowing) this.below.destroy();
    cb(err);
  }
}
