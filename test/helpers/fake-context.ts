import type { Check, CheckOutcome } from '../../src/core/check.js';
import type {
  Clock,
  ResolverAddr,
  SiteContext,
  SiteEnvironment,
  SiteOptions,
  TrustSpec,
} from '../../src/core/context.js';
import { createGuard } from '../../src/core/guard.js';
import type { CheckResult } from '../../src/core/result.js';
import { createTranslator } from '../../src/i18n/index.js';
import { loadProfile } from '../../src/profile/load.js';
import type { Endpoint, Profile } from '../../src/profile/types.js';
import type { Probes } from '../../src/probes/types.js';

/**
 * A site context for unit tests: a fake clock, a loopback-only guard, a real profile (zaptec-pro by
 * default, loaded through loadProfile), English messages, and fake probes as plain objects. Nothing
 * here opens a socket; a probe a test did not provide fails the test when a check calls it.
 */

export interface FakeClock extends Clock {
  /** Moves both the wall clock and the monotonic clock forward. */
  advance(ms: number): void;
}

/** Wall clock 2025-06-01T10:00:00Z, monotonic 1000 ms, both moved only by `advance`. */
export function fakeClock(wallStart = Date.parse('2025-06-01T10:00:00Z')): FakeClock {
  let wall = wallStart;
  let mono = 1000;
  return {
    now: () => wall,
    monotonic: () => mono,
    advance(ms) {
      wall += ms;
      mono += ms;
    },
  };
}

export const TEST_RESOLVER: ResolverAddr = { ip: '192.0.2.53', port: 53, source: 'os' };
export const TEST_RESOLVER_2: ResolverAddr = { ip: '192.0.2.54', port: 53, source: 'os' };

/** Stand-ins for PEM roots: checks pass them through to probes and never parse them. */
export const PUBLIC_ROOTS = ['-----BEGIN CERTIFICATE-----test public root-----END CERTIFICATE-----'];
export const PEM_ROOTS = ['-----BEGIN CERTIFICATE-----test private root-----END CERTIFICATE-----'];

export function testTrust(e: Endpoint): TrustSpec {
  const trust = e.trust;
  if (trust === 'public') return { kind: 'public', roots: PUBLIC_ROOTS, label: 'test public roots' };
  if (trust === 'private') return { kind: 'private', roots: [], label: 'private root (not available)' };
  if ('pem' in trust) return { kind: 'pem', roots: PEM_ROOTS, label: trust.pem };
  return { kind: 'issuer', roots: PUBLIC_ROOTS, issuer: trust.issuer, label: `issuer "${trust.issuer}"` };
}

export interface FakeContextOptions {
  profile?: string | Profile;
  resolvers?: ResolverAddr[];
  useOsResolver?: boolean;
  deadlineMs?: number;
  clock?: FakeClock;
  environment?: Partial<SiteEnvironment>;
  options?: Partial<SiteOptions>;
  signal?: AbortSignal;
}

export type FakeContext = SiteContext & { clock: FakeClock };

export function fakeContext(opts: FakeContextOptions = {}): FakeContext {
  const profile = typeof opts.profile === 'object' ? opts.profile : loadProfile(opts.profile ?? 'zaptec-pro');
  const clock = opts.clock ?? fakeClock();
  const deadlineMs = opts.deadlineMs ?? 5000;
  return {
    mode: 'real',
    labScenario: null,
    site: 'Test site',
    profile,
    resolvers: opts.resolvers ?? [TEST_RESOLVER],
    useOsResolver: opts.useOsResolver ?? false,
    trustFor: testTrust,
    dial: (ip, port) => ({ ip, port }),
    guard: createGuard('loopback'),
    clock,
    deadlineMs,
    deadlineAt: clock.monotonic() + deadlineMs,
    signal: opts.signal ?? new AbortController().signal,
    environment: {
      proxy: {},
      ipv4DefaultRoute: { interface: 'eth0', gateway: '192.0.2.1' },
      routeSource: 'test',
      ...opts.environment,
    },
    options: { mqttConnect: false, strict: false, extra: {}, ...opts.options },
    lang: 'en',
    t: createTranslator('en'),
  };
}

export interface ProbeCall {
  method: keyof Probes;
  request: unknown;
}

/**
 * Fake probes from plain functions. Every call is recorded (method and request); a method the test
 * did not give throws, so the check under test turns it into an error the assertions will see.
 */
export function fakeProbes(impl: Partial<Probes>): Probes & { calls: ProbeCall[] } {
  const calls: ProbeCall[] = [];
  const methods = ['dns', 'osLookup', 'ntp', 'tcp', 'tls', 'https', 'mqtt'] as const;
  const probes: Record<string, unknown> = { calls };
  for (const m of methods) {
    probes[m] = (request: unknown) => {
      calls.push({ method: m, request });
      const f = impl[m] as ((r: unknown) => unknown) | undefined;
      if (!f) throw new Error(`unexpected probe call: ${m}`);
      return f(request);
    };
  }
  return probes as unknown as Probes & { calls: ProbeCall[] };
}

/** A finished, passed check result (a dependency for the check under test). */
export function passed(id: string, evidence: CheckResult['evidence'] = {}): CheckResult {
  const [kind = 'x', host, port] = id.split(':');
  return {
    id,
    kind,
    title: id,
    target: { host, port: port === undefined ? undefined : Number(port) },
    status: 'pass',
    cause: 'OK',
    summary: `${id} passed`,
    evidence,
    remediation: [],
    durationMs: 1,
  };
}

/** The passed DNS result a TCP/TLS/NTP check reads its addresses from. */
export function dnsPassed(host: string, addresses: string[] = ['198.51.100.10']): CheckResult {
  return passed(`dns:${host}`, { addresses, cnameChain: [host], server: '192.0.2.53:53' });
}

/** Runs one check the way the runner does, with its needs given as passed results. */
export function runCheck(
  check: Check,
  ctx: SiteContext,
  probes: Probes,
  deps: CheckResult[] = [],
  budgetMs = 2000,
): Promise<CheckOutcome> {
  return check.run({ ctx, probes, deps: Object.fromEntries(deps.map((d) => [d.id, d])), budgetMs });
}

/** The endpoint of the context's profile for a host (and port), failing loudly when absent. */
export function endpointOf(ctx: SiteContext, host: string, port?: number): Endpoint {
  const e = ctx.profile.endpoints.find((x) => x.host === host && (port === undefined || x.port === port));
  if (!e) throw new Error(`profile ${ctx.profile.id} has no endpoint ${host}:${port ?? '*'}`);
  return e;
}

/** All remediation text of an outcome, one string, for "names the host and port" assertions. */
export function remediationText(out: CheckOutcome): string {
  return out.remediation.map((r) => r.text).join('\n');
}
