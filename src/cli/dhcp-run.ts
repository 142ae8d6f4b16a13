/** The work of `zapcheck dhcp` (src/cli/dhcp.ts declares the options and imports this lazily). */
import os from 'node:os';
import { evaluateDhcp } from '../checks/dhcp/index.js';
import { UsageError } from '../core/errors.js';
import { guardFromEnv } from '../core/guard.js';
import { countStatuses, verdictOf, type CheckResult, type Report } from '../core/result.js';
import { loadProfile } from '../profile/load.js';
import type { CliIO } from './io.js';
import { writeOutput } from './io.js';
import { checkInterface, checkOutputFile } from './validate.js';
import type { DhcpCommandOptions } from './dhcp.js';
import { createDhcpFactsProbe } from '../probes/dhcp/facts.js';
import { parseDhcpRange, rangeText } from '../checks/dhcp/headroom.js';
import { SWEEP_MAX_ADDRESSES } from '../probes/dhcp/sweep.js';
import { DESIGN_WIDTH, widthFor, wrapLine } from '../report/layout.js';
import { createTranslator, type MessageKey, type Translate } from '../i18n/index.js';
import { parseChargers, resolveLang } from './run-options.js';
import { exitCodeFor } from './exit-code.js';
import type { GatherDeps } from '../probes/net/gather.js';
import { stringifyJson } from '../core/escape.js';

const TIMEOUT_MS = 30_000;

/** What a test may replace: the OS readers behind the facts (recorded command output instead of this machine's). */
export interface DhcpCommandSeams {
  gatherDeps?: Partial<GatherDeps>;
}

export async function runDhcpCommand(
  opts: DhcpCommandOptions,
  io: CliIO,
  version: string,
  seams: DhcpCommandSeams = {},
): Promise<number> {
  const { t } = resolveLang(opts.lang, io.env);
  const chargers = parseChargers(opts.chargers, t);
  const range = opts.dhcpRange !== undefined ? parseDhcpRange(opts.dhcpRange, t) : null;
  if (opts.sweep && range && range.last - range.first + 1 > SWEEP_MAX_ADDRESSES) {
    throw new UsageError(
      t('err.sweep.large', {
        max: SWEEP_MAX_ADDRESSES,
        range: rangeText(range),
        n: range.last - range.first + 1,
      }),
      t('err.sweep.large.hint'),
    );
  }
  if (
    opts.interface !== undefined &&
    (!opts.interface ||
      opts.interface.length > 128 ||
      [...opts.interface].some((ch) => ch.charCodeAt(0) < 0x20))
  ) {
    throw new UsageError(t('err.interface', { value: JSON.stringify(opts.interface) }));
  }
  if (opts.interface !== undefined) checkInterface(opts.interface, t);
  if (opts.json !== undefined) checkOutputFile('--json', opts.json, io.cwd, t);
  const windowMs = Number(opts.probeWindow ?? '4000');
  if (!Number.isInteger(windowMs) || windowMs < 500 || windowMs > 20_000) {
    throw new UsageError(t('err.probewindow', { value: String(JSON.stringify(opts.probeWindow)) }));
  }
  if (opts.probe && typeof process.geteuid === 'function' && process.geteuid() !== 0) {
    throw new UsageError(t('err.probe.root'), t('err.probe.root.hint'));
  }
  const profile = loadProfile(opts.profile, t);
  const guard = guardFromEnv(io.env, false);
  const startedAt = new Date();
  const t0 = performance.now();
  const probe = createDhcpFactsProbe({
    guard,
    signal: AbortSignal.timeout(TIMEOUT_MS + 5000),
    ...(seams.gatherDeps ? { deps: seams.gatherDeps } : {}),
  });
  const r = await probe({
    timeoutMs: TIMEOUT_MS,
    ...(opts.interface ? { interface: opts.interface } : {}),
    ...(range ? { range } : {}),
    sweep: opts.sweep === true,
    discover: opts.probe === true,
    discoverWindowMs: windowMs,
  });
  if (!r.ok) throw new Error(r.error.message);
  const facts = r.value;
  if (opts.sweep && facts.sweep && facts.sweep.status !== 'done' && facts.sweep.status !== 'failed') {
    throw new UsageError(facts.sweep.message);
  }
  if (opts.probe && facts.discover?.status === 'not-permitted') {
    throw new UsageError(t('dhcp.probe.notpermitted', { port: 68 }));
  }
  if (opts.probe && facts.discover?.status === 'blocked') {
    throw new UsageError(facts.discover.message);
  }
  const out = evaluateDhcp({
    facts,
    rules: profile.dhcp,
    ...(chargers !== undefined ? { chargers } : {}),
    range,
    sweepAsked: opts.sweep === true,
    probeAsked: opts.probe === true,
    t,
  });
  const durationMs = Math.round(performance.now() - t0);
  const result: CheckResult = {
    id: 'dhcp',
    kind: 'dhcp',
    title: t('title.dhcp'),
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
  const text = formatDhcpResult(result, t, widthFor(opts.json === '-' ? io.stderr : io.stdout, io.env));
  if (opts.json !== undefined)
    writeOutput(io, opts.json, `${stringifyJson(report)}\n`, { option: '--json', t });
  (opts.json === '-' ? io.stderr : io.stdout).write(text);
  return exitCodeFor(report);
}

/** Plain text for the terminal (no colour here: the terminal reporter owns chalk). */
export function formatDhcpResult(
  r: CheckResult,
  t: Translate = createTranslator('en'),
  width = DESIGN_WIDTH,
): string {
  const e = r.evidence;
  const lines: string[] = [`${t(`label.${r.status}` as MessageKey)} dhcp ${r.cause}: ${r.summary}`];
  const v = (x: unknown): string => {
    if (x === null || x === undefined || x === '') return '-';
    if (Array.isArray(x)) return x.join(', ') || '-';
    if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return String(x);
    return JSON.stringify(x);
  };
  lines.push(
    `  ${t('dhcp.fmt.net', { iface: v(e.interface), subnet: v(e.subnet), gateway: v(e.gateway), addressing: typeof e.addressing === 'string' ? t(`dhcp.addressing.${e.addressing}` as MessageKey) : '-' })}`,
  );
  const lease = (e.lease ?? {}) as { durationSec?: number | null; expires?: string | null };
  lines.push(
    `  ${t('dhcp.fmt.server', {
      server: v(e.dhcpServer),
      lease: v(lease.durationSec != null ? `${lease.durationSec} s` : null),
      expires: v(lease.expires),
      dns: v(e.dnsServers),
    })}`,
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
      `  ${t('dhcp.fmt.pool', {
        pool: v(h.pool),
        size: v(h.poolSize),
        inUse: v(h.inUse),
        free: v(h.free),
        needed: v(h.needed),
        method: e.method === 'sweep' ? t('dhcp.fmt.method.sweep') : t('dhcp.fmt.method.passive'),
      })}`,
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
    lines.push(`  ${t('dhcp.fmt.discover', { n: probe.offers.length })}`);
    for (const o of probe.offers) {
      lines.push(
        `    ${t('dhcp.fmt.offer', {
          server: o.server,
          address: o.address,
          routers: v(o.routers),
          dns: v(o.dnsServers),
          lease: v(o.leaseSec),
        })}`,
      );
    }
  }
  for (const n of (e.notes as string[] | undefined) ?? []) lines.push(`  ${t('term.note', { note: n })}`);
  for (const fix of r.remediation) {
    const who = fix.audience === 'it' ? t('who.it') : t('who.installer');
    lines.push(`  ${t('dhcp.fmt.fix', { who, text: fix.text })}`);
  }
  return `${lines.flatMap((l) => wrapLine(l, width, /^ */.exec(l)?.[0] ? '      ' : '  ')).join('\n')}\n`;
}
