import type { CheckResult, Report, Status } from '../core/result.js';
import { createTranslator, type Lang, type Translate } from '../i18n/index.js';
import { escapeMarkdown } from './markdown.js';
import { escapeForTerminal } from './escape.js';
import { stringifyJson } from '../core/escape.js';
import { DESIGN_WIDTH, wrapText } from './layout.js';

/**
 * `zapcheck report old.json new.json --diff`: what an IT change fixed, what it broke, what stayed.
 * Checks are matched by id (kind:host:port, stable across runs). A check that could not run in the new
 * report (skip) is listed as not checked, never as fixed: a skipped TLS check behind a failing TCP
 * check has not been repaired.
 */

export type DiffBucket = 'fixed' | 'regressed' | 'unchanged' | 'added' | 'removed';

export interface DiffEntry {
  id: string;
  title: string;
  from: { status: Status; cause: string } | null;
  to: { status: Status; cause: string } | null;
  /** The newer summary (or the old one for a removed check). */
  summary: string;
}

export interface ReportDiff {
  a: { site: string; startedAt: string; verdict: Report['verdict'] };
  b: { site: string; startedAt: string; verdict: Report['verdict'] };
  fixed: DiffEntry[];
  regressed: DiffEntry[];
  unchanged: DiffEntry[];
  added: DiffEntry[];
  removed: DiffEntry[];
}

const RANK: Record<Exclude<Status, 'skip'>, number> = { pass: 0, warn: 1, fail: 2, error: 2 };
const ok = (s: Status): boolean => s === 'pass' || s === 'warn';

/**
 * A regression is a check that was fine (pass or warn) and no longer is: fail, error, or skip (it can no
 * longer be tested, because something before it broke). Only regressions make `--diff` exit 1. A check
 * already failing that is now skipped is "no longer checked"; pass -> warn stays on the fine side.
 */
export function classify(from: Status, to: Status): DiffBucket {
  if (from === to) return 'unchanged';
  if (ok(from) && !ok(to)) return 'regressed';
  if (to === 'skip') return 'removed';
  if (from === 'skip') return ok(to) ? 'fixed' : 'regressed';
  return RANK[to] < RANK[from] ? 'fixed' : 'unchanged';
}

/** What `report --diff` exits with: 1 when any check regressed, else 0. */
export function diffExitCode(d: ReportDiff): 0 | 1 {
  return d.regressed.length ? 1 : 0;
}

const state = (c: CheckResult): { status: Status; cause: string } => ({ status: c.status, cause: c.cause });

export function diffReports(a: Report, b: Report): ReportDiff {
  const out: ReportDiff = {
    a: { site: a.site, startedAt: a.startedAt, verdict: a.verdict },
    b: { site: b.site, startedAt: b.startedAt, verdict: b.verdict },
    fixed: [],
    regressed: [],
    unchanged: [],
    added: [],
    removed: [],
  };
  const before = new Map(a.checks.map((c) => [c.id, c]));
  for (const c of b.checks) {
    const old = before.get(c.id);
    before.delete(c.id);
    const entry: DiffEntry = {
      id: c.id,
      title: c.title,
      from: old ? state(old) : null,
      to: state(c),
      summary: c.summary,
    };
    out[old ? classify(old.status, c.status) : 'added'].push(entry);
  }
  for (const old of before.values()) {
    out.removed.push({ id: old.id, title: old.title, from: state(old), to: null, summary: old.summary });
  }
  return out;
}

const BUCKETS: readonly [
  DiffBucket,
  'diff.fixed' | 'diff.regressed' | 'diff.unchanged' | 'diff.added' | 'diff.removed',
][] = [
  ['regressed', 'diff.regressed'],
  ['fixed', 'diff.fixed'],
  ['added', 'diff.added'],
  ['removed', 'diff.removed'],
  ['unchanged', 'diff.unchanged'],
];

function statusWord(s: { status: Status; cause: string } | null, t: Translate): string {
  if (!s) return '—';
  return s.status === 'pass' ? t('status.pass') : `${t(`status.${s.status}`)} ${s.cause}`;
}

function verdictWord(v: Report['verdict'], t: Translate): string {
  return v === 'ready' ? t('verdict.ready') : t('verdict.notready');
}

export function renderDiffText(d: ReportDiff, lang: Lang, width = DESIGN_WIDTH): string {
  const t = createTranslator(lang);
  const esc = escapeForTerminal;
  const out = [
    t('diff.title', { a: d.a.startedAt, b: d.b.startedAt }),
    t('diff.verdict', { a: verdictWord(d.a.verdict, t), b: verdictWord(d.b.verdict, t) }),
  ];
  if (d.a.site !== d.b.site) out.push(t('diff.othersite', { a: esc(d.a.site), b: esc(d.b.site) }));
  for (const [bucket, key] of BUCKETS) {
    const list = d[bucket];
    out.push('', `${t(key)} (${list.length})`);
    if (!list.length) out.push(`  ${t('diff.none')}`);
    for (const e of list) {
      const same = e.from?.status === e.to?.status;
      const change =
        bucket === 'unchanged' && same
          ? statusWord(e.to, t)
          : `${statusWord(e.from, t)} → ${statusWord(e.to, t)}`;
      out.push(...wrapText(`${esc(e.title)}: ${change}`, width, '  ', '    '));
      if (bucket !== 'unchanged' || !ok(e.to?.status ?? 'pass'))
        out.push(...wrapText(esc(e.summary), width, '      '));
    }
  }
  return `${out.flatMap((l) => wrapText(l, width)).join('\n')}\n`;
}

export function renderDiffMarkdown(d: ReportDiff, lang: Lang): string {
  const t = createTranslator(lang);
  const md = escapeMarkdown;
  const out = [
    `# ${md(t('diff.title', { a: d.a.startedAt, b: d.b.startedAt }))}`,
    '',
    md(t('diff.verdict', { a: verdictWord(d.a.verdict, t), b: verdictWord(d.b.verdict, t) })),
  ];
  if (d.a.site !== d.b.site) out.push('', md(t('diff.othersite', { a: d.a.site, b: d.b.site })));
  for (const [bucket, key] of BUCKETS) {
    const list = d[bucket];
    out.push('', `## ${md(t(key))} (${list.length})`, '');
    if (!list.length) out.push(md(t('diff.none')));
    for (const e of list) {
      out.push(
        `- **${md(e.title)}**: ${md(statusWord(e.from, t))} → ${md(statusWord(e.to, t))}. ${md(e.summary)}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

export function renderDiffJson(d: ReportDiff): string {
  return `${stringifyJson({ schemaVersion: 1, ...d })}\n`;
}
