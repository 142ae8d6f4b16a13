import { once } from 'node:events';
import { X509Certificate } from 'node:crypto';
import * as tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DAY, makeLeaf, makeRoot } from '../../src/lab/ca.js';

async function handshake(
  serverOpts: tls.TlsOptions,
  clientOpts: tls.ConnectionOptions,
): Promise<{ authorized: boolean; error: string | null; peer: tls.DetailedPeerCertificate }> {
  const server = tls.createServer(serverOpts, (s) => s.end());
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false, ...clientOpts });
    await once(socket, 'secureConnect');
    const result = {
      authorized: socket.authorized,
      error: socket.authorizationError ? String(socket.authorizationError) : null,
      peer: socket.getPeerCertificate(true),
    };
    socket.destroy();
    return result;
  } finally {
    server.close();
  }
}

describe('lab CA helpers', () => {
  it('a leaf under a root verifies against that root, by name', async () => {
    const root = await makeRoot({ name: { CN: 'Test Root', O: 'zapcheck test' } });
    const leaf = await makeLeaf({ issuer: root, sans: ['api.zaptec.com'] });
    const r = await handshake(
      { key: leaf.keyPem, cert: leaf.chainPem },
      { ca: [root.pem], servername: 'api.zaptec.com' },
    );
    expect(r.authorized).toBe(true);
    expect(r.peer.issuer.CN).toBe('Test Root');
    expect(new X509Certificate(root.pem).ca).toBe(true);
    expect(new X509Certificate(leaf.pem).ca).toBe(false);
    expect(new X509Certificate(leaf.pem).subjectAltName).toBe('DNS:api.zaptec.com');
  });

  it('an intermediate is sent in the chain and the leaf verifies against the root only', async () => {
    const root = await makeRoot({ name: { CN: 'Test Root' } });
    const mid = await makeRoot({ name: { CN: 'Test Issuing CA' }, issuer: root });
    const leaf = await makeLeaf({ issuer: mid, sans: ['devices.zaptec.com', '198.51.100.7'] });
    expect(leaf.issuerChain).toEqual([mid.pem]);
    const r = await handshake(
      { key: leaf.keyPem, cert: leaf.chainPem },
      { ca: [root.pem], servername: 'devices.zaptec.com' },
    );
    expect(r.authorized).toBe(true);
    expect(r.peer.issuerCertificate.subject.CN).toBe('Test Issuing CA');
    expect(new X509Certificate(leaf.pem).subjectAltName).toContain('IP Address:198.51.100.7');
  });

  it('dates are honoured: an expired leaf is reported as CERT_HAS_EXPIRED', async () => {
    const root = await makeRoot({ name: { CN: 'Test Root' } });
    const now = Date.now();
    const leaf = await makeLeaf({
      issuer: root,
      sans: ['a.example'],
      notBefore: new Date(now - 30 * DAY),
      notAfter: new Date(now - DAY),
    });
    expect(leaf.notAfter.getTime()).toBeLessThan(now);
    const r = await handshake(
      { key: leaf.keyPem, cert: leaf.chainPem },
      { ca: [root.pem], servername: 'a.example' },
    );
    expect(r.authorized).toBe(false);
    expect(r.error).toBe('CERT_HAS_EXPIRED');
  });

  it('a self-signed leaf is not a CA and does not verify', async () => {
    const leaf = await makeLeaf({ sans: ['api.zaptec.com'] });
    expect(leaf.issuerChain).toEqual([]);
    const x = new X509Certificate(leaf.pem);
    expect(x.ca).toBe(false);
    expect(x.subject).toBe(x.issuer);
    const r = await handshake({ key: leaf.keyPem, cert: leaf.chainPem }, { servername: 'api.zaptec.com' });
    expect(r.error).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});
