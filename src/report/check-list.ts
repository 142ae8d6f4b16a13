import type { Check } from '../core/check.js';
import { stringifyJson } from '../core/escape.js';
import type { Lang, Translate } from '../i18n/index.js';
import { escapeForTerminal } from './escape.js';
import { table, wrapText } from './layout.js';

/**
 * `zapcheck site --list-checks`: what a run of this profile checks, in report order: each check's id (what
 * `--only` takes), its title in the chosen language and the checks it needs (TLS needs TCP needs DNS).
 */

export interface CheckListEntry {
  id: string;
  kind: string;
  title: string;
  target: Check['target'];
  needs: string[];
}

export function checkListEntries(checks: readonly Check[]): CheckListEntry[] {
  return checks.map((c) => ({
    id: c.id,
    kind: c.kind,
    title: c.title,
    target: c.target,
    needs: [...c.needs],
  }));
}

/** The machine form (--json): stable keys, one object per check. */
export function renderCheckListJson(
  entries: readonly CheckListEntry[],
  meta: { profile: string; lang: Lang },
): string {
  return `${stringifyJson({ schemaVersion: 1, profile: meta.profile, lang: meta.lang, checks: entries })}\n`;
}

/** The terminal form: a two-column table (id, title) with what each needs under its title, at `width`. */
export function renderCheckList(
  entries: readonly CheckListEntry[],
  opts: { profile: string; width: number; t: Translate },
): string {
  const { t, width } = opts;
  const idWidth = Math.min(
    Math.round(width * 0.5),
    Math.max(t('checks.col.id').length, ...entries.map((e) => e.id.length)),
  );
  const columns = [
    { min: 8, max: idWidth },
    { flex: true, min: 20 },
  ];
  // What a check needs is a row of its own under the check's, in the title column: one table, one layout.
  const rows: string[][] = [[t('checks.col.id'), t('checks.col.title')]];
  for (const e of entries) {
    rows.push([escapeForTerminal(e.id), escapeForTerminal(e.title)]);
    if (e.needs.length)
      rows.push(['', t('checks.needs', { list: e.needs.map(escapeForTerminal).join(', ') })]);
  }
  return `${[
    ...wrapText(t('checks.heading', { profile: escapeForTerminal(opts.profile), n: entries.length }), width),
    '',
    ...table(rows, columns, width, { indent: '  ' }),
    '',
    ...wrapText(t('checks.footer'), width),
  ].join('\n')}\n`;
}
