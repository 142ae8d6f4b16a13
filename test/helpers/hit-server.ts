import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server that answers every request with "x" and keeps the paths it was asked for: the
 * browser tests' witness that a page reached (or did not reach) the network.
 */
export interface HitServer {
  origin: string;
  /** The request paths seen, in order (empty it with `hits.length = 0`). */
  hits: string[];
  close: () => Promise<void>;
}

export async function listenForHits(): Promise<HitServer> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
