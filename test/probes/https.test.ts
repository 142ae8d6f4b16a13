import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import tls from 'node:tls';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeLeaf, makeRoot } from '../../src/lab/ca.js';
import type { CertAuthority, IssuedCert } from '../../src/lab/ca.js';
import { probeHttps } from '../../src/probes/https.js';
import { closeAll, listen, never } from './servers.js';
import { withFakeLimit } from '../helpers/timing.js';

afterEach(closeAll);

const HOST = 'api.example.test';
let root: CertAuthority;
let leaf: IssuedCert;

beforeAll(async () => {
  root = await makeRoot({ name: { CN: 'HTTPS Probe Test Root' } });
  leaf = await makeLeaf({ issuer: root, sans: [HOST] });
});

async function httpsServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<number> {
  return listen(https.createServer({ key: leaf.keyPem, cert: leaf.chainPem }, handler));
}

/** A TLS server that writes raw bytes after the first request bytes arrive. */
async function rawTlsServer(answer: (s: tls.TLSSocket) => void): Promise<number> {
  return listen(
    tls.createServer({ key: leaf.keyPem, cert: leaf.chainPem }, (s) => {
      s.on('error', () => undefined);
      s.once('data', () => answer(s));
    }),
  );
}

const ask = (port: number, extra: Partial<Parameters<typeof probeHttps>[0]> = {}) =>
  probeHttps({
    ip: '127.0.0.1',
    port,
    servername: HOST,
    path: '/api/ping',
    ca: [root.pem],
    verify: true,
    timeoutMs: 20_000, // never waited out: a test that means the limit sets its own, on a fake clock
    signal: never,
    ...extra,
  });

describe('probeHttps', () => {
  it('returns status, a body snippet and the diagnostic headers; Host is the server name', async () => {
    let seen: IncomingMessage | undefined;
    const port = await httpsServer((req, res) => {
      seen = req;
      res.writeHead(200, {
        'content-type': 'text/plain; charset=utf-8',
        server: 'fake server',
        via: '1.1 proxy.example',
        'x-served-by': 'edge-1',
        'set-cookie': 'secret=1',
      });
      res.end('pong\r\nline two');
    });
    const r = await ask(port);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({
      status: 200,
      location: null,
      contentType: 'text/plain; charset=utf-8',
      bodySnippet: 'pong line two',
      headers: { server: 'fake server', via: '1.1 proxy.example', 'x-served-by': 'edge-1' },
    });
    expect(seen?.headers.host).toBe(`${HOST}:${port}`);
    expect(seen?.url).toBe('/api/ping');
    expect(seen?.method).toBe('GET');
  });

  it('reports a redirect with Location made absolute, and does not follow it', async () => {
    let requests = 0;
    const port = await httpsServer((_req, res) => {
      requests += 1;
      res.writeHead(302, { location: '../login?next=1' });
      res.end();
    });
    const r = await ask(port, { urlPort: 443 });
    expect(r.ok && r.value.status).toBe(302);
    expect(r.ok && r.value.location).toBe(`https://${HOST}/login?next=1`);
    expect(requests).toBe(1);
  });

  it('returns 407 with proxy-authenticate as evidence', async () => {
    const port = await httpsServer((_req, res) => {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="corp"' });
      res.end('auth required');
    });
    const r = await ask(port);
    expect(r.ok && r.value.status).toBe(407);
    expect(r.ok && r.value.headers['proxy-authenticate']).toBe('Basic realm="corp"');
  });

  it('returns quickly from an endless body with at most 512 bytes of it', async () => {
    const port = await httpsServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = 'A'.repeat(1024);
      const pump = (): void => {
        while (res.write(chunk)) {
          /* fill the buffer */
        }
        res.once('drain', pump);
      };
      pump();
    });
    const r = await ask(port, { timeoutMs: 5000 });
    expect(r.ok && r.value.bodySnippet.length).toBeLessThanOrEqual(512);
    expect(r.ok && r.value.bodySnippet.startsWith('AAAA')).toBe(true);
  });

  it('returns the status when the body trickles, after a short body window', async () => {
    const port = await httpsServer((_req, res) => {
      res.writeHead(200);
      res.write('slow');
    });
    const r = await ask(port, { timeoutMs: 5000 });
    expect(r.ok && r.value.bodySnippet).toBe('slow');
  });

  it('says PROTOCOL for broken HTTP, and for a close without a response', async () => {
    const broken = await rawTlsServer((s) => s.end('HTTP/1.1 200 OK\r\nthis is no header\r\n\r\n'));
    const a = await ask(broken);
    expect(a.ok ? 'ok' : a.error.code).toBe('PROTOCOL');
    if (!a.ok) expect(a.error.message).toMatch(/did not answer with valid HTTP/);
    const closes = await rawTlsServer((s) => s.end());
    const b = await ask(closes);
    expect(b.ok ? 'ok' : b.error.code).toBe('PROTOCOL');
  });

  it('says TOO_LARGE for headers beyond 16 KiB', async () => {
    const port = await rawTlsServer((s) => s.end(`HTTP/1.1 200 OK\r\nx-big: ${'b'.repeat(20_000)}\r\n\r\n`));
    const r = await ask(port);
    expect(r.ok ? 'ok' : r.error.code).toBe('TOO_LARGE');
  });

  it('says TLS_CERT for an untrusted chain when verifying, and answers when not', async () => {
    const port = await httpsServer((_req, res) => res.end('ok'));
    const other = await makeRoot({ name: { CN: 'Other Root' } });
    const r = await ask(port, { ca: [other.pem] });
    expect(r.ok ? 'ok' : r.error.code).toBe('TLS_CERT');
    // The server sends its leaf alone (signed by the root): OpenSSL says it cannot verify the leaf.
    if (!r.ok) expect(r.error.message).toContain('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    const u = await ask(port, { ca: [other.pem], verify: false });
    expect(u.ok && u.value.status).toBe(200);
  });

  it('says TIMEOUT when the server never answers the request', async () => {
    let asked = false;
    const port = await rawTlsServer(() => (asked = true));
    const r = await withFakeLimit(
      () => ask(port, { timeoutMs: 400 }),
      async (at) => {
        await at.until(() => asked, 'the server read the request');
        await at.advance(399);
        expect(at.settled()).toBe(false);
        await at.advance(1);
      },
    );
    expect(r.ok ? 'ok' : r.error.code).toBe('TIMEOUT');
    expect(r.ok ? 'ok' : r.error.message).toMatch(/400 ms/);
  });

  it('says ABORTED promptly', async () => {
    const port = await rawTlsServer(() => undefined);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const r = await ask(port, { timeoutMs: 5000, signal: ac.signal });
    expect(r.ok ? 'ok' : r.error.code).toBe('ABORTED');
  });
});
