import './reflect-shim.js';
import { webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';

/**
 * Throwaway certificates for the lab and for tests (RFC 5280 profile, ECDSA P-256 / SHA-256 over
 * WebCrypto). Nothing here touches the disk or the network; every call makes a fresh key pair.
 *
 *   const root = await makeRoot({ cn: 'Test Root' });
 *   const leaf = await makeLeaf({ issuer: root, sans: ['api.zaptec.com'] });
 *   tls.createServer({ key: leaf.keyPem, cert: leaf.chainPem }); tls.connect({ ca: [root.pem], ... });
 */

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;

type KeyPair = webcrypto.CryptoKeyPair;

/** Distinguished name parts, in the order they are written (C, O, OU, CN). */
export interface CertName {
  CN: string;
  O?: string;
  OU?: string;
  C?: string;
}

export interface IssuedCert {
  /** This certificate, PEM. */
  pem: string;
  /** PKCS#8 private key, PEM (what `tls.createSecureContext({ key })` takes). */
  keyPem: string;
  /** This certificate followed by its issuers up to (not including) the root: what a server sends. */
  chainPem: string;
  /** RFC 4514 string of the subject, for messages. */
  subject: string;
  name: CertName;
  notBefore: Date;
  notAfter: Date;
  /** The parsed certificate and keys, for signing further certificates. */
  cert: x509.X509Certificate;
  keys: KeyPair;
  /** Chain PEMs of the issuers above this certificate, excluding the root (empty for a root). */
  issuerChain: string[];
}

/** A certificate that may sign others (a root, or an intermediate when made with `issuer`). */
export type CertAuthority = IssuedCert & { isCA: true };

export interface RootOptions {
  name: CertName;
  /** Sign with this CA instead of self-signing: makes an intermediate. */
  issuer?: CertAuthority;
  notBefore?: Date;
  notAfter?: Date;
}

export interface LeafOptions {
  /** Omit for a self-signed leaf (not a CA: what a misconfigured server or appliance sends). */
  issuer?: CertAuthority;
  /** DNS names and IP addresses for subjectAltName; the first is also the CN unless `name` is given. */
  sans: string[];
  name?: CertName;
  notBefore?: Date;
  notAfter?: Date;
  /** Authority Information Access "CA Issuers" URL: where a public CA publishes the issuer certificate. */
  caIssuersUrl?: string;
}

function toJsonName(n: CertName): x509.JsonName {
  const parts: x509.JsonName = [];
  if (n.C) parts.push({ C: [n.C] });
  if (n.O) parts.push({ O: [n.O] });
  if (n.OU) parts.push({ OU: [n.OU] });
  parts.push({ CN: [n.CN] });
  return parts;
}

/** A positive 16-byte serial (RFC 5280 4.1.2.2: at most 20 octets, positive). */
function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return Buffer.from(bytes).toString('hex');
}

/** Whole seconds: certificate times have no milliseconds, and callers compare against what was asked. */
function seconds(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

async function keyPem(keys: KeyPair): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN PRIVATE KEY-----\n${b64.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END PRIVATE KEY-----\n`;
}

async function newKeys(): Promise<KeyPair> {
  return webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
}

async function finish(
  cert: x509.X509Certificate,
  keys: KeyPair,
  name: CertName,
  issuer: CertAuthority | undefined,
  isCA: boolean,
): Promise<IssuedCert> {
  const pem = `${cert.toString('pem')}\n`;
  // What a server sends: the leaf (or intermediate) and every intermediate above it, never the root.
  const issuerChain = issuer && !isSelfSigned(issuer) ? [issuer.pem, ...issuer.issuerChain] : [];
  return {
    pem,
    keyPem: await keyPem(keys),
    chainPem: [pem, ...issuerChain].join(''),
    subject: cert.subject,
    name,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    cert,
    keys,
    issuerChain,
    ...(isCA ? { isCA: true } : {}),
  };
}

function isSelfSigned(c: IssuedCert): boolean {
  return c.cert.subject === c.cert.issuer;
}

/** Signs a certificate for `keys` with `issuer`'s key (adding its key identifier), or self-signs it. */
async function sign(
  keys: KeyPair,
  name: CertName,
  notBefore: Date,
  notAfter: Date,
  extensions: x509.Extension[],
  issuer: CertAuthority | undefined,
): Promise<x509.X509Certificate> {
  const common = { serialNumber: randomSerial(), notBefore, notAfter, signingAlgorithm: ALG, extensions };
  if (!issuer) {
    return x509.X509CertificateGenerator.createSelfSigned({ ...common, name: toJsonName(name), keys });
  }
  extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.cert));
  return x509.X509CertificateGenerator.create({
    ...common,
    subject: toJsonName(name),
    issuer: issuer.cert.subjectName,
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
  });
}

/** A CA certificate: self-signed root, or an intermediate when `issuer` is given. Valid 10 years by default. */
export async function makeRoot(opts: RootOptions): Promise<CertAuthority> {
  const keys = await newKeys();
  const notBefore = seconds(opts.notBefore ?? new Date(Date.now() - DAY_MS));
  const notAfter = seconds(opts.notAfter ?? new Date(Date.now() + 3650 * DAY_MS));
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(true, opts.issuer ? 0 : undefined, true),
    new x509.KeyUsagesExtension(
      x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  const cert = await sign(keys, opts.name, notBefore, notAfter, extensions, opts.issuer);
  return (await finish(cert, keys, opts.name, opts.issuer, true)) as CertAuthority;
}

/**
 * A TLS server certificate (serverAuth) for `sans`. Valid from yesterday for 90 days unless told
 * otherwise; give past or future dates for expired / not-yet-valid certificates.
 */
export async function makeLeaf(opts: LeafOptions): Promise<IssuedCert> {
  if (opts.sans.length === 0 && !opts.name) throw new Error('makeLeaf: give at least one SAN or a name');
  const keys = await newKeys();
  const name = opts.name ?? { CN: opts.sans[0]! };
  const notBefore = seconds(opts.notBefore ?? new Date(Date.now() - DAY_MS));
  const notAfter = seconds(opts.notAfter ?? new Date(notBefore.getTime() + 90 * DAY_MS));
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (opts.sans.length > 0) {
    extensions.push(
      new x509.SubjectAlternativeNameExtension(
        opts.sans.map((s) => (isIP(s) ? { type: 'ip', value: s } : { type: 'dns', value: s })),
      ),
    );
  }
  if (opts.caIssuersUrl) {
    extensions.push(
      new x509.AuthorityInfoAccessExtension({ caIssuers: new x509.GeneralName('url', opts.caIssuersUrl) }),
    );
  }
  const cert = await sign(keys, name, notBefore, notAfter, extensions, opts.issuer);
  return finish(cert, keys, name, opts.issuer, false);
}

export const DAY = DAY_MS;
