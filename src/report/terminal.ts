import type { Check } from '../core/check.js';
import { isUnnamedSite } from './site-name.js';
import type { CheckResult, Report, Status } from '../core/result.js';
import { groupRemediation } from './remediation.js';
import { notCheckedLabels } from '../core/result.js';
import { NOT_SELECTED } from '../core/select.js';
import type { RunnerEvents } from '../core/runner.js';
import { escapeForTerminal } from './escape.js';
import {
  chalkFor,
  paintStatus as paint,
  table,
  type Cell,
  widthFor,
  wrapLine,
  wrapText,
  type TerminalStream,
} from './layout.js';
import { spotFix } from './survey.js';
import { formatTenths } from './localize.js';
import { createTranslator, type Lang, type MessageKey, type Translate } from '../i18n/index.js';

/**
 * The terminal report: the only chalk/ora user. One line per check with a mark, the verdict, and a
 * numbered remediation list an installer can hand to IT. Colour only where the stream is a TTY, and
 * NO_COLOR / FORCE_COLOR win (https://no-color.org).
 */

export { colorLevel, type TerminalStream } from './layout.js';

const MARKS: Record<Status, string> = { pass: '✔', warn: '!', fail: '✖', skip: '-', error: '‼' };
const ASCII_MARKS: Record<Status, string> = { pass: 'ok', warn: '!!', fail: 'XX', skip: '--', error: 'ER' };

/** "1 warning", "2 warnings": the language's plural rule (Intl.PluralRules), not n === 1. */
function plural(t: Translate, lang: Lang, n: number, kind: Status): string {
  const form = new Intl.PluralRules(lang).select(n) === 'one' ? 'one' : 'many';
  return t(`term.count.${kind}.${form}` as MessageKey, { n });
}

/**
 * The remediation to hand over, IT first, one numbered line per fault: the same fix for several hosts
 * is one line listing them (src/report/remediation.ts).
 */
export function remediationList(checks: readonly CheckResult[]): { it: string[]; installer: string[] } {
  const g = groupRemediation(checks);
  return { it: g.it.map((r) => r.text), installer: g.installer.map((r) => r.text) };
}

export interface TerminalOptions {
  env: NodeJS.ProcessEnv;
  /** Plain ASCII marks (Windows consoles with legacy code pages). */
  ascii?: boolean;
  /** Language of the fixed texts (verdict, headings); check summaries come in the language of the run. */
  lang?: Lang;
  /** --verbose: each check's time and raw evidence after the check list. */
  verbose?: boolean;
}

export function renderTerminal(report: Report, stream: TerminalStream, opts: TerminalOptions): string {
  const c = chalkFor(stream, opts.env);
  const marks = opts.ascii ? ASCII_MARKS : MARKS;
  const t = createTranslator(opts.lang);
  const lines: string[] = [];
  const mode =
    report.environment.mode === 'lab'
      ? ` · ${t('term.header.lab', { scenario: report.environment.labScenario ?? 'healthy' })}`
      : '';
  const width = widthFor(stream, opts.env);
  lines.push(
    ...wrapText(
      c.bold(`zapcheck ${report.tool.version}`) +
        c.gray(
          ` · ${
            isUnnamedSite(report.site)
              ? t('term.header.unnamed', { profile: escapeForTerminal(report.profile) })
              : t('term.header', {
                  site: escapeForTerminal(report.site),
                  profile: escapeForTerminal(report.profile),
                })
          }${mode}`,
        ),
      width,
      '',
      '  ',
    ),
  );
  lines.push('');
  const rows = report.checks.map((r) => {
    const title = escapeForTerminal(r.title);
    const summary = escapeForTerminal(r.summary);
    const cells: Cell[] = [
      { text: marks[r.status], paint: (s) => paint(c, r.status, s) },
      r.status === 'skip' ? { text: title, paint: (s) => c.gray(s) } : title,
      r.status === 'pass' ? summary : { text: summary, paint: (s) => paint(c, r.status, s) },
    ];
    return cells;
  });
  // Titles get up to about 38 % of the line (44 columns at most), summaries the rest; both wrap in place.
  const titleMax = Math.min(44, Math.round(width * 0.38));
  lines.push(
    ...table(rows, [{}, { min: 10, max: titleMax, gap: 1 }, { flex: true, min: 20 }], width, {
      indent: '  ',
    }),
  );
  if (opts.verbose) lines.push('', ...detailLines(report, width, t));
  lines.push('');
  const n = report.counts;
  // From the verdict on, lines fit the terminal (a narrow window must not cut what to hand to IT).
  const fit = (text: string, indent = ''): string[] => wrapLine(text, width, indent);
  lines.push(...fit(verdictLine(report, c, t, opts.lang ?? 'en')));
  if (report.verdict === 'ready') {
    // A run --only cut short proves only its part: never "the network will carry the chargers".
    const partial = report.checks.some((r) => r.cause === NOT_SELECTED);
    lines.push(...fit(partial ? t('term.ready.partial') : n.warn ? t('term.ready.warn') : t('term.ready')));
  }
  if (report.interrupted) lines.push(...fit(t('term.interrupted')));

  const rem = remediationList(report.checks);
  // A weak charger position (zapcheck survey) is a reason for NOT READY too: say which and what to do.
  for (const sp of report.survey ?? []) {
    const fix = spotFix(sp, t);
    if (fix && !rem.installer.includes(fix)) rem.installer.push(fix);
  }
  let i = 1;
  if (rem.it.length) {
    lines.push('', c.bold(t('term.it.heading')));
    for (const text of rem.it) lines.push(...fit(`  ${i++}. ${escapeForTerminal(text)}`, '     '));
  }
  if (rem.installer.length) {
    lines.push('', c.bold(t('term.installer.heading')));
    for (const text of rem.installer) lines.push(...fit(`  ${i++}. ${escapeForTerminal(text)}`, '     '));
  }
  const skipped = report.checks.filter((r) => r.status === 'skip' && r.cause !== 'SKIPPED');
  // Checks --only left out are one line (their kinds), not one line each.
  const notRun = skipped.filter((r) => r.cause === NOT_SELECTED);
  if (skipped.length) {
    lines.push('', c.bold(t('term.notchecked.heading')));
    for (const r of skipped) {
      if (r.cause === NOT_SELECTED) continue;
      lines.push(...fit(`  - ${escapeForTerminal(r.title)}: ${escapeForTerminal(r.summary)}`, '    '));
    }
    if (notRun.length) {
      const form = new Intl.PluralRules(opts.lang ?? 'en').select(notRun.length) === 'one' ? 'one' : 'many';
      const list = notCheckedLabels(notRun).join(', ');
      lines.push(...fit(`  - ${t(`term.notrun.${form}`, { n: notRun.length, list })}`, '    '));
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The verdict line: READY / NOT READY, what was not checked, the counts and the time. The whole output of
 * `--quiet`, and the line under the check list otherwise.
 */
function verdictLine(report: Report, c: ReturnType<typeof chalkFor>, t: Translate, lang: Lang): string {
  const n = report.counts;
  const parts = [
    n.fail ? plural(t, lang, n.fail, 'fail') : '',
    n.error ? plural(t, lang, n.error, 'error') : '',
    n.warn ? plural(t, lang, n.warn, 'warn') : '',
    n.skip ? plural(t, lang, n.skip, 'skip') : '',
    plural(t, lang, n.pass, 'pass'),
  ].filter(Boolean);
  const took =
    report.durationMs < 1000
      ? t('term.duration.short')
      : t('term.duration', {
          seconds: formatTenths(report.durationMs / 1000, lang),
        });
  // A READY stands only for what was tested: it names what was not (NOT READY is final anyway; the
  // "Not checked" list below still names those checks).
  const unchecked = report.verdict === 'ready' ? notCheckedLabels(report.checks) : [];
  const verdictWord =
    report.verdict === 'ready'
      ? c.bold.green(t('verdict.ready'))
      : c.bold.red(report.interrupted ? t('verdict.interrupted') : t('verdict.notready'));
  const verdict = unchecked.length
    ? `${verdictWord} ${c.bold(t('verdict.notchecked', { list: unchecked.join(', ') }))}`
    : verdictWord;
  return `${verdict}  ${parts.join(', ')}  ${c.gray(took)}`;
}

/** `--quiet`: the verdict line alone, wrapped to the terminal. */
export function renderVerdict(report: Report, stream: TerminalStream, opts: TerminalOptions): string {
  const c = chalkFor(stream, opts.env);
  const t = createTranslator(opts.lang);
  return `${wrapLine(verdictLine(report, c, t, opts.lang ?? 'en'), widthFor(stream, opts.env)).join('\n')}\n`;
}

/** A value of the evidence as one line: strings as they are (escaped), everything else as JSON. */
function evidenceValue(v: unknown): string {
  return escapeForTerminal(typeof v === 'string' ? v : JSON.stringify(v));
}

/** `path: value` lines of a check's evidence, nested objects and arrays flattened (`resolvers[0].server`). */
export function flattenEvidence(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${path}: []`];
    if (value.every((v) => v === null || typeof v !== 'object')) {
      return [`${path}: ${value.map(evidenceValue).join(', ')}`];
    }
    return value.flatMap((v, i) => flattenEvidence(v, `${path}[${i}]`));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return path ? [`${path}: {}`] : [];
    // Keys can come from the network too (HTTP header names): escaped like values.
    return entries.flatMap(([k, v]) =>
      flattenEvidence(v, path ? `${path}.${escapeForTerminal(k)}` : escapeForTerminal(k)),
    );
  }
  return [`${path}: ${evidenceValue(value)}`];
}

/** `--verbose`: per check its id, how long it took and its raw evidence (addresses, answers, certificates). */
function detailLines(report: Report, width: number, t: Translate): string[] {
  const lines: string[] = [t('term.details.heading')];
  for (const r of report.checks) {
    lines.push(
      ...wrapLine(`  ${escapeForTerminal(r.id)}  ${r.status} ${r.cause}  ${r.durationMs} ms`, width, '    '),
    );
    for (const l of flattenEvidence(r.evidence)) lines.push(...wrapLine(`    ${l}`, width, '      '));
  }
  return lines;
}

/** Below this width a one-line spinner cannot be redrawn in place (at 0 columns ora writes for ever). */
export const SPINNER_MIN_COLUMNS = 20;

/** The spinner runs on a TTY that reports at least SPINNER_MIN_COLUMNS columns, never in CI. */
export function spinnerFits(stream: TerminalStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.CI && (stream.columns ?? 0) >= SPINNER_MIN_COLUMNS;
}

/**
 * A spinner on a wide-enough TTY only (spinnerFits): one line naming the checks that are running. It stops
 * for good if the terminal is narrowed below the minimum while it runs.
 */
export async function startProgress(
  stream: TerminalStream & NodeJS.WritableStream,
  env: NodeJS.ProcessEnv,
  total: number,
  lang?: Lang,
): Promise<{ events: RunnerEvents; stop(): void }> {
  if (!spinnerFits(stream, env)) return { events: {}, stop: () => undefined };
  const t = createTranslator(lang);
  const { default: ora } = await import('ora');
  const spinner = ora({ stream, text: t('term.spinner.start'), color: 'cyan' }).start();
  const running = new Map<string, Check>();
  let done = 0;
  let stopped = false;
  const onResize = (): void => {
    if (!spinnerFits(stream, env)) stop();
  };
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    stream.removeListener('resize', onResize);
    spinner.stop();
  };
  stream.on('resize', onResize);
  const update = (): void => {
    if (stopped) return;
    if (!spinnerFits(stream, env)) {
      stop();
      return;
    }
    const names = [...running.values()].map((c) => c.title).slice(0, 3);
    spinner.text = t('term.spinner.progress', {
      done,
      total,
      names: `${escapeForTerminal(names.join(', '))}${running.size > 3 ? ' …' : ''}`,
    });
  };
  return {
    events: {
      onStart(check) {
        running.set(check.id, check);
        update();
      },
      onFinish(result) {
        running.delete(result.id);
        done++;
        update();
      },
    },
    stop,
  };
}
