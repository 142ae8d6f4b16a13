import { Chalk, type ChalkInstance } from 'chalk';
import type { Check } from '../core/check.js';
import type { CheckResult, Remediation, Report, Status } from '../core/result.js';
import type { RunnerEvents } from '../core/runner.js';
import { escapeForTerminal } from './escape.js';

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

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Unique remediation lines, IT first (they are what the installer hands over), in check order. */
export function remediationList(checks: readonly CheckResult[]): { it: string[]; installer: string[] } {
  const seen = new Set<string>();
  const out = { it: [] as string[], installer: [] as string[] };
  const add = (r: Remediation): void => {
    if (seen.has(r.text)) return;
    seen.add(r.text);
    out[r.audience].push(r.text);
  };
  for (const c of checks) if (c.status === 'fail' || c.status === 'error') c.remediation.forEach(add);
  for (const c of checks) if (c.status === 'warn') c.remediation.forEach(add);
  return out;
}

export interface TerminalOptions {
  env: NodeJS.ProcessEnv;
  /** Plain ASCII marks (Windows consoles with legacy code pages). */
  ascii?: boolean;
}

export function renderTerminal(report: Report, stream: TerminalStream, opts: TerminalOptions): string {
  const c = new Chalk({ level: colorLevel(stream, opts.env) });
  const marks = opts.ascii ? ASCII_MARKS : MARKS;
  const lines: string[] = [];
  const mode =
    report.environment.mode === 'lab' ? ` · lab: ${report.environment.labScenario ?? 'healthy'}` : '';
  lines.push(
    c.bold(`zapcheck ${report.tool.version}`) +
      c.gray(` · site "${escapeForTerminal(report.site)}" · profile ${report.profile}${mode}`),
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
    n.fail ? plural(n.fail, 'failed', 'failed') : '',
    n.error ? plural(n.error, 'error', 'errors') : '',
    n.warn ? plural(n.warn, 'warning', 'warnings') : '',
    n.skip ? plural(n.skip, 'skipped', 'skipped') : '',
    `${n.pass} passed`,
  ].filter(Boolean);
  const seconds = (report.durationMs / 1000).toFixed(1);
  const verdict =
    report.verdict === 'ready'
      ? c.bold.green('READY')
      : c.bold.red(report.interrupted ? 'INTERRUPTED' : 'NOT READY');
  lines.push(`${verdict}  ${parts.join(', ')}  ${c.gray(`(${seconds} s)`)}`);
  if (report.verdict === 'ready') {
    lines.push(
      n.warn
        ? 'The network will carry the chargers; the warnings below are worth fixing.'
        : 'The network will carry the chargers.',
    );
  }
  if (report.interrupted) lines.push('The run was interrupted: checks marked "-" were not finished.');

  const rem = remediationList(report.checks);
  let i = 1;
  if (rem.it.length) {
    lines.push('', c.bold("What to ask the site's IT to change:"));
    for (const text of rem.it) lines.push(`  ${i++}. ${escapeForTerminal(text)}`);
  }
  if (rem.installer.length) {
    lines.push('', c.bold('For the installer:'));
    for (const text of rem.installer) lines.push(`  ${i++}. ${escapeForTerminal(text)}`);
  }
  const skipped = report.checks.filter((r) => r.status === 'skip' && r.cause !== 'SKIPPED');
  if (skipped.length) {
    lines.push('', c.bold('Not checked:'));
    for (const r of skipped) lines.push(`  - ${escapeForTerminal(r.title)}: ${escapeForTerminal(r.summary)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A spinner on a TTY only: one line naming the checks that are running. */
export async function startProgress(
  stream: TerminalStream & NodeJS.WritableStream,
  env: NodeJS.ProcessEnv,
  total: number,
): Promise<{ events: RunnerEvents; stop(): void }> {
  if (!stream.isTTY || env.CI) return { events: {}, stop: () => undefined };
  const { default: ora } = await import('ora');
  const spinner = ora({ stream, text: 'Checking the site network…', color: 'cyan' }).start();
  const running = new Map<string, Check>();
  let done = 0;
  const update = (): void => {
    const names = [...running.values()].map((c) => c.title).slice(0, 3);
    spinner.text = `Checking (${done}/${total}) ${escapeForTerminal(names.join(', '))}${running.size > 3 ? ' …' : ''}`;
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
