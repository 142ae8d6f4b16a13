import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Report } from '../../src/core/result.js';
import { DAY, type CertAuthority, type IssuedCert, makeLeaf, makeRoot } from '../../src/lab/ca.js';
import { ZAPTEC_PRO } from '../../src/profile/builtin.js';
import { BIN, ROOT } from './cli.js';
import { createNetns, netnsUnavailable, type Netns, sh } from './netns.js';
import { reportedRunQueueMs, runQueueWaitMs, RUNQUEUE_PRELOAD } from './timing.js';

/**
 * The real-server cloud of the interop suite (test/interop/cloud.test.ts): two network namespaces this
 * helper creates and removes, joined by a veth pair, addresses in 198.18.0.0/15 (RFC 2544 benchmarking):
 *
 *   ns "cloud"  eth0 198.18.0.1 (DNS, HTTPS 443, MQTT/TLS 8883, NTP 123), 198.18.0.53 (a filtering DNS)
 *   ns "client" eth0 198.18.0.2, default route via 198.18.0.1: zapcheck runs here
 *
 * Real Debian servers play the cloud: dnsmasq, nginx (TLS, one server block per host name), mosquitto (TLS,
 * password required: an anonymous CONNECT gets CONNACK 5), chronyd (`local stratum 8`, no upstream, the
 * system clock left alone with -x). Faults are nftables rules in the cloud namespace, replaced atomically
 * (`nft -f`) between cases, so the servers run once for the whole suite:
 *   - drop / reject on chosen ports (input hook);
 *   - a TLS variant: `tcp dport 443 redirect` to an nginx port whose server blocks carry other
 *     certificates (an interception CA, an unknown CA on two hosts, an expired certificate). That is how a
 *     TLS-inspecting firewall sits in the path, too.
 * Nothing leaves these namespaces: the client namespace has no other interface, and zapcheck runs with
 * ZAPCHECK_GUARD=loopback and only 198.18.0.0/15 allowed.
 */

export const CLOUD_IP = '198.18.0.1';
export const FILTERING_DNS_IP = '198.18.0.53';
export const CLIENT_IP = '198.18.0.2';
/** A resolver that answers every name, made-up ones too, with PORTAL_IP (dnsmasq `--address=/#/`). */
export const HIJACK_DNS_IP = '198.18.0.54';
/** The captive portal every name leads to there: nginx with a certificate for PORTAL_NAME, 302 to its login page. */
export const PORTAL_IP = '198.18.0.80';
export const PORTAL_NAME = 'portal.interop.example';
export const PORTAL_LOGIN = `http://${PORTAL_NAME}/login`;
const PREFIX = 24;

/** The hosts of the zaptec-pro profile, all served here (the names never leave the namespaces). */
export const HOSTS = {
  ntp: 'no.pool.ntp.org',
  hub: 'zapcloud.azure-devices.net',
  api: 'zapcloud-api.azurewebsites.net',
  devices: 'devices.zaptec.com',
  zaptecApi: 'api.zaptec.com',
} as const;

/** The host the filtering resolver (FILTERING_DNS_IP) answers NXDOMAIN for. */
export const NXDOMAIN_HOST = HOSTS.zaptecApi;

/** nginx ports of the TLS variants; the nftables `redirect` of a case sends TCP 443 to one of them. */
export const TLS_VARIANTS = {
  /** A FortiGate-style CA (O=Fortinet) re-signs zapcloud-api.azurewebsites.net. */
  fortinet: 10443,
  /** One unknown CA (no product in its name) re-signs two unrelated hosts. */
  unknownCa: 10444,
  /** api.zaptec.com serves a certificate that expired 10 days ago. */
  expired: 10445,
  /** api.zaptec.com serves a valid leaf and its intermediate CA, which expired 10 days ago. */
  expiredIntermediate: 10446,
  /** api.zaptec.com sends only its leaf (AIA names the intermediate it does not send). */
  leafOnly: 10447,
} as const;

/** The subject CN of the expired intermediate of the expiredIntermediate variant. */
export const EXPIRED_INTERMEDIATE_CN = 'zapcheck interop TLS CA 0';
/** The subject CN of the intermediate the leafOnly variant leaves out. */
export const MISSING_INTERMEDIATE_CN = 'zapcheck interop TLS CA 1';
export type TlsVariant = keyof typeof TLS_VARIANTS;
/** UDP port of the chronyd that never synchronised (see startUnsynchronisedChrony). */
export const UNSYNCHRONISED_NTP_PORT = 10123;

const BINARIES = ['nft', 'dnsmasq', 'nginx', 'mosquitto', 'mosquitto_passwd', 'chronyd', 'ss'] as const;

/** Root's PATH on some images lacks the sbin directories, where Debian puts these servers. */
const SEARCH_DIRS = [
  ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean),
  '/usr/local/sbin',
  '/usr/sbin',
  '/sbin',
];

function findBinary(name: string): string | null {
  for (const dir of SEARCH_DIRS) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** Absolute paths of the server binaries (filled by interopUnavailable). */
const bin: Partial<Record<(typeof BINARIES)[number], string>> = {};

function binary(name: (typeof BINARIES)[number]): string {
  return bin[name] ?? name;
}

/**
 * Why the interop suite cannot run here, or null. Namespaces need Linux and root; the servers need their
 * Debian packages (`.ci/run` installs them: iproute2 nftables dnsmasq-base mosquitto chrony nginx-light);
 * nftables needs kernel support inside a namespace (tried in a throwaway namespace).
 */
export function interopUnavailable(): string | null {
  const ns = netnsUnavailable();
  if (ns) return ns;
  for (const b of BINARIES) {
    const found = findBinary(b);
    if (found) bin[b] = found;
  }
  const missing = BINARIES.filter((b) => bin[b] === undefined);
  if (missing.length) {
    return `missing server binaries: ${missing.join(', ')} (apt-get install iproute2 nftables dnsmasq-base mosquitto chrony nginx-light)`;
  }
  let probe: Netns | undefined;
  try {
    probe = createNetns('nftprobe');
    probe.run(binary('nft'), ['add', 'table', 'inet', 'zapcheck_probe']);
  } catch (err) {
    const msg = (err as { stderr?: string }).stderr?.trim() || (err as Error).message;
    return `network namespaces or nftables do not work here: ${msg.split('\n')[0] ?? ''}`;
  } finally {
    probe?.remove();
  }
  return null;
}

export interface CaseRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  report: Report;
  stdout: string;
  stderr: string;
  /** Wall time of the whole subprocess, start-up included. */
  ms: number;
  /** Of its life, the time zapcheck's main thread waited for a CPU (test/helpers/timing.ts). */
  starvedMs: number;
  /** Meanwhile, the time this process (which measures `ms`) waited for a CPU. */
  parentStarvedMs: number;
}

interface Daemon {
  name: string;
  child: ChildProcess;
  /** The last few KB of its output, for the message when it dies early. */
  log: string;
  exited: boolean;
}

/** Proxy variables would make env:proxy warn; the charger never has one and neither does this run. */
const PROXY_VARS = /^(https?|all|no)_proxy$/i;

export class InteropCloud {
  readonly dir: string;
  cloud: Netns | undefined;
  client: Netns | undefined;
  readonly daemons: Daemon[] = [];
  /** Files the cases pass to zapcheck. */
  trustRootsFile = '';
  profileFile = '';
  private closed = false;
  private readonly onExit = (): void => this.destroySync();

  constructor() {
    this.dir = mkdtempSync(path.join(tmpdir(), 'zapcheck-interop-'));
    chmodSync(this.dir, 0o700);
    // Last resort if the test process ends without afterAll (a crash): no namespace, no daemon left.
    process.once('exit', this.onExit);
  }

  private file(name: string, content: string): string {
    const p = path.join(this.dir, name);
    writeFileSync(p, content, { mode: 0o600 });
    return p;
  }

  /**
   * Namespaces, link, certificates, configuration files, servers; resolves when every server answers.
   * `link` replaces the veth pair (the bench's delayed TUN relay): it joins the two namespaces and gives
   * them CLOUD_IP + FILTERING_DNS_IP and CLIENT_IP with a default route. `extraHttpsHosts` are served
   * too (healthy, one certificate naming them all), for profiles with more endpoints.
   */
  async start(
    opts: { link?: (cloud: Netns, client: Netns) => Promise<void>; extraHttpsHosts?: string[] } = {},
  ): Promise<void> {
    this.cloud = createNetns('cloud');
    this.client = createNetns('client');
    this.extraHttpsHosts = opts.extraHttpsHosts ?? [];
    await (opts.link ?? vethLink)(this.cloud, this.client);
    // The hijacking resolver and the portal live on the cloud side's loopback, whatever the link: the
    // client reaches them through the cloud address (its default route, or ARP on the veth).
    for (const ip of [HIJACK_DNS_IP, PORTAL_IP])
      this.cloud.run('ip', ['addr', 'add', `${ip}/32`, 'dev', 'lo']);
    this.firewall('');

    await this.writeCertificates();
    this.writeProfile();
    this.startDnsmasq();
    this.startNginx();
    this.startMosquitto();
    this.startChrony();
    this.startUnsynchronisedChrony();
    await this.waitListening();
    await this.waitNtpSynchronised();
  }

  // ---- certificates -------------------------------------------------------------------------------

  private certFiles(name: string, cert: IssuedCert): { crt: string; key: string } {
    return {
      crt: this.file(`${name}.crt`, cert.chainPem),
      key: this.file(`${name}.key`, cert.keyPem),
    };
  }

  private extraHttpsHosts: string[] = [];
  private extraCert: { crt: string; key: string } | undefined;
  /** PEM of the root every healthy public host chains to, and of devices.zaptec.com's private root. */
  testRootPem = '';
  privateRootPem = '';

  /** Per TLS variant and host: the certificate files nginx serves. */
  private readonly served = new Map<string, Map<string, { crt: string; key: string }>>();
  private hubCert: { crt: string; key: string } | undefined;
  private portalCert: { crt: string; key: string } | undefined;

  private async writeCertificates(): Promise<void> {
    const testRoot = await makeRoot({ name: { CN: 'zapcheck interop public root', O: 'zapcheck tests' } });
    // devices.zaptec.com: the charger checks it against a private Zaptec root, which zapcheck does not have.
    const privateRoot = await makeRoot({
      name: { CN: 'Device private root (interop)', O: 'zapcheck tests' },
    });
    // What a FortiGate's TLS inspection presents by default.
    const fortinet = await makeRoot({
      name: { C: 'US', O: 'Fortinet', OU: 'Certificate Authority', CN: 'FortiGate CA' },
    });
    // An inspecting proxy whose CA name gives no product away: only correlation can tell.
    const unknownCa = await makeRoot({ name: { CN: 'Secure Web Gateway Root', O: 'Example Site IT' } });
    this.trustRootsFile = this.file('trust-roots.pem', testRoot.pem);
    this.testRootPem = testRoot.pem;
    this.privateRootPem = privateRoot.pem;
    if (this.extraHttpsHosts.length > 0) {
      this.extraCert = this.certFiles(
        'extra-hosts',
        await makeLeaf({ issuer: testRoot, sans: this.extraHttpsHosts }),
      );
    }

    const leaf = (issuer: CertAuthority, host: string, expired = false): Promise<IssuedCert> =>
      makeLeaf({
        issuer,
        sans: [host],
        ...(expired
          ? { notBefore: new Date(Date.now() - 100 * DAY), notAfter: new Date(Date.now() - 10 * DAY) }
          : {}),
      });
    const healthy = new Map<string, { crt: string; key: string }>();
    for (const host of [HOSTS.api, HOSTS.devices, HOSTS.zaptecApi]) {
      const issuer = host === HOSTS.devices ? privateRoot : testRoot;
      healthy.set(host, this.certFiles(`healthy-${host}`, await leaf(issuer, host)));
    }
    this.served.set('healthy', healthy);
    this.hubCert = this.certFiles(`hub-${HOSTS.hub}`, await leaf(testRoot, HOSTS.hub));
    // A valid certificate from the public root, for the portal's own name (as a real portal has one).
    this.portalCert = this.certFiles('portal', await leaf(testRoot, PORTAL_NAME));

    this.served.set(
      'fortinet',
      new Map([...healthy, [HOSTS.api, this.certFiles('fortinet-api', await leaf(fortinet, HOSTS.api))]]),
    );
    this.served.set(
      'unknownCa',
      new Map([
        ...healthy,
        [HOSTS.api, this.certFiles('unknown-api', await leaf(unknownCa, HOSTS.api))],
        [HOSTS.zaptecApi, this.certFiles('unknown-zaptec-api', await leaf(unknownCa, HOSTS.zaptecApi))],
      ]),
    );
    this.served.set(
      'expired',
      new Map([
        ...healthy,
        [HOSTS.zaptecApi, this.certFiles('expired-zaptec-api', await leaf(testRoot, HOSTS.zaptecApi, true))],
      ]),
    );
    const expiredCa = await makeRoot({
      name: { CN: EXPIRED_INTERMEDIATE_CN, O: 'zapcheck tests' },
      issuer: testRoot,
      notBefore: new Date(Date.now() - 400 * DAY),
      notAfter: new Date(Date.now() - 10 * DAY),
    });
    this.served.set(
      'expiredIntermediate',
      new Map([
        ...healthy,
        [HOSTS.zaptecApi, this.certFiles('expired-ca-zaptec-api', await leaf(expiredCa, HOSTS.zaptecApi))],
      ]),
    );
    const issuingCa = await makeRoot({
      name: { CN: MISSING_INTERMEDIATE_CN, O: 'zapcheck tests' },
      issuer: testRoot,
    });
    const lone = await makeLeaf({
      issuer: issuingCa,
      sans: [HOSTS.zaptecApi],
      caIssuersUrl: 'http://pki.interop.invalid/tls-ca-1.crt',
    });
    this.served.set(
      'leafOnly',
      // The file nginx serves holds the leaf alone: the intermediate is not sent.
      new Map([
        ...healthy,
        [HOSTS.zaptecApi, this.certFiles('leaf-only-zaptec-api', { ...lone, chainPem: lone.pem })],
      ]),
    );
  }

  /** zaptec-pro's endpoints, unchanged. DHCP is not required: the client namespace has a static address
   * (the DHCP interop suite covers DHCP against dnsmasq). */
  private writeProfile(): void {
    const profile = {
      ...ZAPTEC_PRO,
      id: 'interop-cloud',
      name: 'Interop cloud (zaptec-pro endpoints)',
      description: 'The zaptec-pro endpoints, served by real servers in a test network namespace.',
      dhcp: { ...ZAPTEC_PRO.dhcp, required: false },
    };
    this.profileFile = this.file('interop-cloud.profile.json', `${JSON.stringify(profile, null, 2)}\n`);
  }

  // ---- servers ----------------------------------------------------------------------------------------

  private spawnIn(ns: Netns, name: string, argv: string[]): Daemon {
    const child = spawn('ip', ['netns', 'exec', ns.name, ...argv], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: this.dir,
    });
    const daemon: Daemon = { name, child, log: '', exited: false };
    const keep = (d: Buffer): void => {
      daemon.log = (daemon.log + d.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('exit', () => (daemon.exited = true));
    child.on('error', (err) => {
      daemon.exited = true;
      daemon.log += `\nspawn error: ${err.message}`;
    });
    this.daemons.push(daemon);
    return daemon;
  }

  private startDnsmasq(): void {
    const common = [
      binary('dnsmasq'),
      '--keep-in-foreground',
      '--conf-file=/dev/null',
      '--user=root',
      '--group=root',
      '--no-resolv',
      '--no-hosts',
      '--bind-interfaces',
      '--log-facility=-',
      '--cache-size=0',
    ];
    // Every cloud host resolves to the cloud address, as a working resolver would answer.
    const answers = [...Object.values(HOSTS), ...this.extraHttpsHosts].map(
      (h) => `--address=/${h}/${CLOUD_IP}`,
    );
    this.spawnIn(this.cloud!, 'dnsmasq', [
      ...common,
      `--listen-address=${CLOUD_IP}`,
      `--pid-file=${path.join(this.dir, 'dnsmasq.pid')}`,
      ...answers,
    ]);
    // A filtering resolver: the same answers except NXDOMAIN (an address-less --address) for one host.
    this.spawnIn(this.cloud!, 'dnsmasq (filtering)', [
      ...common,
      `--listen-address=${FILTERING_DNS_IP}`,
      `--pid-file=${path.join(this.dir, 'dnsmasq-filtering.pid')}`,
      ...Object.values(HOSTS)
        .filter((h) => h !== NXDOMAIN_HOST)
        .map((h) => `--address=/${h}/${CLOUD_IP}`),
      `--address=/${NXDOMAIN_HOST}/`,
    ]);
    // A captive portal's resolver: every name, existing or not, is the portal.
    this.spawnIn(this.cloud!, 'dnsmasq (hijacking)', [
      ...common,
      `--listen-address=${HIJACK_DNS_IP}`,
      `--pid-file=${path.join(this.dir, 'dnsmasq-hijacking.pid')}`,
      `--address=/#/${PORTAL_IP}`,
    ]);
  }

  private startNginx(): void {
    const d = this.dir;
    const servers: string[] = [];
    const variants: [string, number][] = [['healthy', 443], ...Object.entries(TLS_VARIANTS)];
    for (const [variant, port] of variants) {
      for (const [host, files] of this.served.get(variant) ?? []) {
        servers.push(`
  server {
    listen ${CLOUD_IP}:${port} ssl;
    server_name ${host};
    ssl_certificate ${files.crt};
    ssl_certificate_key ${files.key};
    location / { default_type text/plain; return 200 "zapcheck interop ${variant} ${host}\\n"; }
  }`);
      }
    }
    servers.push(`
  server {
    listen ${PORTAL_IP}:443 ssl default_server;
    server_name ${PORTAL_NAME};
    ssl_certificate ${this.portalCert!.crt};
    ssl_certificate_key ${this.portalCert!.key};
    location / { return 302 ${PORTAL_LOGIN}; }
  }`);
    if (this.extraCert) {
      servers.push(`
  server {
    listen ${CLOUD_IP}:443 ssl;
    server_name ${this.extraHttpsHosts.join(' ')};
    ssl_certificate ${this.extraCert.crt};
    ssl_certificate_key ${this.extraCert.key};
    location / { default_type text/plain; return 200 "zapcheck interop extra host\\n"; }
  }`);
    }
    const conf = this.file(
      'nginx.conf',
      `daemon off;
master_process on;
worker_processes 1;
user root;
pid ${d}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${d}/nginx-body;
  proxy_temp_path ${d}/nginx-proxy;
  fastcgi_temp_path ${d}/nginx-fastcgi;
  uwsgi_temp_path ${d}/nginx-uwsgi;
  scgi_temp_path ${d}/nginx-scgi;
${servers.join('\n')}
}
`,
    );
    // -e: the error log before the configuration is read (else /var/log/nginx/error.log).
    this.spawnIn(this.cloud!, 'nginx', [binary('nginx'), '-c', conf, '-p', d, '-e', 'stderr']);
  }

  private startMosquitto(): void {
    const passwords = path.join(this.dir, 'mosquitto.passwd');
    // A real user exists, so the broker is a normal password-protected one; the probe never knows it.
    execFileSync(binary('mosquitto_passwd'), ['-c', '-b', passwords, 'charger-under-test', 'not-the-probe'], {
      stdio: 'ignore',
    });
    const conf = this.file(
      'mosquitto.conf',
      `user root
per_listener_settings false
allow_anonymous false
password_file ${passwords}
persistence false
log_dest stderr
listener 8883 ${CLOUD_IP}
certfile ${this.hubCert!.crt}
keyfile ${this.hubCert!.key}
`,
    );
    this.spawnIn(this.cloud!, 'mosquitto', [binary('mosquitto'), '-c', conf]);
  }

  private startChrony(): void {
    const d = this.dir;
    const conf = this.file(
      'chrony.conf',
      `# An NTP server with no upstream: it serves its own clock at stratum 8 from the start.
local stratum 8
allow
port 123
bindaddress ${CLOUD_IP}
cmdport 0
bindcmdaddress ${d}/chronyd.sock
pidfile ${d}/chronyd.pid
`,
    );
    // -d: foreground, log to stderr; -x: never touch the system clock (it is not namespaced);
    // -u root: no privilege drop, so the temp dir need not be readable by _chrony.
    this.spawnIn(this.cloud!, 'chronyd', [binary('chronyd'), '-d', '-x', '-u', 'root', '-f', conf]);
  }

  /**
   * A second chronyd with no source and no `local` line: it has never synchronised and says so in every
   * reply. What chronyd 4.3 sends then (recorded here): leap indicator 3, stratum 0, reference id four zero
   * bytes (no kiss code). The `unsynchronisedNtp` option of `firewall` redirects UDP 123 to it.
   */
  private startUnsynchronisedChrony(): void {
    const d = this.dir;
    const conf = this.file(
      'chrony-unsynchronised.conf',
      `# No server, no pool, no local reference: never synchronised.
allow
port ${UNSYNCHRONISED_NTP_PORT}
bindaddress ${CLOUD_IP}
cmdport 0
pidfile ${d}/chronyd-unsynchronised.pid
`,
    );
    this.spawnIn(this.cloud!, 'chronyd (unsynchronised)', [
      binary('chronyd'),
      '-d',
      '-x',
      '-u',
      'root',
      '-f',
      conf,
    ]);
  }

  private deadDaemon(): Daemon | undefined {
    return this.daemons.find((d) => d.exited);
  }

  private async waitListening(timeoutMs = 10_000): Promise<void> {
    const want = [
      `tcp ${CLOUD_IP}:443`,
      ...Object.values(TLS_VARIANTS).map((p) => `tcp ${CLOUD_IP}:${p}`),
      `tcp ${CLOUD_IP}:8883`,
      `udp ${CLOUD_IP}:53`,
      `udp ${FILTERING_DNS_IP}:53`,
      `udp ${HIJACK_DNS_IP}:53`,
      `tcp ${PORTAL_IP}:443`,
      `udp ${CLOUD_IP}:123`,
      `udp ${CLOUD_IP}:${UNSYNCHRONISED_NTP_PORT}`,
    ];
    const until = performance.now() + timeoutMs;
    let missing = want;
    for (;;) {
      const dead = this.deadDaemon();
      if (dead) throw new Error(`${dead.name} exited at start-up:\n${dead.log}`);
      const listening = this.cloud!.run(binary('ss'), ['-H', '-n', '-l', '-t', '-u'])
        .split('\n')
        .map((l) => l.trim().split(/\s+/))
        .map((f) => `${f[0]} ${f[4]}`);
      missing = want.filter((w) => !listening.includes(w));
      if (missing.length === 0) return;
      if (performance.now() > until) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(
      `servers not listening after ${timeoutMs} ms: ${missing.join(', ')}\n${this.daemons
        .map((d) => `--- ${d.name}\n${d.log}`)
        .join('\n')}`,
    );
  }

  /**
   * chronyd answers at once with `local stratum 8`, but a reply with leap "unsynchronised" would be a
   * false NTP_BAD_REPLY in the first case: ask it from the client namespace (which also proves the veth
   * path and the route) until it answers synchronised.
   */
  private async waitNtpSynchronised(timeoutMs = 10_000): Promise<void> {
    const script = `
const dgram = require('node:dgram');
const until = Date.now() + ${timeoutMs};
const s = dgram.createSocket('udp4');
const ask = () => { const p = Buffer.alloc(48); p[0] = 0x23; s.send(p, 123, '${CLOUD_IP}'); };
s.on('message', (m) => {
  const leap = m[0] >> 6, stratum = m[1];
  if (leap !== 3 && stratum > 0 && stratum < 16) { console.log('stratum ' + stratum); process.exit(0); }
});
const t = setInterval(() => { if (Date.now() > until) { console.log('no synchronised reply'); process.exit(1); } ask(); }, 200);
ask();
`;
    const out = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn('ip', ['netns', 'exec', this.client!.name, process.execPath, '-e', script], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.stderr.on('data', (d: Buffer) => (text += d.toString()));
      child.on('close', (code) => resolve({ code, out: text }));
    });
    if (out.code !== 0) {
      const chrony = this.daemons.find((d) => d.name === 'chronyd');
      throw new Error(`chronyd does not answer from the client namespace: ${out.out}\n${chrony?.log ?? ''}`);
    }
  }

  // ---- faults -------------------------------------------------------------------------------------------

  /**
   * Replaces the cloud namespace's whole ruleset in one nftables transaction (`nft -f`): when this
   * returns, the next packet sees the new rules. `input` lines go in a filter chain on the input hook
   * (drop, reject), `redirect` sends TCP 443 to one nginx TLS variant, `unsynchronisedNtp` UDP 123 to the
   * chronyd that never synchronised.
   */
  firewall(
    input: string | string[],
    opts: { redirect443To?: TlsVariant; unsynchronisedNtp?: boolean; output?: string[] } = {},
  ): void {
    const rules = (Array.isArray(input) ? input : [input]).filter(Boolean);
    const nat = [
      opts.redirect443To ? `tcp dport 443 redirect to :${TLS_VARIANTS[opts.redirect443To]}` : '',
      opts.unsynchronisedNtp ? `udp dport 123 redirect to :${UNSYNCHRONISED_NTP_PORT}` : '',
    ]
      .filter(Boolean)
      .join('\n    ');
    const file = this.file(
      'ruleset.nft',
      `flush ruleset
table inet zapcheck_interop {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    ${nat}
  }
  chain input {
    type filter hook input priority filter; policy accept;
    ${rules.join('\n    ')}
  }
  chain output {
    type filter hook output priority filter; policy accept;
    ${(opts.output ?? []).join('\n    ')}
  }
}
`,
    );
    this.cloud!.run(binary('nft'), ['-f', file]);
  }

  // ---- zapcheck ------------------------------------------------------------------------------------------

  /**
   * `zapcheck site <name> --profile <interop profile> --trust-roots <test root> --json -` in the client
   * namespace, resolver 198.18.0.1 unless `args` names another, guard on (loopback + 198.18.0.0/15).
   */
  runZapcheck(site: string, args: string[], opts: { timeoutMs?: number } = {}): Promise<CaseRun> {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!PROXY_VARS.test(k)) env[k] = v;
    Object.assign(env, {
      NO_COLOR: '1',
      ZAPCHECK_GUARD: 'loopback',
      ZAPCHECK_GUARD_ALLOW: '198.18.0.0/15',
    });
    const dns = args.includes('--dns-server') ? [] : ['--dns-server', CLOUD_IP];
    const argv = [
      'netns',
      'exec',
      this.client!.name,
      process.execPath,
      '--import',
      RUNQUEUE_PRELOAD,
      BIN,
      'site',
      site,
      '--profile',
      this.profileFile,
      '--trust-roots',
      this.trustRootsFile,
      '--lang',
      'en',
      '--json',
      '-',
      ...dns,
      ...args,
    ];
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const waited = runQueueWaitMs();
      const child = spawn('ip', argv, {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe', 'ignore', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let fd4 = '';
      child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      (child.stdio[4] as NodeJS.ReadableStream).setEncoding('utf8').on('data', (d: string) => (fd4 += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const ms = performance.now() - started;
        let report: Report;
        try {
          report = JSON.parse(stdout) as Report;
        } catch {
          reject(
            new Error(`zapcheck printed no JSON report (exit ${code}, ${signal}):\n${stdout}\n${stderr}`),
          );
          return;
        }
        const parentStarvedMs = runQueueWaitMs() - waited;
        resolve({
          code,
          signal,
          report,
          stdout,
          stderr,
          ms,
          starvedMs: reportedRunQueueMs(fd4),
          parentStarvedMs,
        });
      });
    });
  }

  // ---- teardown --------------------------------------------------------------------------------------------

  /** Stops every server (SIGTERM, then SIGKILL), removes both namespaces and the temp dir. */
  async close(): Promise<void> {
    if (this.closed) return;
    const running = this.daemons.filter((d) => !d.exited);
    for (const d of running) d.child.kill('SIGTERM');
    await Promise.all(
      running.map(
        (d) =>
          new Promise<void>((resolve) => {
            if (d.exited) return resolve();
            const timer = setTimeout(() => {
              d.child.kill('SIGKILL');
              resolve();
            }, 2000);
            d.child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    this.destroySync();
  }

  /** Synchronous teardown (also the process-exit safety net): kill what is left, remove everything. */
  destroySync(): void {
    if (this.closed) return;
    this.closed = true;
    process.removeListener('exit', this.onExit);
    for (const d of this.daemons) if (!d.exited) d.child.kill('SIGKILL');
    for (const ns of [this.cloud, this.client]) {
      if (!ns) continue;
      // Anything still inside a namespace this suite made was started by this suite (nginx workers).
      try {
        const pids = sh('ip', ['netns', 'pids', ns.name]).split('\n').filter(Boolean);
        for (const pid of pids) {
          try {
            process.kill(Number(pid), 'SIGKILL');
          } catch {
            // already gone
          }
        }
      } catch {
        // namespace already gone
      }
      ns.remove();
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The veth pair of the interop suite between the two namespaces, with their addresses and route. */
function vethLink(cloud: Netns, client: Netns): Promise<void> {
  // The veth pair is created straight inside the two namespaces: nothing appears in the host's.
  sh('ip', [
    'link',
    'add',
    'name',
    'eth0',
    'netns',
    cloud.name,
    'type',
    'veth',
    'peer',
    'name',
    'eth0',
    'netns',
    client.name,
  ]);
  for (const ip of [CLOUD_IP, FILTERING_DNS_IP]) {
    cloud.run('ip', ['addr', 'add', `${ip}/${PREFIX}`, 'dev', 'eth0']);
  }
  cloud.run('ip', ['link', 'set', 'eth0', 'up']);
  client.run('ip', ['addr', 'add', `${CLIENT_IP}/${PREFIX}`, 'dev', 'eth0']);
  client.run('ip', ['link', 'set', 'eth0', 'up']);
  client.run('ip', ['route', 'add', 'default', 'via', CLOUD_IP]);
  return Promise.resolve();
}
