import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/**
 * Network namespaces that a test creates and removes itself (iproute2). Tests that need them call
 * `netnsUnavailable()` first: where namespaces are impossible (not root, no `ip`), they skip and say why
 * loudly. CI runs as root, so CI runs them.
 */

export function netnsUnavailable(): string | null {
  if (process.platform !== 'linux') return `network namespaces need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'network namespaces need root (CI runs as root)';
  try {
    execFileSync('ip', ['-V'], { stdio: 'ignore' });
  } catch {
    return 'the `ip` command (iproute2) is not installed';
  }
  return null;
}

export function sh(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface Netns {
  name: string;
  /** Runs a command inside the namespace. */
  run(cmd: string, args: string[]): string;
  /** argv prefix to run something inside it: ['ip', 'netns', 'exec', name]. */
  prefix: string[];
  remove(): void;
}

/** A namespace with only loopback up; `resolvConf` becomes its /etc/resolv.conf (ip netns exec mounts it). */
export function createNetns(tag: string, opts: { resolvConf?: string } = {}): Netns {
  const name = `zc-${tag}-${randomBytes(3).toString('hex')}`;
  sh('ip', ['netns', 'add', name]);
  sh('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
  const etcDir = `/etc/netns/${name}`;
  if (opts.resolvConf !== undefined) {
    mkdirSync(etcDir, { recursive: true });
    writeFileSync(`${etcDir}/resolv.conf`, opts.resolvConf);
  }
  return {
    name,
    prefix: ['ip', 'netns', 'exec', name],
    run: (cmd, args) => sh('ip', ['netns', 'exec', name, cmd, ...args]),
    remove() {
      try {
        sh('ip', ['netns', 'del', name]);
      } catch {
        // already gone
      }
      rmSync(etcDir, { recursive: true, force: true });
    },
  };
}
