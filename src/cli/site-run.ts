import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { guardFromEnv } from '../core/guard.js';
import type { SiteContext } from '../core/context.js';
import { createLabContext } from '../site/lab.js';
import { createRealContext, realEnvironmentOf } from '../site/real.js';
import { EXIT } from '../core/errors.js';
import { readPemFile } from '../site/pem.js';
import { planChecks, runChecks } from '../core/runner.js';
import { CHECK_FAMILIES } from '../checks/index.js';
import type { Translate } from '../i18n/index.js';
import { historyDir, historyDirIsExplicit } from '../history/dir.js';
import { createProbes, loadAddressProbes } from '../probes/index.js';
import type { Report, SurveySpot } from '../core/result.js';
import { type CliIO, writeOutput } from './io.js';
import { didYouMean } from './suggest.js';
import { toolVersion } from './version.js';
import { claimSignals } from './signals.js';
import { checkOutputFile, checkSsid, prepareReportsDir } from './validate.js';
import { type Check, outcome as checkOutcome } from '../core/check.js';
import { NOT_SELECTED, onlyFamilies } from '../core/select.js';
import { onlySelection, plannedChecks } from './site-only.js';
import type { CheckResult } from '../core/result.js';
import type { RunnerEvents } from '../core/runner.js';

import type { SiteCommandOptions } from './site.js';
import { parseResolver } from './run-options.js';
import { siteInputs } from './site-inputs.js';

export { cleanSiteName } from './site-inputs.js';
import { exitCodeFor } from './exit-code.js';
import { parseDhcpRange } from '../checks/dhcp/headroom.js';

/**
 * Where this run's JSON is kept, or null. Real runs always; lab runs (and runs under the test suite's
 * guard) only into a folder chosen on purpose (--reports-dir / ZAPCHECK_REPORTS_DIR), so simulated
 * sites never crowd a user's list.
 */
function historyTarget(
  lab: boolean,
  opts: SiteCommandOptions,
  io: CliIO,
): { dir: string; explicit: boolean } | null {
  if (opts.history === false) return null;
  const explicit = historyDirIsExplicit(io.env, opts.reportsDir);
  if ((lab || io.env.ZAPCHECK_GUARD) && !explicit) return null;
  return { dir: historyDir({ env: io.env, cwd: io.cwd, override: opts.reportsDir }), explicit };
}

/**
 * Keeps the run's JSON in the history (0700 folder, 0600 file). A failure is said on stderr; it is exit 2
 * when the folder was chosen explicitly (it was checked before the run), and does not change the verdict's
 * exit code for the default folder. Returns false on failure.
 */
function keepInHistory(
  report: Report,
  target: { dir: string; explicit: boolean },
  io: CliIO,
  t: Translate,
  { saveRun, renderJson }: Reporting,
  quiet: boolean,
): boolean {
  const { dir, explicit } = target;
  try {
    const file = saveRun(dir, report, renderJson(report), !explicit);
    // Not an error: --quiet leaves it out.
    if (!quiet) io.stderr.write(`${t('history.saved', { file })}\n`);
    return true;
  } catch (err) {
    const message = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
    io.stderr.write(`${t('history.savefail', { dir, message })}\n`);
    return !explicit;
  }
}

/** What a partial run has produced so far, for a second Ctrl-C or the watchdog. */
function partialResults(
  planned: readonly Check[],
  done: ReadonlyMap<string, CheckResult>,
  t: Translate,
): CheckResult[] {
  return planned.map(
    (c) =>
      done.get(c.id) ?? {
        id: c.id,
        kind: c.kind,
        title: c.title,
        target: c.target,
        status: 'skip',
        cause: 'INTERRUPTED',
        summary: t('run.interrupted'),
        evidence: {},
        remediation: [],
        durationMs: 0,
      },
  );
}

/**
 * What turns results into output: report building, the renderers (chalk, string-width, wrap-ansi, ora) and
 * the history. Loaded while the first DNS and NTP answers are in flight, never before the first packet
 * (issue 14: on the 2-core machine these modules took 100-150 ms to load).
 */
async function loadReporting() {
  const [build, json, terminal, store, survey] = await Promise.all([
    import('../report/build.js'),
    import('../report/json.js'),
    import('../report/terminal.js'),
    import('../history/store.js'),
    import('../history/survey.js'),
  ]);
  return {
    buildReport: build.buildReport,
    renderJson: json.renderJson,
    renderTerminal: terminal.renderTerminal,
    renderVerdict: terminal.renderVerdict,
    startProgress: terminal.startProgress,
    saveRun: store.saveRun,
    listSpots: survey.listSpots,
    spotForReport: survey.spotForReport,
  };
}
type Reporting = Awaited<ReturnType<typeof loadReporting>>;

/** Exit within --deadline plus one second of the process start, whatever a terminal or disk does. */
const WATCHDOG_GRACE_MS = 1000;

/**
 * The site's Wi-Fi survey (zapcheck survey), from the same history folder the run is kept in: read where a
 * run would be kept (real runs; lab and test runs only from a folder chosen on purpose).
 */
function siteSurvey(
  site: string,
  lab: boolean,
  opts: SiteCommandOptions,
  io: CliIO,
  { listSpots, spotForReport }: Reporting,
): SurveySpot[] {
  if ((lab || io.env.ZAPCHECK_GUARD) && !historyDirIsExplicit(io.env, opts.reportsDir)) return [];
  const dir = historyDir({ env: io.env, cwd: io.cwd, override: opts.reportsDir });
  return listSpots(dir, site).spots.map(spotForReport);
}

export async function runSite(
  name: string | undefined,
  opts: SiteCommandOptions,
  io: CliIO,
): Promise<number> {
  const inputs = await siteInputs(name, opts, io, { checkSites: true });
  const { lang, t, site, profile, options } = inputs;
  const dnsServers = (opts.dnsServer ?? []).map((s) => parseResolver(s, t));
  const deadlineMs = Math.round(opts.deadline * 1000);
  const labScenario = opts.lab === undefined ? null : opts.lab === true ? 'healthy' : opts.lab;
  if (opts.labLatency !== undefined && labScenario === null) {
    throw new UsageError(t('err.lab.latency'));
  }
  const { ssid, dhcpRange } = options;
  const { installer } = inputs;
  // A bad --dhcp-range is a usage error here as in `zapcheck dhcp` (the check would report it as its own error).
  if (opts.dhcpRange !== undefined) parseDhcpRange(opts.dhcpRange, t);

  // Everything the user gave is checked before the run: a mistake is exit 2 now, in lab as in real mode.
  if (ssid !== undefined) checkSsid(ssid, t);
  if (dhcpRange !== undefined) parseDhcpRange(dhcpRange, t);
  if (opts.scanFile !== undefined) {
    const { checkScanFile } = await import('./validate-scan.js');
    options.extra.scanFile = checkScanFile(opts.scanFile, io.cwd, t);
  }
  if (opts.trustRoots !== undefined) readPemFile(path.resolve(io.cwd, opts.trustRoots), '--trust-roots', t);
  for (const e of profile.endpoints) {
    if (typeof e.trust === 'object' && 'pem' in e.trust)
      readPemFile(e.trust.pem, t('pem.what.profile', { host: e.host }), t);
  }
  if (opts.json !== undefined) checkOutputFile('--json', opts.json, io.cwd, t);
  // --handover: a known extension and a writable place, now; the browser for a PDF looked for now too.
  const handover =
    opts.handover === undefined
      ? null
      : await import('./handover.js').then((h) => h.handoverTarget(opts.handover!, io, t));
  // --only: the checks named and what they need; an unknown name is exit 2 before anything starts.
  const only = onlySelection(inputs, opts.only, opts.only ? plannedChecks(inputs, labScenario !== null) : []);
  const families = only
    ? onlyFamilies(CHECK_FAMILIES, only, (c) => checkOutcome('skip', NOT_SELECTED, c.t('run.notselected')))
    : CHECK_FAMILIES;
  const keep = historyTarget(labScenario !== null, opts, io);
  if (keep) prepareReportsDir(keep.dir, opts.reportsDir ?? keep.dir, t, !keep.explicit);

  const interrupt = new AbortController();
  const humanStream = opts.json === '-' ? io.stderr : io.stdout;
  /** Set once the report reached the terminal and the JSON file: a later signal must not write a second one. */
  let written = false;
  let finalCode: number | null = null;
  /** Builds and writes the report of what is there (second signal, watchdog); null before the run starts. */
  let writePartial: (() => void) | null = null;
  const release = claimSignals({
    abort: () => interrupt.abort(),
    flush: (signal) => {
      if (written) return true;
      if (!writePartial) return false;
      io.stderr.write(`\n${t('err.signal.second', { signal })}\n`);
      writePartial();
      return true;
    },
  });
  // Armed from the process start (io.startedAt, like --deadline) and left armed through main's final drain
  // of stdout; an in-process caller (no process start) has it cleared when the run returns.
  // A lab run counts from the moment its simulated site is up instead: the lab's own start-up (a worker
  // thread making certificates) is not part of the network being checked, and on a busy machine it could
  // otherwise use up the deadline before any check ran, ending the process with no report at all.
  let deadlineFrom = io.startedAt ?? performance.now();
  let watchdog: NodeJS.Timeout | undefined;
  const armWatchdog = (): void => {
    clearTimeout(watchdog);
    watchdog = setTimeout(
      () => {
        io.stderr.write(
          `\n${t('err.watchdog', { seconds: ((deadlineMs + WATCHDOG_GRACE_MS) / 1000).toFixed(1) })}\n`,
        );
        if (!written) writePartial?.();
        process.exit(finalCode ?? EXIT.INTERNAL);
      },
      Math.max(0, deadlineFrom + deadlineMs + WATCHDOG_GRACE_MS - performance.now()),
    );
    watchdog.unref();
  };
  armWatchdog();

  let closeLab: (() => Promise<void>) | undefined;
  try {
    const guard = guardFromEnv(io.env, labScenario !== null);
    // --deadline bounds the process: counted from its start, not from here (a lab run: from the lab's start).
    const base = {
      site,
      profile,
      deadlineMs,
      deadlineFrom,
      guard,
      options,
      lang,
      interrupt: interrupt.signal,
    };
    let ctx: SiteContext;
    if (labScenario !== null) {
      // The lab's servers run in a worker thread (src/lab/remote.ts): this thread loads only the scenario
      // table and the lab as data, never the servers or the X.509 library.
      const [{ findScenario, LAB_SCENARIOS }, { startLabInWorker }] = await Promise.all([
        import('../lab/scenarios.js'),
        import('../lab/remote.js'),
      ]);
      if (!findScenario(labScenario)) {
        throw new UsageError(
          t('err.lab.unknown', { name: labScenario }),
          didYouMean(
            t,
            labScenario,
            LAB_SCENARIOS.map((s) => s.name),
          ) ?? t('err.lab.unknown.hint', { names: LAB_SCENARIOS.map((s) => s.name).join(', ') }),
        );
      }
      if (dnsServers.length) throw new UsageError(t('err.lab.dns'));
      const lab = await startLabInWorker({
        profile,
        scenario: labScenario,
        latencyMs: opts.labLatency ?? 0,
      });
      closeLab = () => lab.close();
      deadlineFrom = performance.now();
      armWatchdog();
      ctx = createLabContext({ ...base, deadlineFrom }, lab);
    } else {
      const environment = await realEnvironmentOf(io.env, Math.min(2000, deadlineMs / 3));
      ctx = createRealContext({
        ...base,
        environment,
        env: io.env,
        dnsServers,
        ...(opts.trustRoots ? { trustRootsFile: path.resolve(io.cwd, opts.trustRoots) } : {}),
      });
    }

    // Every probe, the Wi-Fi scan and the DHCP facts of a real site included, through the site's signal and guard.
    const probes = createProbes(ctx);
    const startedAt = ctx.clock.now();
    const planned = planChecks(families, ctx);
    const done = new Map<string, CheckResult>();
    const running = new Map<string, Check>();
    /** The spinner, once its modules are loaded: the checks start first (packets out first). */
    let progress: { events: RunnerEvents; stop(): void } | null = null;
    let progressStopped = false;
    const events: RunnerEvents = {
      onStart: (check) => {
        running.set(check.id, check);
        progress?.events.onStart?.(check);
      },
      onFinish: (result) => {
        running.delete(result.id);
        done.set(result.id, result);
        progress?.events.onFinish?.(result);
      },
    };
    const run = runChecks(families, ctx, probes, events, interrupt.signal);
    // The first DNS queries are leaving; what renders the results loads meanwhile, after the probes their
    // answers lead to (loading both at once made the first TLS handshakes wait for the renderers).
    const reporting = loadAddressProbes().then(loadReporting, loadReporting);
    let survey: SurveySpot[] | undefined;
    const reportOf = (r: Reporting, results: CheckResult[], interrupted: boolean): Report =>
      r.buildReport({
        ctx,
        version: toolVersion(),
        results,
        interrupted,
        startedAt,
        finishedAt: ctx.clock.now(),
        survey: (survey ??= siteSurvey(site, labScenario !== null, opts, io, r)),
        ...(installer ? { installer } : {}),
      });
    const write = (r: Reporting, report: Report): void => {
      written = true;
      const human = { env: io.env, ascii: opts.ascii === true, lang, verbose: opts.verbose === true };
      humanStream.write(
        opts.quiet
          ? r.renderVerdict(report, humanStream, human)
          : r.renderTerminal(report, humanStream, human),
      );
      if (opts.json) writeOutput(io, opts.json, r.renderJson(report), { option: '--json', t });
    };
    const spinner = reporting.then(async (r) => {
      writePartial = () => {
        const report = reportOf(r, partialResults(planned, done, t), true);
        finalCode = exitCodeFor(report);
        write(r, report);
      };
      // --quiet: no spinner either.
      if (opts.quiet) return;
      const p = await r.startProgress(io.stderr, io.env, planned.length, lang);
      if (progressStopped) return p.stop();
      // What happened while it loaded: the checks that finished, then those still running.
      for (const result of done.values()) p.events.onFinish?.(result);
      for (const check of running.values()) p.events.onStart?.(check);
      progress = p;
    });
    let outcome;
    try {
      outcome = await run;
    } finally {
      progressStopped = true;
      // (A spinner that failed to start is no reason to lose the report.)
      await spinner.catch(() => undefined);
      (progress as { stop(): void } | null)?.stop();
    }
    const r = await reporting;
    const report = reportOf(r, outcome.results, outcome.interrupted);
    finalCode = exitCodeFor(report);
    let writeError: Error | null = null;
    try {
      write(r, report);
    } catch (err) {
      // The terminal report is out; the JSON file is not. History is still kept, then exit 2.
      writeError = err instanceof Error ? err : new Error(String(err));
    }
    const kept = keep ? keepInHistory(report, keep, io, t, r, opts.quiet === true) : true;
    if (handover) {
      // After the report and the history: a handover that cannot be made never costs the run its report.
      const { writeHandover } = await import('./handover.js');
      try {
        await writeHandover(
          handover,
          r.renderJson(report),
          {
            lang,
            ...(opts.sites !== undefined ? { sites: opts.sites } : {}),
            ...(options.chargers !== undefined ? { chargers: options.chargers } : {}),
            quiet: opts.quiet === true,
          },
          io,
          t,
        );
      } catch (err) {
        writeError ??= err instanceof Error ? err : new Error(String(err));
      }
    }
    if (writeError) throw writeError;
    if (!kept) return (finalCode = EXIT.USAGE);
    return finalCode;
  } finally {
    release();
    if (io.startedAt === undefined) clearTimeout(watchdog);
    await closeLab?.();
  }
}
