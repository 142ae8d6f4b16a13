import { Chalk, type ChalkInstance } from 'chalk';
import type { Check } from '../core/check.js';
import type { CheckResult, Report, Status } from '../core/result.js';
import { groupRemediation } from './remediation.js';
import { notCheckedLabels } from '../core/result.js';
import type { RunnerEvents } from '../core/runner.js';
import { escapeForTerminal } from './escape.js';
import { spotFix } from './survey.js';
import { createTranslator, type Lang, type MessageKey, type Translate } from '../i18n/index.js';

/**
 * The terminal report: the only chalk/ora user. One line per check with a mark, the verdict, and a
 * numbered remediation list an installer can hand to IT. Colour only where the stream is a TTY, and
 * NO_COLOR / FORCE_COLOR win (https://no-color.org).
 */

export interface TerminalStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export function colorLevel(stream: TerminalStream, env: NodeJS.ProcessEnv): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true' || force === '1') return 1;
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n >= 3 ? 3 : n >= 2 ? 2 : n >= 1 ? 1 : 0;
  }
  if (!stream.isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' ? 3 : 2;
}

const MARKS: Record<Status, string> = { pass: '✔', warn: '!', fail: '✖', skip: '-', error: '‼' };
const ASCII_MARKS: Record<Status, string> = { pass: 'ok', warn: '!!', fail: 'XX', skip: '--', error: 'ER' };

function paint(c: ChalkInstance, status: Status, s: string): string {
  switch (status) {
    case 'pass':
      return c.green(s);
    case 'warn':
      return c.yellow(s);
    case 'fail':
      return c.red(s);
    case 'error':
      return c.magenta(s);
    default:
      return c.gray(s);
  }
}

function plural(t: Translate, n: number, kind: Status): string {
  return t(`term.count.${kind}.${n === 1 ? 'one' : 'many'}` as MessageKey, { n });
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
}

export function renderTerminal(report: Report, stream: TerminalStream, opts: TerminalOptions): string {
  const c = new Chalk({ level: colorLevel(stream, opts.env) });
  const marks = opts.ascii ? ASCII_MARKS : MARKS;
  const t = createTranslator(opts.lang);
  const lines: string[] = [];
  const mode =
    report.environment.mode === 'lab'
      ? ` · ${t('term.header.lab', { scenario: report.environment.labScenario ?? 'healthy' })}`
      : '';
  lines.push(
    c.bold(`zapcheck ${report.tool.version}`) +
      c.gray(
        ` · ${t('term.header', { site: escapeForTerminal(report.site), profile: escapeForTerminal(report.profile) })}${mode}`,
      ),
  );
  lines.push('');
  const titleWidth = Math.min(44, Math.max(...report.checks.map((r) => r.title.length), 10));
  for (const r of report.checks) {
    const mark = paint(c, r.status, marks[r.status]);
    const title = escapeForTerminal(r.title).padEnd(titleWidth);
    const summary = escapeForTerminal(r.summary);
    lines.push(
      `  ${mark} ${r.status === 'skip' ? c.gray(title) : title}  ${r.status === 'pass' ? summary : paint(c, r.status, summary)}`,
    );
  }
  lines.push('');
  const n = report.counts;
  const parts = [
    n.fail ? plural(t, n.fail, 'fail') : '',
    n.error ? plural(t, n.error, 'error') : '',
    n.warn ? plural(t, n.warn, 'warn') : '',
    n.skip ? plural(t, n.skip, 'skip') : '',
    plural(t, n.pass, 'pass'),
  ].filter(Boolean);
  const seconds = (report.durationMs / 1000).toFixed(1);
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
  // From the verdict on, lines fit the terminal (a narrow window must not cut what to hand to IT).
  const fit = (text: string, indent = ''): string[] => wrapToWidth(text, stream.columns, indent);
  lines.push(...fit(`${verdict}  ${parts.join(', ')}  ${c.gray(`(${seconds} s)`)}`));
  if (report.verdict === 'ready') {
    lines.push(...fit(n.warn ? t('term.ready.warn') : t('term.ready')));
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
  if (skipped.length) {
    lines.push('', c.bold(t('term.notchecked.heading')));
    for (const r of skipped) {
      lines.push(...fit(`  - ${escapeForTerminal(r.title)}: ${escapeForTerminal(r.summary)}`, '    '));
    }
  }
  return `${lines.join('\n')}\n`;
}

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/**
 * Word-wraps one line to `columns` (when the stream has a width), continuation lines indented; colour
 * codes do not count. A word longer than the line (a long host name) is left whole rather than cut.
 */
export function wrapToWidth(text: string, columns: number | undefined, indent = ''): string[] {
  if (!columns || columns < 20) return [text];
  const visible = (s: string): number => s.replace(SGR, '').length;
  if (visible(text) <= columns) return [text];
  const lead = /^ */.exec(text)?.[0] ?? '';
  const words = text.slice(lead.length).split(/ +/);
  const out: string[] = [];
  let line = lead;
  let prefixOnly = true;
  for (const word of words) {
    if (!prefixOnly && visible(line) + 1 + visible(word) > columns) {
      out.push(line);
      line = indent + word;
    } else {
      line = prefixOnly ? line + word : `${line} ${word}`;
    }
    prefixOnly = false;
  }
  out.push(line);
  return out;
}

/** A spinner on a TTY only: one line naming the checks that are running. */
export async function startProgress(
  stream: TerminalStream & NodeJS.WritableStream,
  env: NodeJS.ProcessEnv,
  total: number,
  lang?: Lang,
): Promise<{ events: RunnerEvents; stop(): void }> {
  if (!stream.isTTY || env.CI) return { events: {}, stop: () => undefined };
  const t = createTranslator(lang);
  const { default: ora } = await import('ora');
  const spinner = ora({ stream, text: t('term.spinner.start'), color: 'cyan' }).start();
  const running = new Map<string, Check>();
  let done = 0;
  const update = (): void => {
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
    stop: () => spinner.stop(),
  };
}
