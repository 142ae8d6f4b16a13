/** The work of `zapcheck dhcp` (src/cli/dhcp.ts declares the options and imports this lazily). */
import os from 'node:os';
import { evaluateDhcp } from '../checks/dhcp.js';
import { EXIT, UsageError } from '../core/errors.js';
import { guardFromEnv } from '../core/guard.js';
import { countStatuses, verdictOf, type CheckResult, type Report } from '../core/result.js';
import { loadProfile } from '../profile/load.js';
import type { CliIO } from '../cli/io.js';
import { writeOutput } from '../cli/io.js';
import type { DhcpCommandOptions } from '../cli/dhcp.js';
import { createDhcpFactsProbe } from './facts-probe.js';
import { parseDhcpRange, rangeText } from './headroom.js';
import { SWEEP_MAX_ADDRESSES } from './sweep.js';

const TIMEOUT_MS = 30_000;

function parseCount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > 100_000) {
    throw new UsageError(
      `--chargers ${JSON.stringify(text)} is not a number of chargers`,
      'give a whole number, e.g. --chargers 12',
    );
  }
  return Number(text);
}

export async function runDhcpCommand(opts: DhcpCommandOptions, io: CliIO, version: string): Promise<number> {
  const chargers = parseCount(opts.chargers);
  const range = opts.dhcpRange !== undefined ? parseDhcpRange(opts.dhcpRange) : null;
  if (opts.sweep && range && range.last - range.first + 1 > SWEEP_MAX_ADDRESSES) {
    throw new UsageError(
      `--sweep covers at most ${SWEEP_MAX_ADDRESSES} addresses (a /22); ${rangeText(range)} has ${range.last - range.first + 1}`,
      'give the part of the range the DHCP server really hands out',
    );
  }
  if (
    opts.interface !== undefined &&
    (!opts.interface ||
      opts.interface.length > 128 ||
      [...opts.interface].some((ch) => ch.charCodeAt(0) < 0x20))
  ) {
    throw new UsageError(`--interface ${JSON.stringify(opts.interface)} is not an interface name`);
  }
  const windowMs = Number(opts.probeWindow ?? '4000');
  if (!Number.isInteger(windowMs) || windowMs < 500 || windowMs > 20_000) {
    throw new UsageError(
      `--probe-window ${JSON.stringify(opts.probeWindow)}: give milliseconds between 500 and 20000`,
    );
  }
  if (opts.probe && typeof process.geteuid === 'function' && process.geteuid() !== 0) {
    throw new UsageError(
      '--probe needs root: it listens on UDP port 68, where DHCP servers answer',
      'run it as: sudo npx zapcheck dhcp --probe (on Windows, from an administrator prompt)',
    );
  }
  const profile = loadProfile(opts.profile);
  const guard = guardFromEnv(io.env, false);
  const startedAt = new Date();
  const t0 = performance.now();
  const probe = createDhcpFactsProbe({ guard, signal: AbortSignal.timeout(TIMEOUT_MS + 5000) });
  const r = await probe({
    timeoutMs: TIMEOUT_MS,
    ...(opts.interface ? { interface: opts.interface } : {}),
    ...(opts.dhcpRange !== undefined ? { range: opts.dhcpRange } : {}),
    sweep: opts.sweep === true,
    discover: opts.probe === true,
    discoverWindowMs: windowMs,
  });
  if (!r.ok) throw new Error(r.error.message);
  const facts = r.value;
  if (opts.sweep && facts.sweep && facts.sweep.status !== 'done' && facts.sweep.status !== 'failed') {
    throw new UsageError(facts.sweep.message);
  }
  if (
    opts.probe &&
    facts.discover &&
    (facts.discover.status === 'not-permitted' || facts.discover.status === 'blocked')
  ) {
    throw new UsageError(facts.discover.message);
  }
  const out = evaluateDhcp({
    facts,
    rules: profile.dhcp,
    ...(chargers !== undefined ? { chargers } : {}),
    range,
    sweepAsked: opts.sweep === true,
    probeAsked: opts.probe === true,
  });
  const durationMs = Math.round(performance.now() - t0);
  const result: CheckResult = {
    id: 'dhcp',
    kind: 'dhcp',
    title: 'DHCP: a free address for every charger',
    target: { protocol: 'dhcp' },
    ...out,
    durationMs,
  };
  const checks = [result];
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'zapcheck', version },
    site: '',
    profile: profile.id,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date(startedAt.getTime() + durationMs).toISOString(),
    durationMs,
    verdict: verdictOf(checks, false),
    strict: false,
    interrupted: false,
    deadlineMs: TIMEOUT_MS,
    environment: {
      os: process.platform,
      osRelease: os.release(),
      arch: process.arch,
      node: process.version,
      interface: facts.network.interface,
      resolvers: facts.network.dnsServers.map((d) => `${d}:53`),
      mode: 'real',
      labScenario: null,
    },
    counts: countStatuses(checks),
    checks,
  };
  const text = formatDhcpResult(result);
  if (opts.json !== undefined) writeOutput(io, opts.json, `${JSON.stringify(report, null, 2)}\n`);
  (opts.json === '-' ? io.stderr : io.stdout).write(text);
  return result.status === 'fail' || result.status === 'error' ? EXIT.NOT_READY : EXIT.READY;
}

/** Plain text for the terminal (no colour here: the terminal reporter owns chalk). */
export function formatDhcpResult(r: CheckResult): string {
  const e = r.evidence;
  const lines: string[] = [`${r.status.toUpperCase()} dhcp ${r.cause}: ${r.summary}`];
  const v = (x: unknown): string => {
    if (x === null || x === undefined || x === '') return '-';
    if (Array.isArray(x)) return x.join(', ') || '-';
    if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return String(x);
    return JSON.stringify(x);
  };
  lines.push(
    `  interface ${v(e.interface)}  address ${v(e.subnet)}  gateway ${v(e.gateway)}  addressing ${v(e.addressing)}`,
  );
  const lease = (e.lease ?? {}) as { durationSec?: number | null; expires?: string | null };
  lines.push(
    `  DHCP server ${v(e.dhcpServer)}  lease ${v(lease.durationSec != null ? `${lease.durationSec} s` : null)}  expires ${v(lease.expires)}  DNS ${v(e.dnsServers)}`,
  );
  const h = e.headroom as {
    pool?: string;
    poolSize?: number;
    inUse?: number;
    free?: number;
    needed?: number | null;
  } | null;
  if (h) {
    lines.push(
      `  pool ${v(h.pool)}: ${v(h.poolSize)} addresses, ${v(h.inUse)} seen in use, ${v(h.free)} free, ${v(h.needed)} needed (${v(e.method)})`,
    );
  }
  const probe = e.probe as {
    status?: string;
    offers?: {
      server: string;
      address: string;
      routers: string[];
      dnsServers: string[];
      leaseSec: number | null;
    }[];
    message?: string;
  } | null;
  if (probe?.offers) {
    lines.push(`  DHCPDISCOVER: ${probe.offers.length} offer(s)`);
    for (const o of probe.offers) {
      lines.push(
        `    server ${o.server}: offers ${o.address}, router ${v(o.routers)}, DNS ${v(o.dnsServers)}, lease ${v(o.leaseSec)} s`,
      );
    }
  }
  for (const n of (e.notes as string[] | undefined) ?? []) lines.push(`  note: ${n}`);
  for (const fix of r.remediation)
    lines.push(`  fix (${fix.audience === 'it' ? 'site IT' : 'installer'}): ${fix.text}`);
  return `${lines.join('\n')}\n`;
}
