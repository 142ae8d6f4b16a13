import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DialTarget, ResolverAddr, SiteContext, TrustSpec } from '../../src/core/context.js';
import type { ProbeErrorCode, ProbeResult } from '../../src/core/errors.js';
import { createGuard } from '../../src/core/guard.js';
import type { CheckResult, Report } from '../../src/core/result.js';
import { createTranslator } from '../../src/i18n/index.js';
import type { Endpoint, Profile } from '../../src/profile/types.js';
import { ZAPTEC_PRO } from '../../src/profile/builtin.js';
import { normalizeProfile } from '../../src/profile/load.js';
import { buildReport } from '../../src/report/build.js';
import { renderJson } from '../../src/report/json.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { eventually } from '../helpers/timing.js';

/**
 * Shared pieces of the hostile-network suite: run counts (ZAPCHECK_FUZZ=full raises them, like the DHCP
 * codec and Wi-Fi parser fuzzers), the closed set of probe outcomes, the "no raw control character"
 * test, a watch on unhandled rejections, and a lab-like site context that routes logical addresses to
 * the hostile servers on 127.0.0.1.
 */

export const FULL = process.env.ZAPCHECK_FUZZ === 'full';

export function runs(fast: number, full: number): number {
  return FULL ? full : fast;
}

/**
 * How long past its timeoutMs a probe may take to settle: this process's own event-loop work and timer
 * jitter. Time the OS kept the process waiting for a CPU (a loaded 2-core machine) comes on top, measured
 * per case (test/helpers/timing.ts), so the bound cannot flake under load; a probe that waits past its
 * limit (for the peer, or a second timer) still fails it, because waiting is not run-queue time.
 */
export const SLACK_MS = 400;

/**
 * Time limits for cases that hang on purpose (the probe must give up on its own): UDP exchanges (DNS,
 * NTP: every ignored reply means waiting the limit out), and TCP/TLS exchanges (TLS, MQTT, HTTP).
 */
export const UDP_WAIT_MS = 30;
/**
 * For UDP cases whose outcome depends on ignored replies arriving before the limit (PROTOCOL rather
 * than TIMEOUT): the server shares this process's event loop, so on a loaded 2-core machine 30 ms
 * lost that race (CI-like run: TIMEOUT where the replies were sent). Long enough to deliver them.
 */
export const BAD_WAIT_MS = 200;
export const TCP_WAIT_MS = 50;
/** A time limit for cases expected to settle on their own; never waited out unless the probe hangs. */
export const LONG_MS = 3000;

/** Every code a probe may return (src/core/errors.ts). */
export const ALL_CODES: readonly ProbeErrorCode[] = [
  'TIMEOUT',
  'ABORTED',
  'REFUSED',
  'RESET',
  'UNREACHABLE',
  'NXDOMAIN',
  'SERVFAIL',
  'REFUSED_DNS',
  'NODATA',
  'TLS_CERT',
  'TLS_HANDSHAKE',
  'AUTH',
  'PROTOCOL',
  'TOO_LARGE',
  'BLOCKED',
  'INTERNAL',
];

// C0, DEL, C1, line/paragraph separators and bidi controls: what src/probes/sanitize.ts escapes.
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const RAW_CONTROL_BUT_NEWLINE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The path of the first string (or object key) in `value` that carries a raw control character. */
export function rawControlPath(value: unknown, path = '$', allowNewline = false): string | null {
  const re = allowNewline ? RAW_CONTROL_BUT_NEWLINE : RAW_CONTROL;
  if (typeof value === 'string') return re.test(value) ? `${path} = ${JSON.stringify(value)}` : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = rawControlPath(value[i], `${path}[${i}]`, allowNewline);
      if (p) return p;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (re.test(k)) return `${path} has key ${JSON.stringify(k)}`;
      const p = rawControlPath(v, `${path}.${k}`, allowNewline);
      if (p) return p;
    }
  }
  return null;
}

/**
 * A clean probe outcome: ok with a value free of raw control characters, or a failure whose code is in
 * `allowed` and whose message (shown to people) is clean; settled within its limit plus slack.
 */
export function assertCleanProbe<T>(
  r: ProbeResult<T>,
  opts: {
    allowed: readonly ProbeErrorCode[];
    timeoutMs: number;
    elapsedMs: number;
    /** Of elapsedMs, the time the OS did not run this process (timed() measures it). */
    starvedMs: number;
    what: string;
  },
): void {
  const tag = `${opts.what}: ${r.ok ? 'ok' : `${r.error.code} ${r.error.message}`}`;
  expect(ALL_CODES, tag).toEqual(expect.arrayContaining([...opts.allowed]));
  if (r.ok) {
    expect(rawControlPath(r.value), tag).toBeNull();
  } else {
    expect(opts.allowed, tag).toContain(r.error.code);
    expect(typeof r.error.message, tag).toBe('string');
    expect(rawControlPath(r.error.message), tag).toBeNull();
  }
  expect(Number.isFinite(r.ms) && r.ms >= 0, tag).toBe(true);
  expect(
    opts.elapsedMs,
    `${tag}: settled after ${Math.round(opts.elapsedMs)} ms (${Math.round(opts.starvedMs)} ms of it waiting for a CPU)`,
  ).toBeLessThanOrEqual(opts.timeoutMs + SLACK_MS + opts.starvedMs);
}

export { timed } from '../helpers/timing.js';

/**
 * How long this process may take to read a datagram that is already there (its own work: a GC pause, a
 * first compile); time the OS did not run it comes on top, measured.
 */
export const READ_SLACK_MS = 100;

/**
 * The code of a case whose replies are all ignored (and that therefore waits out its limit). It says
 * PROTOCOL only if a reply was read before the limit. The hostile server sent its first reply `lead` ms
 * before the limit; the probe reads it at its next turn of the event loop, unless this process lost that
 * time (READ_SLACK_MS of its own work, or waiting for a CPU). Then it saw nothing, and TIMEOUT is right;
 * otherwise TIMEOUT is a probe that lost the replies, and fails.
 */
export function expectWaitedOutcome(
  got: string,
  expected: ProbeErrorCode,
  o: { repliedAt: number | null; startedAt: number; timeoutMs: number; starvedMs: number; what: string },
): void {
  if (expected === 'PROTOCOL' && got === 'TIMEOUT') {
    const lead = o.repliedAt === null ? -Infinity : o.startedAt + o.timeoutMs - o.repliedAt;
    expect(
      lead,
      `${o.what}: TIMEOUT though the replies were sent ${Math.round(lead)} ms before the limit (${Math.round(o.starvedMs)} ms waiting for a CPU)`,
    ).toBeLessThan(READ_SLACK_MS + o.starvedMs);
    return;
  }
  expect(got, o.what).toBe(expected);
}

/**
 * Records unhandled rejections and uncaught exceptions for the whole file (vitest fails a run on them
 * too, but only with a trace; this names the suite and asserts none fired).
 */
export function watchProcess(): { events: string[] } {
  const events: string[] = [];
  const onRejection = (reason: unknown): void => {
    events.push(`unhandledRejection: ${String(reason)}`);
  };
  const onException = (err: unknown): void => {
    events.push(`uncaughtException: ${String(err)}`);
  };
  beforeAll(() => {
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
  });
  afterAll(async () => {
    // A late rejection surfaces a turn or two after the last case.
    await new Promise((r) => setTimeout(r, 50));
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    expect(events).toEqual([]);
  });
  return { events };
}

/** Socket handles of this process (servers included), to show that no case leaves one behind. */
export function socketHandles(): number {
  return process
    .getActiveResourcesInfo()
    .filter((k) => ['TCPSocketWrap', 'TCPWRAP', 'TLSWrap', 'UDPWrap', 'UDPWRAP'].includes(k)).length;
}

/**
 * No case left a socket behind: at most `baseline` (the servers' own) remain, once libuv has run the close
 * callbacks of the closed ones (a few loop turns: waited for, not slept).
 */
export async function expectNoSocketLeft(baseline: number): Promise<void> {
  await eventually(() => socketHandles() <= baseline);
  expect(socketHandles()).toBeLessThanOrEqual(baseline);
}

/**
 * One property over generated cases, run `count` times, printing the number of cases it ran so CI
 * logs show the count. The property throws (expect) to fail a case; fast-check then shrinks it.
 */
export function fuzzIt<C>(
  name: string,
  count: number,
  arb: fc.Arbitrary<C>,
  property: (c: C) => Promise<void>,
  opts: { after?: () => void } = {},
): void {
  it(`${name} (${count} cases)`, { timeout: FULL ? 600_000 : 120_000 }, async () => {
    let ran = 0;
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(arb, async (c) => {
        ran++;
        try {
          await property(c);
        } finally {
          opts.after?.();
        }
      }),
      { numRuns: count },
    );
    const s = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`[fuzz] ${name}: ${ran} cases in ${s} s`);
  });
}

/** Hostile text: control characters, ANSI/OSC sequences, C1 CSI, bidi overrides, NUL, lone surrogates. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .array(
      fc.constantFrom(
        '\u001b[2J',
        '\u001b[31m',
        '\u001b]0;pwned\u0007',
        '\u001b]8;;http://evil.test\u001b\\',
        '\u009b31m',
        '\u0000',
        '\r',
        '\n',
        '\t',
        '\u0008',
        '\u007f',
        '\u202e',
        '\u2028',
        '\u2066',
        'ok',
        'zaptec',
        ' ',
        '.',
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((parts) => parts.join('')),
);

/** Hostile text that still has at least one control character (so a case always carries one). */
export const hostileControlText: fc.Arbitrary<string> = hostileText.map((s) =>
  RAW_CONTROL.test(s) ? s : `${s}\u001b[31m`,
);

/** Host names the lab-like context knows: logical TEST-NET-2 addresses (RFC 5737), routed to loopback. */
export const HOSTS = {
  ntp: { host: 'time.fuzz.zapcheck.test', ip: '198.51.100.123', port: 123 },
  https: { host: 'api.fuzz.zapcheck.test', ip: '198.51.100.44', port: 443 },
  mqtts: { host: 'hub.fuzz.zapcheck.test', ip: '198.51.100.88', port: 8883 },
  tls: { host: 'tls.fuzz.zapcheck.test', ip: '198.51.100.77', port: 9443 },
} as const;
export const RESOLVER: ResolverAddr = { ip: '198.51.100.53', port: 53, source: 'lab' };

export function fuzzEndpoint(kind: keyof typeof HOSTS): Endpoint {
  const h = HOSTS[kind];
  return {
    host: h.host,
    port: h.port,
    protocol: kind,
    trust: 'public',
    tlsVersions: ['TLSv1.2'],
    required: true,
    why: `fuzz ${kind}`,
    ...(kind === 'https' ? { path: '/' } : {}),
  };
}

export function fuzzProfile(): Profile {
  const base = normalizeProfile(ZAPTEC_PRO, 'builtin');
  return {
    ...base,
    id: 'fuzz',
    name: 'Hostile network fuzz profile',
    endpoints: (['ntp', 'https', 'mqtts', 'tls'] as const).map(fuzzEndpoint),
  };
}

/** Where the lab-like context sends each logical destination (set by the suite once its servers listen). */
export type Routes = Partial<Record<'dns-udp' | 'dns-tcp' | 'ntp' | 'https' | 'mqtts' | 'tls', number>>;

/**
 * A site context shaped like the lab's (createLabContext): logical addresses mapped onto 127.0.0.1
 * ports, a loopback-only guard, the test CA as the public roots, the real clock and translator.
 */
export function labLikeContext(routes: Routes, roots: readonly string[], deadlineMs = 60_000): SiteContext {
  const byIp = new Map<string, { tcp?: number; udp?: number }>([
    [RESOLVER.ip, { udp: routes['dns-udp'], tcp: routes['dns-tcp'] }],
    [HOSTS.ntp.ip, { udp: routes.ntp }],
    [HOSTS.https.ip, { tcp: routes.https }],
    [HOSTS.mqtts.ip, { tcp: routes.mqtts }],
    [HOSTS.tls.ip, { tcp: routes.tls }],
  ]);
  const dial = (ip: string, _port: number, transport: 'tcp' | 'udp'): DialTarget | null => {
    const port = byIp.get(ip)?.[transport];
    return port === undefined ? null : { ip: '127.0.0.1', port };
  };
  const trust: TrustSpec = { kind: 'public', roots, label: 'fuzz test root' };
  const clock = { now: () => Date.now(), monotonic: () => performance.now() };
  return {
    mode: 'lab',
    labScenario: 'hostile',
    site: 'Hostile site',
    profile: fuzzProfile(),
    resolvers: [RESOLVER],
    useOsResolver: false,
    trustFor: () => trust,
    dial,
    guard: createGuard('loopback'),
    clock,
    deadlineMs,
    deadlineAt: clock.monotonic() + deadlineMs,
    signal: new AbortController().signal,
    environment: {
      proxy: {},
      ipv4DefaultRoute: { interface: 'lab0', gateway: '192.0.2.1' },
      routeSource: 'fuzz',
    },
    options: { mqttConnect: true, strict: false, extra: {} },
    lang: 'en',
    t: createTranslator('en'),
  };
}

/**
 * Renders a report of `results` the way `zapcheck site` does (terminal with NO_COLOR, so any ESC is a
 * bug, and JSON) and asserts no raw control character from the network reaches either: not the terminal
 * text, not a JSON summary or remediation. (Titles come from the profile and the user's options.)
 */
export function assertCleanReport(ctx: SiteContext, results: CheckResult[], what: string): Report {
  const report = buildReport({
    ctx,
    version: '0.0.0-fuzz',
    results,
    interrupted: false,
    startedAt: Date.now() - 10,
    finishedAt: Date.now(),
  });
  for (const columns of [undefined, 40]) {
    const text = renderTerminal(
      report,
      { write: () => true, isTTY: true, columns },
      { env: { NO_COLOR: '1' } },
    );
    const bad = rawControlPath(text, 'terminal', true);
    expect(bad, `${what}: ${text}`).toBeNull();
  }
  const json = JSON.parse(renderJson(report)) as Report;
  for (const c of json.checks) {
    expect(rawControlPath(c.summary, `${c.id}.summary`), what).toBeNull();
    expect(rawControlPath(c.remediation, `${c.id}.remediation`), what).toBeNull();
  }
  return report;
}

/** A finished, passed check result a dependent check reads (DNS addresses, TCP connected). */
export function passedDep(id: string, evidence: CheckResult['evidence'] = {}): CheckResult {
  return {
    id,
    kind: id.split(':')[0] ?? 'x',
    title: id,
    target: {},
    status: 'pass',
    cause: 'OK',
    summary: `${id} passed`,
    evidence,
    remediation: [],
    durationMs: 1,
  };
}

/** Completes a check outcome into the result the runner would record. */
export function asResult(
  check: { id: string; kind: string; title: string; target: CheckResult['target'] },
  out: Pick<CheckResult, 'status' | 'cause' | 'summary' | 'evidence' | 'remediation'>,
  durationMs: number,
): CheckResult {
  return { id: check.id, kind: check.kind, title: check.title, target: check.target, ...out, durationMs };
}
