import os from 'node:os';
import type { SiteContext } from '../core/context.js';
import type { CheckResult, Report, SurveySpot } from '../core/result.js';
import { countStatuses, verdictOf } from '../core/result.js';
import type { Installer } from '../core/installer.js';
import { escapeForTerminal } from './escape.js';
import { budgetDetail, requirementRows, requirementVerdicts } from './requirements.js';

/** Assembles the finished report: a pure function of the run's results and its context. */
export function buildReport(args: {
  ctx: SiteContext;
  version: string;
  results: CheckResult[];
  interrupted: boolean;
  startedAt: number;
  finishedAt: number;
  /** The site's Wi-Fi survey (newest reading per spot), when one was taken. */
  survey?: SurveySpot[];
  /** Who hands the site over (--installer, or the sites file). */
  installer?: Installer;
}): Report {
  const { ctx, results } = args;
  const survey = args.survey?.length ? args.survey : undefined;
  const checks = results.map((r) => ({
    ...r,
    title: escapeForTerminal(r.title),
    summary: escapeForTerminal(r.summary),
    remediation: r.remediation.map((m) => ({ ...m, text: escapeForTerminal(m.text) })),
  }));
  const chargers = ctx.options.chargers;
  const r3 =
    chargers === undefined
      ? null
      : budgetDetail(
          { chargers, traffic: ctx.profile.traffic, metered: ctx.options.extra.metered === true },
          ctx.t,
          ctx.lang,
        );
  return {
    schemaVersion: 1,
    tool: { name: 'zapcheck', version: args.version },
    site: ctx.site,
    profile: ctx.profile.id,
    startedAt: new Date(args.startedAt).toISOString(),
    finishedAt: new Date(args.finishedAt).toISOString(),
    durationMs: Math.max(0, Math.round(args.finishedAt - args.startedAt)),
    // A charger position whose signal is not enough is a site that is not ready, like a failed check.
    verdict: survey?.some((sp) => sp.status === 'fail' || (ctx.options.strict && sp.status === 'warn'))
      ? 'not-ready'
      : verdictOf(results, ctx.options.strict, args.interrupted),
    strict: ctx.options.strict,
    interrupted: args.interrupted,
    deadlineMs: ctx.deadlineMs,
    environment: {
      os: process.platform,
      osRelease: os.release(),
      arch: process.arch,
      node: process.version,
      interface: ctx.environment.ipv4DefaultRoute?.interface ?? null,
      resolvers: ctx.resolvers.map((r) => `${r.ip}:${r.port}`),
      mode: ctx.mode,
      labScenario: ctx.labScenario,
    },
    counts: countStatuses(results),
    // The schema promises one-line summaries without control characters, whatever a peer sent.
    // Everything a person reads is one printable line: summaries and remediation may quote network
    // text, titles may carry the user's --ssid.
    checks,
    // The handover's R1-R9 verdicts, so CI reads per requirement what the handover prints.
    requirements: requirementVerdicts(
      requirementRows({ checks, ...(survey ? { survey } : {}) }, ctx.t, { budgetDetail: r3 }),
    ),
    ...(survey ? { survey } : {}),
    ...(args.installer ? { installer: args.installer } : {}),
  };
}
