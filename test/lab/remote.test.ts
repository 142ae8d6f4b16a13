import dgram from 'node:dgram';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load.js';
import { startLab, type Lab, type StartLabOptions } from '../../src/lab/index.js';
import { runCli } from '../helpers/cli.js';

/**
 * The lab in a worker thread (src/lab/remote.ts, as `zapcheck site --lab` starts it): the same lab as the
 * in-process one, as data on this side; every port it opened is closed again by close(); a scenario it
 * does not know is an error, not a hang. The worker starts from the built module (a worker thread loads
 * a file: dist/lab/worker.js, built by the global set-up), so these tests import the built remote.js.
 * Every scenario through the worker is played by test/cli/site-lab.test.ts (the CLI uses the worker),
 * and Ctrl-C / SIGTERM during a lab run by test/cli/signals.test.ts.
 */

const dist = path.resolve(import.meta.dirname, '../../dist');
const { startLabInWorker } = (await import(pathToFileURL(path.join(dist, 'lab/remote.js')).href)) as {
  startLabInWorker: (opts: StartLabOptions) => Promise<Lab>;
};
const profile = loadProfile('zaptec-pro');

const connects = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

const udpBindable = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    s.once('error', () => (s.close(), resolve(false)));
    s.bind(port, '127.0.0.1', () => (s.close(), resolve(true)));
  });

/** The loopback ports of a lab's TLS listeners (the closed port of refused/dropped routes excluded). */
const tcpPorts = (lab: Lab): number[] => [
  ...new Set(
    [...lab.routes].filter(([key, t]) => key.startsWith('tcp ') && !t.blackhole).map(([, t]) => t.port),
  ),
];

describe('the lab in a worker thread', { timeout: 60_000 }, () => {
  it('is the in-process lab as data: the same scenario, routes, resolvers and environment', async () => {
    const [remote, local] = await Promise.all([
      startLabInWorker({ profile, scenario: 'tcp-8883-dropped' }),
      startLab({ profile, scenario: 'tcp-8883-dropped' }),
    ]);
    try {
      expect(remote.scenario).toBe('tcp-8883-dropped');
      expect([...remote.routes.keys()].sort()).toEqual([...local.routes.keys()].sort());
      expect(remote.resolvers.map((r) => r.source)).toEqual(local.resolvers.map((r) => r.source));
      expect(remote.environment).toEqual(local.environment);
      expect(remote.clockOffsetMs).toBe(local.clockOffsetMs);
      expect(remote.publicRoots[0]).toMatch(/^-----BEGIN CERTIFICATE-----/);
      // dial maps the same logical addresses, onto the worker's own ports.
      for (const key of remote.routes.keys()) {
        const [transport, addr] = key.split(' ') as ['tcp' | 'udp', string];
        const [ip, port] = addr.split(':');
        const r = remote.dial(ip!, Number(port), transport);
        const l = local.dial(ip!, Number(port), transport);
        expect({ blackhole: r?.blackhole, ip: r?.ip }).toEqual({ blackhole: l?.blackhole, ip: l?.ip });
      }
      expect(remote.dial('127.0.0.9', 53, 'udp')).toEqual({ ip: '127.0.0.9', port: 53 });
      expect(remote.dial('203.0.113.1', 443, 'tcp')).toBeNull();
    } finally {
      await Promise.all([remote.close(), local.close()]);
    }
  });

  it('close() releases every port it opened, and a second close() is harmless', async () => {
    const lab = await startLabInWorker({ profile, scenario: 'healthy', latencyMs: 20 });
    const tcp = tcpPorts(lab);
    const dnsPort = lab.resolvers[0]!.port;
    const ntpPort = [...lab.routes].find(([key]) => key.startsWith('udp '))![1].port;
    expect(tcp.length).toBeGreaterThanOrEqual(2);
    for (const port of tcp) expect(await connects(port), `TLS listener ${port} is up`).toBe(true);
    expect(await udpBindable(dnsPort), 'the lab holds its DNS port').toBe(false);
    expect(await udpBindable(ntpPort), 'the lab holds its NTP port').toBe(false);

    await lab.close();
    await lab.close();
    for (const port of tcp) expect(await connects(port), `TLS listener ${port} is closed`).toBe(false);
    expect(await udpBindable(dnsPort), 'DNS port released').toBe(true);
    expect(await udpBindable(ntpPort), 'NTP port released').toBe(true);
  });

  it('an unknown scenario is an error naming it, and leaves no thread behind', async () => {
    await expect(startLabInWorker({ profile, scenario: 'no-such-scenario' })).rejects.toThrow(
      /unknown lab scenario "no-such-scenario"/,
    );
  });
});

describe('zapcheck site --lab', { timeout: 60_000 }, () => {
  it('the thread that runs the checks never loads the X.509 library (the lab thread makes the certificates)', async () => {
    // Which packages each thread loaded (its own CommonJS cache; @peculiar/x509 is CommonJS), at exit.
    const preload = `data:text/javascript,${encodeURIComponent(
      "import Module from 'node:module'; import { isMainThread } from 'node:worker_threads';" +
        "process.on('exit', () => { const x = Object.keys(Module._cache).some((k) => k.includes('@peculiar/x509'));" +
        "process.stderr.write(`\\nthread ${isMainThread ? 'main' : 'worker'} x509 ${x}\\n`); });",
    )}`;
    const run = await runCli(['site', 'lab', '--lab', '--no-history', '--json', '-'], {
      nodeArgs: ['--import', preload],
    });
    expect(run.stdout, run.stderr).not.toBe('');
    const report = JSON.parse(run.stdout) as { checks: { id: string; status: string; cause: string }[] };
    const bad = report.checks.filter((c) => c.status === 'fail' || c.status === 'error');
    expect(bad.map((c) => `${c.id} ${c.cause}`)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('thread main x509 false');
    // The check can fail: the lab thread did load it (it made the certificates).
    expect(run.stderr).toContain('thread worker x509 true');
  });
});
