import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/result.js';
import { BIN, ROOT } from '../helpers/cli.js';
import { createNetns, netnsUnavailable, type Netns } from '../helpers/netns.js';
import { reportedRunQueueMs, runQueueWaitMs, RUNQUEUE_PRELOAD } from '../helpers/timing.js';

/**
 * A real-mode run (no --lab) inside a network namespace with no route at all: it must end within the
 * deadline, with every network check failing or skipped with a clear cause, and no stack trace.
 * The resolver the OS was "given" (the namespace's resolv.conf) is in 198.18.0.0/15, a benchmarking
 * range that the namespace cannot reach; the guard allows only that range and loopback.
 */

const why = netnsUnavailable();
if (why) console.warn(`!! SKIPPING network-namespace tests: ${why}`);

describe.skipIf(why !== null)('zapcheck site in a network namespace with no route', () => {
  let ns: Netns;
  beforeAll(() => {
    ns = createNetns('noroute', { resolvConf: 'nameserver 198.18.0.53\n' });
  });
  afterAll(() => ns?.remove());

  it('ends within --deadline with clear failures, exit 1', async () => {
    const deadline = 3;
    const started = performance.now();
    const waited = runQueueWaitMs();
    const { code, stdout, stderr, starvedMs } = await new Promise<{
      code: number | null;
      stdout: string;
      stderr: string;
      starvedMs: number;
    }>((resolve, reject) => {
      const child = spawn(
        ns.prefix[0]!,
        [
          ...ns.prefix.slice(1),
          process.execPath,
          '--import',
          RUNQUEUE_PRELOAD,
          BIN,
          'site',
          'No route',
          '--deadline',
          String(deadline),
          '--json',
          '-',
        ],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            NO_COLOR: '1',
            ZAPCHECK_GUARD: 'loopback',
            ZAPCHECK_GUARD_ALLOW: '198.18.0.0/15',
          },
          stdio: ['ignore', 'pipe', 'pipe', 'ignore', 'pipe'],
        },
      );
      let out = '';
      let err = '';
      let fd4 = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      child.stdio[4]!.on('data', (d: Buffer) => (fd4 += d.toString()));
      child.on('error', reject);
      child.on('close', (c) =>
        resolve({ code: c, stdout: out, stderr: err, starvedMs: reportedRunQueueMs(fd4) }),
      );
    });
    const elapsed = performance.now() - started;
    const parentStarvedMs = runQueueWaitMs() - waited;
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    const report = JSON.parse(stdout) as Report;
    expect(code).toBe(1);
    expect(report.verdict).toBe('not-ready');
    expect(report.environment.mode).toBe('real');
    expect(report.environment.resolvers).toEqual(['198.18.0.53:53']);
    // The run ends by its deadline: 300 ms for the report, plus the time the OS kept zapcheck waiting for
    // a CPU (measured: test/helpers/timing.ts), so a loaded machine cannot fail it but an overrun does.
    expect(report.durationMs).toBeLessThanOrEqual(deadline * 1000 + 300 + starvedMs);
    // The process as a whole (Node's boot and exit around the run) does not hang past it either.
    expect(elapsed).toBeLessThan(deadline * 1000 + 5000 + starvedMs + parentStarvedMs);

    const route = report.checks.find((c) => c.id === 'env:route');
    expect(route).toMatchObject({ status: 'fail', cause: 'ENV_NO_IPV4' });
    const dns = report.checks.filter((c) => c.kind === 'dns');
    expect(dns.length).toBeGreaterThan(0);
    for (const c of dns)
      expect({ id: c.id, status: c.status, cause: c.cause }).toEqual({
        id: c.id,
        status: 'fail',
        cause: 'DNS_UNREACHABLE',
      });
    for (const c of report.checks.filter((r) => ['ntp', 'tcp', 'tls', 'https'].includes(r.kind))) {
      expect({ id: c.id, status: c.status, cause: c.cause }).toEqual({
        id: c.id,
        status: 'skip',
        cause: 'SKIPPED',
      });
    }
    for (const c of report.checks) expect(c.summary.length).toBeGreaterThan(10);
  });
});
