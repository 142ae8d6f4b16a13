import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DAY, makeLeaf, makeRoot } from '../../src/lab/ca.js';
import type { CertAuthority, IssuedCert } from '../../src/lab/ca.js';
import { parseSubjectAltNames, probeTls } from '../../src/probes/tls.js';
import { ROOT } from '../helpers/cli.js';
import { closeAll, closedTcpPort, listen, never, tlsServer } from './servers.js';
import { withFakeLimit } from '../helpers/timing.js';

afterEach(closeAll);

const HOST = 'hub.example.test';
let root: CertAuthority;
let intermediate: CertAuthority;
let otherRoot: CertAuthority;
let good: IssuedCert;

beforeAll(async () => {
  root = await makeRoot({ name: { CN: 'Probe Test Root', O: 'zapcheck test' } });
  intermediate = await makeRoot({ name: { CN: 'Probe Test Issuing CA', O: 'zapcheck test' }, issuer: root });
  otherRoot = await makeRoot({ name: { CN: 'Somebody Else Root' } });
  good = await makeLeaf({ issuer: intermediate, sans: [HOST, 'alt.example.test'] });
});

async function serve(leaf: IssuedCert, extra: Parameters<typeof tlsServer>[0] = {}): Promise<number> {
  return listen(tlsServer({ key: leaf.keyPem, cert: leaf.chainPem, ...extra }, (s) => s.resume()));
}

const ask = (port: number, extra: Partial<Parameters<typeof probeTls>[0]> = {}) =>
  probeTls({
    ip: '127.0.0.1',
    port,
    servername: HOST,
    ca: [root.pem],
    timeoutMs: 20_000, // never waited out: a test that means the limit sets its own, on a fake clock
    signal: never,
    ...extra,
  });

describe('probeTls: verification is reported, never enforced', () => {
  it('verifies a good chain and returns it leaf first up to the root', async () => {
    const port = await serve(good);
    const r = await ask(port, { alpn: ['x-zapcheck'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ authorized: true, authorizationError: null, protocol: 'TLSv1.3' });
    expect(r.value.cipher).toMatch(/^TLS_/);
    expect(r.value.alpn).toBeNull(); // the server speaks no ALPN
    const [leaf, mid, top] = r.value.chain;
    expect(r.value.chain).toHaveLength(3);
    expect(leaf).toMatchObject({
      subject: { CN: HOST },
      issuer: { CN: 'Probe Test Issuing CA', O: 'zapcheck test' },
      subjectAltNames: [HOST, 'alt.example.test'],
      isCA: false,
      selfSigned: false,
    });
    expect(leaf!.validFrom).toBe(good.notBefore.toISOString());
    expect(leaf!.validTo).toBe(good.notAfter.toISOString());
    expect(leaf!.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(mid).toMatchObject({ subject: { CN: 'Probe Test Issuing CA' }, isCA: true, selfSigned: false });
    expect(top).toMatchObject({ subject: { CN: 'Probe Test Root' }, isCA: true, selfSigned: true });
  });

  it.each([
    [
      'expired',
      { notBefore: new Date(Date.now() - 100 * DAY), notAfter: new Date(Date.now() - DAY) },
      'CERT_HAS_EXPIRED',
    ],
    [
      'not yet valid',
      { notBefore: new Date(Date.now() + DAY), notAfter: new Date(Date.now() + 90 * DAY) },
      'CERT_NOT_YET_VALID',
    ],
  ])('reports an %s certificate', async (_n, dates, code) => {
    const leaf = await makeLeaf({ issuer: intermediate, sans: [HOST], ...dates });
    const r = await ask(await serve(leaf));
    expect(r.ok && { authorized: r.value.authorized, error: r.value.authorizationError }).toEqual({
      authorized: false,
      error: code,
    });
  });

  it('reports a name mismatch', async () => {
    const r = await ask(await serve(good), { servername: 'other.example.test' });
    expect(r.ok && r.value.authorizationError).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('reports an untrusted root, and with no roots at all still returns the chain', async () => {
    const port = await serve(good);
    const r = await ask(port, { ca: [otherRoot.pem] });
    expect(r.ok && r.value.authorizationError).toBe('UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
    const none = await ask(port, { ca: [] });
    expect(none.ok && none.value.authorized).toBe(false);
    expect(none.ok && none.value.authorizationError).toBe('UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
    expect(none.ok && none.value.chain.map((c) => c.subject.CN)).toEqual([HOST, 'Probe Test Issuing CA']);
  });

  it('reports a self-signed leaf', async () => {
    const self = await makeLeaf({ sans: [HOST] });
    const r = await ask(await serve(self));
    expect(r.ok && r.value.authorizationError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(r.ok && r.value.chain).toHaveLength(1);
    expect(r.ok && r.value.chain[0]!.selfSigned).toBe(true);
  });

  it('escapes control characters that came in a certificate', async () => {
    const evil = await makeLeaf({
      issuer: intermediate,
      sans: [HOST],
      name: { CN: 'evil\u001b[2J\u0007name', O: 'bad\u009borg' },
    });
    const r = await ask(await serve(evil));
    const leaf = r.ok ? r.value.chain[0] : undefined;
    // eslint-disable-next-line no-control-regex
    expect(JSON.stringify(leaf)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(leaf?.subject.CN).toContain('\\x1b[2J');
  });
});

describe('probeTls: handshake failures', () => {
  it('says TLS_HANDSHAKE when a TLS 1.3-only server meets maxVersion TLSv1.2, with the OpenSSL reason', async () => {
    const port = await serve(good, { minVersion: 'TLSv1.3' });
    const r = await ask(port, { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
    expect(r.ok ? 'ok' : r.error.code).toBe('TLS_HANDSHAKE');
    if (!r.ok)
      expect(r.error.message).toMatch(
        /^TLS handshake with 127\.0\.0\.1:\d+ failed: .*(protocol version|alert)/,
      );
    // And the same server does speak 1.3:
    const ok = await ask(port, { minVersion: 'TLSv1', maxVersion: 'TLSv1.3', ciphers: 'DEFAULT@SECLEVEL=0' });
    expect(ok.ok && ok.value.protocol).toBe('TLSv1.3');
  });

  it('says TLS_HANDSHAKE for a server that answers with something else', async () => {
    const port = await listen(
      net.createServer((s) => s.once('data', () => s.end('HTTP/1.1 400 Bad Request\r\n\r\n'))),
    );
    const r = await ask(port);
    expect(r.ok ? 'ok' : r.error.code).toBe('TLS_HANDSHAKE');
    if (!r.ok) expect(r.error.message).toContain('wrong version number');
  });

  it('says TLS_HANDSHAKE when the server closes during the handshake, RESET when it resets', async () => {
    const fin = await listen(net.createServer((s) => s.once('data', () => s.end())));
    const a = await ask(fin);
    expect(a.ok ? 'ok' : a.error.code).toBe('TLS_HANDSHAKE');
    if (!a.ok) expect(a.error.message).toMatch(/closed the connection during the TLS handshake/);
    const rst = await listen(net.createServer((s) => s.once('data', () => s.resetAndDestroy())));
    const b = await ask(rst);
    expect(b.ok ? 'ok' : b.error.code).toBe('RESET');
  });

  it('says TIMEOUT for a server that accepts TCP and stays silent, at the limit', async () => {
    let hello = 0;
    const port = await listen(net.createServer((s) => s.on('data', (d: Buffer) => (hello += d.length))));
    const r = await withFakeLimit(
      () => ask(port, { timeoutMs: 400 }),
      async (at) => {
        await at.until(() => hello > 0, 'the ClientHello reached the server');
        await at.advance(399);
        expect(at.settled()).toBe(false); // waits out its whole limit
        await at.advance(1);
      },
    );
    expect(r.ok ? 'ok' : r.error.message).toBe(
      `TCP connected but nothing came back from 127.0.0.1:${port} after the TLS ClientHello within 400 ms`,
    );
    expect(r.ok ? 'ok' : r.error.bytesReceived).toBe(0);
  });

  it('counts the bytes of a TLS answer that started and stopped (a real server flight cut short)', async () => {
    // A real TLS server behind a relay that passes its first 100 bytes and then nothing: the server's
    // flight starts arriving and stops, as on a path that loses the big packets.
    const backend = await listen(tlsServer({ key: good.keyPem, cert: good.chainPem }));
    let flushed = false;
    const port = await listen(
      net.createServer((client) => {
        const up = net.connect(backend, '127.0.0.1');
        let passed = 0;
        client.on('data', (d: Buffer) => up.write(d));
        up.on('data', (d: Buffer) => {
          const room = Math.max(0, 100 - passed);
          if (room > 0) client.write(d.subarray(0, room), () => (flushed = passed >= 100));
          passed += d.length;
        });
        for (const s of [client, up]) s.on('error', () => undefined);
        client.on('close', () => up.destroy());
      }),
    );
    const r = await withFakeLimit(
      () => ask(port, { timeoutMs: 400 }),
      async (at) => {
        // The 100 bytes are in the probe's socket buffer (loopback); a few turns let it read them.
        await at.until(() => flushed, 'the relay wrote its 100 bytes');
        for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
        await at.advance(400);
      },
    );
    expect(r.ok ? 'ok' : r.error.code).toBe('TIMEOUT');
    expect(r.ok ? 'ok' : r.error.bytesReceived).toBe(100);
    expect(r.ok ? 'ok' : r.error.message).toMatch(/stopped after 100 bytes/);
  });

  it('says nothing about bytes when TCP never connected', async () => {
    const r = await ask(await closedTcpPort());
    expect(r.ok ? 'ok' : r.error.bytesReceived).toBeUndefined();
  });

  it('says REFUSED for a closed port', async () => {
    const r = await ask(await closedTcpPort());
    expect(r.ok ? 'ok' : r.error.code).toBe('REFUSED');
  });
});

describe('parseSubjectAltNames', () => {
  it('splits DNS names, keeps other kinds prefixed, unquotes JSON-quoted values', () => {
    expect(parseSubjectAltNames('DNS:a.test, DNS:*.b.test, IP Address:192.0.2.1')).toEqual([
      'a.test',
      '*.b.test',
      'IP Address:192.0.2.1',
    ]);
    expect(parseSubjectAltNames('DNS:"x, DNS:y.test", DNS:z.test')).toEqual(['x, DNS:y.test', 'z.test']);
    expect(parseSubjectAltNames(undefined)).toEqual([]);
  });
});

/**
 * Node builds a context's trust store from `ca` alone when `ca` is given: the bundled roots and the
 * certificates of NODE_EXTRA_CA_CERTS are not added. This runs the probe (from dist/) in a child whose
 * NODE_EXTRA_CA_CERTS names the server's real root; the probe, given another root, must not trust it.
 * A plain tls.connect without `ca` in the same child does trust it: the variable is in effect.
 */
describe('probeTls trusts exactly the given roots', () => {
  it('does not trust a CA from NODE_EXTRA_CA_CERTS', async () => {
    const port = await serve(good);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-extra-ca-'));
    try {
      const extra = path.join(dir, 'extra.pem');
      writeFileSync(extra, root.pem);
      const mod = path.join(ROOT, 'dist/probes/tls.js');
      const script = `
        import tls from 'node:tls';
        const { probeTls } = await import(${JSON.stringify(mod)});
        const signal = new AbortController().signal;
        const q = { ip: '127.0.0.1', port: ${port}, servername: ${JSON.stringify(HOST)}, timeoutMs: 3000, signal };
        const withOther = await probeTls({ ...q, ca: [${JSON.stringify(otherRoot.pem)}] });
        const withNone = await probeTls({ ...q, ca: [] });
        const plain = await new Promise((resolve) => {
          const s = tls.connect({ host: '127.0.0.1', port: ${port}, servername: ${JSON.stringify(HOST)}, rejectUnauthorized: false });
          s.on('secureConnect', () => { resolve(s.authorized); s.destroy(); });
          s.on('error', (e) => resolve(String(e)));
        });
        const pick = (r) => (r.ok ? { authorized: r.value.authorized, error: r.value.authorizationError } : r.error.code);
        process.stdout.write(JSON.stringify({ withOther: pick(withOther), withNone: pick(withNone), plain }));
      `;
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: extra },
        timeout: 15_000,
      });
      expect(JSON.parse(stdout)).toEqual({
        withOther: { authorized: false, error: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' },
        withNone: { authorized: false, error: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' },
        plain: true,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
