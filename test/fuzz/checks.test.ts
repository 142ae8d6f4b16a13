import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { dnsCheck } from '../../src/checks/dns.js';
import { httpsCheck } from '../../src/checks/https.js';
import { mqttCheck } from '../../src/checks/mqtt.js';
import { ntpCheck } from '../../src/checks/ntp.js';
import { tlsCheck } from '../../src/checks/tls.js';
import { wifiFamily } from '../../src/checks/wifi/index.js';
import type { Check } from '../../src/core/check.js';
import type { SiteContext } from '../../src/core/context.js';
import { probeOk } from '../../src/core/errors.js';
import type { CheckResult } from '../../src/core/result.js';
import { makeLeaf, makeRoot } from '../../src/lab/ca.js';
import type { BssRecord, WifiScan } from '../../src/platform/wifi/types.js';
import { createProbes } from '../../src/probes/index.js';
import type { Probes } from '../../src/probes/types.js';
import {
  expectedMqtt,
  httpCase,
  httpHandler,
  mqttCase,
  mqttHandler,
  type HttpCase,
  type MqttCase,
} from './hostile-app.js';
import { dnsCase, expectedDns, startHostileDns, type DnsCase, type HostileDns } from './hostile-dns.js';
import { expectedNtp, ntpCase, startHostileNtp, type HostileNtp, type NtpCase } from './hostile-ntp.js';
import {
  expectedTls,
  makeFuzzPki,
  startHostileTls,
  startHostileTlsApp,
  tlsCase,
  type FuzzPki,
  type HostileTls,
  type HostileTlsApp,
  type TlsCase,
} from './hostile-tls.js';
import {
  asResult,
  assertCleanReport,
  fuzzEndpoint,
  fuzzIt,
  HOSTS,
  hostileControlText,
  hostileText,
  labLikeContext,
  passedDep,
  rawControlPath,
  runs,
  SLACK_MS,
  timed,
  watchProcess,
} from './harness.js';

/**
 * The same hostile servers, one level up: the real checks (dns, ntp, tls, https, mqtt) run through
 * createProbes and a lab-like site context, and the finished result goes through the report builder,
 * the terminal renderer (NO_COLOR: any ESC in the output is a bug) and the JSON renderer. Every case
 * must end as a clean pass, warn or fail, never zapcheck's own error, and nothing a peer sent may reach
 * the report raw. Plus certificates and SSIDs whose names carry ANSI escapes and control characters.
 */

type CheckCase =
  | { kind: 'dns'; c: DnsCase }
  | { kind: 'ntp'; c: NtpCase }
  | { kind: 'tls'; c: TlsCase }
  | { kind: 'mqtt'; c: MqttCase }
  | { kind: 'https'; c: HttpCase };

const checkCase: fc.Arbitrary<CheckCase> = fc.oneof(
  dnsCase.map((c) => ({ kind: 'dns' as const, c })),
  ntpCase.map((c) => ({ kind: 'ntp' as const, c })),
  tlsCase.map((c) => ({ kind: 'tls' as const, c })),
  mqttCase.map((c) => ({ kind: 'mqtt' as const, c })),
  httpCase.map((c) => ({ kind: 'https' as const, c })),
);

/** Whether the case is a broken network for sure (then the verdict must be fail or warn, not pass). */
function surelyBroken(k: CheckCase): boolean {
  switch (k.kind) {
    case 'dns': {
      const e = expectedDns(k.c);
      return e !== null && !e.ok;
    }
    case 'ntp': {
      const e = expectedNtp(k.c.replies);
      return !e.ok || e.unsync;
    }
    case 'tls': {
      const e = expectedTls(k.c.behaviour);
      return e !== null && !e.ok;
    }
    case 'mqtt':
      return !expectedMqtt(k.c).ok;
    case 'https':
      // (Junk after a valid status line still leaves the status as evidence: that one may pass.)
      return k.c.kind === 'huge' || k.c.kind === 'partial';
  }
}

function deps(kind: keyof typeof HOSTS): CheckResult[] {
  const h = HOSTS[kind];
  return [
    passedDep(`dns:${h.host}`, { addresses: [h.ip], cnameChain: [h.host], server: 'fuzz' }),
    passedDep(`tcp:${h.host}:${h.port}`),
    passedDep(`tls:${h.host}:${h.port}`),
  ];
}

async function runOne(
  check: Check,
  ctx: SiteContext,
  probes: Probes,
  depList: CheckResult[],
  budgetMs: number,
): Promise<{ result: CheckResult; elapsedMs: number; starvedMs: number }> {
  const { value, elapsedMs, starvedMs } = await timed(() =>
    check.run({ ctx, probes, deps: Object.fromEntries(depList.map((d) => [d.id, d])), budgetMs }),
  );
  return { result: asResult(check, value, Math.round(elapsedMs)), elapsedMs, starvedMs };
}

function assertCleanVerdict(r: CheckResult, what: string): void {
  expect(['pass', 'warn', 'fail'], `${what}: ${r.status} ${r.cause} ${r.summary}`).toContain(r.status);
  expect(r.cause, what).not.toBe('INTERNAL_ERROR');
  expect(rawControlPath(r.evidence, `${r.id}.evidence`), what).toBeNull();
}

describe('fuzz: real checks against hostile servers, through the report', () => {
  watchProcess();
  let pki: FuzzPki;
  let dns: HostileDns;
  let ntp: HostileNtp;
  let tls: HostileTls;
  let mqtt: HostileTlsApp;
  let https: HostileTlsApp;
  let certs: HostileTlsApp;
  let ctx: SiteContext;
  let certCtx: SiteContext;
  let probes: Probes;
  let certProbes: Probes;

  beforeAll(async () => {
    pki = await makeFuzzPki();
    [dns, ntp, tls, mqtt, https, certs] = await Promise.all([
      startHostileDns(),
      startHostileNtp(),
      startHostileTls(pki),
      startHostileTlsApp(pki),
      startHostileTlsApp(pki),
      startHostileTlsApp(pki),
    ]);
    ctx = labLikeContext(
      {
        'dns-udp': dns.udpPort,
        'dns-tcp': dns.tcpPort,
        ntp: ntp.port,
        tls: tls.port,
        mqtts: mqtt.port,
        https: https.port,
      },
      [pki.root.pem],
    );
    probes = createProbes(ctx);
    certCtx = labLikeContext({ tls: certs.port }, [pki.root.pem]);
    certProbes = createProbes(certCtx);
    certs.set((s) => s.resume());
  });
  afterAll(async () => {
    await Promise.all([dns, ntp, tls, mqtt, https, certs].map((s) => s.close()));
  });
  const resetAll = (): void => {
    dns.reset();
    tls.reset();
    mqtt.reset();
    https.reset();
  };

  fuzzIt(
    'checks (dns, ntp, tls, https, mqtt) end as a clean pass/warn/fail and render clean',
    runs(40, 900),
    checkCase,
    async (k) => {
      let check: Check;
      let depList: CheckResult[] = [];
      switch (k.kind) {
        case 'dns':
          dns.set(k.c);
          check = dnsCheck(HOSTS.https.host);
          break;
        case 'ntp':
          ntp.set(k.c);
          check = ntpCheck(fuzzEndpoint('ntp'));
          depList = deps('ntp');
          break;
        case 'tls':
          tls.set(k.c.behaviour);
          check = tlsCheck(fuzzEndpoint('tls'));
          depList = deps('tls');
          break;
        case 'mqtt':
          mqtt.set(mqttHandler(k.c));
          check = mqttCheck(fuzzEndpoint('mqtts'));
          depList = deps('mqtts');
          break;
        case 'https':
          https.set(httpHandler(k.c));
          check = httpsCheck(fuzzEndpoint('https'));
          depList = deps('https');
          break;
      }
      const budgetMs = k.c.timeoutMs;
      const { result, elapsedMs, starvedMs } = await runOne(check, ctx, probes, depList, budgetMs);
      const what = `${k.kind} ${JSON.stringify(k.c, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex').slice(0, 100) : v)).slice(0, 400)}`;
      assertCleanVerdict(result, what);
      if (surelyBroken(k)) expect(['fail', 'warn'], `${what}: ${result.summary}`).toContain(result.status);
      // A DNS check may ask twice (A, then AAAA when there is no IPv4 address). Time the OS did not run
      // this process is not the check's (SLACK_MS in harness.ts).
      const limit = (k.kind === 'dns' ? 2 : 1) * budgetMs + SLACK_MS + starvedMs;
      expect(elapsedMs, `${what} (${Math.round(starvedMs)} ms waiting for a CPU)`).toBeLessThanOrEqual(limit);
      assertCleanReport(ctx, [result], what);
    },
    { after: resetAll },
  );

  const certName = fc.record({
    CN: hostileControlText,
    O: fc.option(hostileText, { nil: undefined }),
    OU: fc.option(hostileText, { nil: undefined }),
  });
  fuzzIt(
    'TLS check: certificate subject, issuer and SAN names with ANSI escapes and control characters',
    runs(10, 300),
    fc.record({
      leaf: certName,
      issuer: fc.option(certName, { nil: undefined }),
      sans: fc.array(
        fc.oneof(
          fc.constant(HOSTS.tls.host),
          hostileControlText.map((s) => `${s.replace(/[.\s]/g, '')}x.test`),
        ),
        { maxLength: 3 },
      ),
    }),
    async (k) => {
      const issuer = k.issuer ? await makeRoot({ name: k.issuer }) : undefined;
      const leaf = await makeLeaf({ ...(issuer ? { issuer } : {}), name: k.leaf, sans: k.sans });
      certs.setCert(leaf);
      const { result } = await runOne(tlsCheck(fuzzEndpoint('tls')), certCtx, certProbes, deps('tls'), 3000);
      const what = JSON.stringify(k);
      assertCleanVerdict(result, what);
      // Never verified: the issuer is hostile, or the leaf is self-signed, or the name is not the host's.
      expect(result.status, `${what}: ${result.summary}`).toBe('fail');
      assertCleanReport(certCtx, [result], what);
    },
    { after: () => certs.reset() },
  );

  const bss: fc.Arbitrary<BssRecord> = fc.record({
    ssid: fc.oneof(hostileControlText, hostileText),
    bssid: fc.option(fc.constantFrom('02:00:00:00:00:01', '02:00:00:00:00:02', '02:00:00:00:00:03'), {
      nil: null,
    }),
    band: fc.constantFrom('2.4' as const, '5' as const),
    channel: fc.constantFrom(1, 6, 11, 13, 36),
    frequencyMhz: fc.constant(2412),
    signalDbm: fc.option(fc.integer({ min: -95, max: -30 }), { nil: null }),
    signalSource: fc.constant('dbm' as const),
    security: fc.constant(['wpa2-personal' as const]),
    securityRaw: hostileText,
    connected: fc.boolean(),
    hidden: fc.boolean(),
  });
  fuzzIt(
    'Wi-Fi check: SSIDs (and tool security text) with ANSI escapes and control characters',
    runs(40, 1200),
    fc.record({
      records: fc.array(bss, { minLength: 1, maxLength: 6 }),
      pick: fc.option(fc.nat(5), { nil: undefined }),
    }),
    async (k) => {
      const scan: WifiScan = {
        format: 'nmcli-terse',
        tool: 'nmcli',
        notes: [],
        source: { kind: 'text' },
        records: k.records,
      };
      const ssid = k.pick === undefined ? undefined : k.records[k.pick % k.records.length]!.ssid;
      const wctx: SiteContext = {
        ...ctx,
        options: { ...ctx.options, ...(ssid === undefined ? {} : { ssid }) },
      };
      const [check] = wifiFamily.plan(wctx);
      const out = await check!.run({
        ctx: wctx,
        probes: { ...probes, wifiScan: () => Promise.resolve(probeOk(scan, 1)) },
        deps: {},
        budgetMs: 1000,
      });
      const result = asResult(check!, out, 1);
      const what = JSON.stringify(k);
      // skip: a scan with only hidden networks has nothing to judge.
      expect(['pass', 'warn', 'fail', 'skip'], `${what}: ${result.summary}`).toContain(result.status);
      expect(result.cause, what).not.toBe('INTERNAL_ERROR');
      const networks = (result.evidence.networks ?? []) as { ssidDisplay: string; summary: string }[];
      for (const n of networks) {
        expect(rawControlPath(n.ssidDisplay), what).toBeNull();
        expect(rawControlPath(n.summary), what).toBeNull();
      }
      assertCleanReport(wctx, [result], what);
    },
  );
});
