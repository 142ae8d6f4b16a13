/**
 * Test network namespaces: a "switch" namespace with a bridge, and namespaces plugged into it by veth
 * pairs created directly inside them (nothing is added to the host's own namespace). Addresses are
 * from 198.18.0.0/15 (RFC 2544 benchmarking). Everything a Lab creates is removed by `destroy()`,
 * which the tests call in afterAll and on process exit.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the child's JSON report is read loosely by the tests */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const SUBNET = '198.18.0.0/24';

/** Why namespaces cannot be used here, or null when they can. */
export function netnsUnavailable(): string | null {
  if (process.platform !== 'linux') return `network namespaces are Linux-only (this is ${process.platform})`;
  if (typeof process.geteuid === 'function' && process.geteuid() !== 0)
    return 'not root: cannot create network namespaces';
  const probe = `zcp${randomBytes(3).toString('hex')}`;
  const add = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8' });
  if (add.status !== 0) return `ip netns add failed: ${(add.stderr || String(add.error)).trim()}`;
  spawnSync('ip', ['netns', 'del', probe]);
  const d = spawnSync('dnsmasq', ['--version'], { encoding: 'utf8' });
  if (d.status !== 0) return 'dnsmasq is not installed (apt-get install -y dnsmasq)';
  return null;
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export class Lab {
  readonly id = randomBytes(3).toString('hex');
  readonly sw = `zcsw${this.id}`;
  readonly namespaces: string[] = [];
  readonly dir = mkdtempSync(path.join(tmpdir(), 'zc-dhcp-'));
  private readonly procs: ChildProcess[] = [];
  private port = 0;

  constructor() {
    this.addNs(this.sw);
    ip('-n', this.sw, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', this.sw, 'link', 'set', 'br0', 'up');
  }

  private addNs(name: string): void {
    ip('netns', 'add', name);
    this.namespaces.push(name);
    ip('-n', name, 'link', 'set', 'lo', 'up');
  }

  /** A namespace with one interface `eth0` on the bridge carrying `addresses` (CIDR). */
  host(role: string, addresses: string[], gateway?: string): string {
    const name = `zc${role}${this.id}`;
    this.addNs(name);
    const port = `p${this.port++}`;
    ip('link', 'add', 'name', 'eth0', 'netns', name, 'type', 'veth', 'peer', 'name', port, 'netns', this.sw);
    ip('-n', this.sw, 'link', 'set', port, 'master', 'br0');
    ip('-n', this.sw, 'link', 'set', port, 'up');
    for (const a of addresses) ip('-n', name, 'addr', 'add', a, 'dev', 'eth0');
    ip('-n', name, 'link', 'set', 'eth0', 'up');
    if (gateway) ip('-n', name, 'route', 'add', 'default', 'via', gateway);
    return name;
  }

  /** Starts dnsmasq (DHCP only) in `ns`; resolves once it listens. */
  async dnsmasq(ns: string, args: string[], leases = ''): Promise<ChildProcess> {
    const leaseFile = path.join(this.dir, `${ns}.leases`);
    writeFileSync(leaseFile, leases);
    const p = spawn(
      'ip',
      [
        'netns',
        'exec',
        ns,
        'dnsmasq',
        '--keep-in-foreground',
        '--conf-file=/dev/null',
        '--port=0',
        '--no-ping',
        '--interface=eth0',
        '--bind-interfaces',
        `--dhcp-leasefile=${leaseFile}`,
        '--log-dhcp',
        '--log-facility=-',
        `--pid-file=${path.join(this.dir, `${ns}.pid`)}`,
        ...args,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.procs.push(p);
    let log = '';
    await new Promise<void>((resolve, reject) => {
      // A limit for a dnsmasq that never comes up, not a wait: it resolves on the log line.
      const t = setTimeout(() => reject(new Error(`dnsmasq in ${ns} did not start: ${log}`)), 20_000);
      const onData = (d: Buffer): void => {
        log += d.toString();
        // dnsmasq logs its DHCP range after it has bound the DHCP socket: it answers from then on.
        if (/DHCP, IP range/.test(log)) {
          clearTimeout(t);
          resolve();
        }
      };
      p.stdout?.on('data', onData);
      p.stderr?.on('data', onData);
      p.once('exit', (code) => {
        clearTimeout(t);
        reject(new Error(`dnsmasq in ${ns} exited (${code}): ${log}`));
      });
    });
    return p;
  }

  async stop(p: ChildProcess): Promise<void> {
    if (p.exitCode !== null || p.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => p.once('exit', () => resolve()));
    p.kill('SIGTERM');
    await gone;
  }

  /** Runs `zapcheck dhcp` (compiled child) inside `ns` with the test's guard allowances. */
  runDhcp(
    ns: string,
    childJs: string,
    opts: Record<string, unknown>,
  ): { code: number; report?: any; text?: string; error?: string } {
    const r = spawnSync('ip', ['netns', 'exec', ns, process.execPath, childJs, JSON.stringify(opts)], {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        ZAPCHECK_GUARD: 'loopback',
        ZAPCHECK_GUARD_ALLOW: `${SUBNET},255.255.255.255/32`,
      },
    });
    if (r.status !== 0 || !r.stdout) throw new Error(`child failed (${r.status}): ${r.stderr}`);
    return JSON.parse(r.stdout) as { code: number; report?: any; text?: string; error?: string };
  }

  destroy(): void {
    for (const p of this.procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    for (const ns of [...this.namespaces].reverse()) spawnSync('ip', ['netns', 'del', ns]);
    this.namespaces.length = 0;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Compiles `entry` (and what it imports) with tsc into a directory under node_modules/.cache, so a
 * plain `node` can run it inside a namespace (Node 20 cannot run TypeScript). Returns the .js path.
 */
export function compileForNode(repoRoot: string, entry: string): { js: string; cleanup: () => void } {
  // A fresh clone (CI) has no node_modules/.cache yet.
  const cacheDir = path.join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cacheDir, { recursive: true });
  const out = mkdtempSync(path.join(cacheDir, 'zc-dhcp-build-'));
  const tsconfig = path.join(out, 'tsconfig.json');
  // Under node_modules Node does not look further up for "type": "module".
  writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: path.join(repoRoot, 'tsconfig.json'),
      compilerOptions: {
        outDir: out,
        rootDir: repoRoot,
        noEmit: false,
        sourceMap: false,
        noEmitOnError: false,
      },
      files: [path.join(repoRoot, entry)],
      include: [],
    }),
  );
  // Type errors elsewhere in a checkout being edited must not stop the emit: the exit code is ignored.
  spawnSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig],
    {
      encoding: 'utf8',
    },
  );
  // Files the code reads at run time (the profile schema) are not emitted by tsc.
  cpSync(path.join(repoRoot, 'src', 'schemas'), path.join(out, 'src', 'schemas'), { recursive: true });
  const js = path.join(out, entry.replace(/\.ts$/, '.js'));
  return { js, cleanup: () => rmSync(out, { recursive: true, force: true }) };
}
