import { afterEach, describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load.js';
import { labAddresses, startLab, type Lab } from '../../src/lab/index.js';
import { createLabContext } from '../../src/site/lab.js';
import { createGuard } from '../../src/core/guard.js';
import { createProbes } from '../../src/probes/index.js';
import { runChecks } from '../../src/core/runner.js';
import { CHECK_FAMILIES } from '../../src/checks/index.js';

/**
 * Issue 3, point 5: a full run talks to the profile's hosts and the configured resolvers and to nothing
 * else. The guard records every destination a probe asks for (allowed or not); the expected set is built
 * independently of the checks: each profile endpoint's lab address (what the lab resolver answers for
 * its host) mapped through lab.dial for its port and transport, plus the lab resolver itself.
 */

const profile = loadProfile('zaptec-pro');

let open: Lab | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function destinationsOfRun(mqttConnect: boolean) {
  const lab = await startLab({ profile, scenario: 'healthy' });
  open = lab;
  const guard = createGuard('loopback');
  const ctx = createLabContext(
    {
      site: 'no-extra-traffic',
      profile,
      deadlineMs: 30_000, // never reached: a check cut short by a loaded machine would miss a destination
      guard,
      options: { mqttConnect, strict: false, extra: {} },
      lang: 'en',
      interrupt: new AbortController().signal,
    },
    lab,
  );
  const outcome = await runChecks(CHECK_FAMILIES, ctx, createProbes(ctx));
  const addresses = labAddresses(profile.endpoints.map((e) => e.host));
  const expected = new Set<string>();
  for (const e of profile.endpoints) {
    const transport = e.protocol === 'ntp' ? 'udp' : 'tcp';
    const target = lab.dial(addresses.get(e.host)!, e.port, transport);
    expect(target, `${e.host}:${e.port} has a lab route`).not.toBeNull();
    expected.add(`${transport} ${target!.ip}:${target!.port}`);
  }
  for (const r of lab.resolvers) expected.add(`udp ${r.ip}:${r.port}`);
  const seen = new Set(guard.destinations.map((d) => `${d.transport} ${d.address}:${d.port}`));
  return { outcome, expected, seen, destinations: guard.destinations };
}

describe('a full lab run sends nothing beyond the profile', () => {
  it('healthy: the destinations are exactly the profile hosts and the resolver', async () => {
    const { outcome, expected, seen, destinations } = await destinationsOfRun(false);
    // The run really went everywhere (not a vacuous pass): DNS, NTP, TCP, TLS, HTTPS all passed.
    const kinds = new Set(outcome.results.filter((r) => r.status === 'pass').map((r) => r.kind));
    for (const k of ['dns', 'ntp', 'tcp', 'tls', 'https']) expect(kinds).toContain(k);
    expect([...seen].sort()).toEqual([...expected].sort());
    expect(destinations.every((d) => d.allowed)).toBe(true);
  });

  it('--mqtt-connect adds an MQTT exchange to the same hub address and nothing else', async () => {
    const { outcome, expected, seen, destinations } = await destinationsOfRun(true);
    expect(outcome.results.find((r) => r.kind === 'mqtt')?.status).toBe('pass');
    expect([...seen].sort()).toEqual([...expected].sort());
    expect(destinations.every((d) => d.allowed)).toBe(true);
  });
});
