import type { Report } from '../core/result.js';
import { renderAllowListText, wrap } from './allowlist.js';
import { buildHandover, formatDate, type RenderOptions } from './handover.js';
import { escapeForTerminal } from './escape.js';
import { SPOT_COLUMNS } from './survey.js';
import { renderTerminal } from './terminal.js';

/**
 * Plain text (an e-mail, a ticket): the terminal report without colour, then the R1-R9 rows, the IT
 * allow-list, the data budget and the electrical reminders. Network text is escaped as on a terminal.
 */

const WIDTH = 100;

function section(report: Report, opts: RenderOptions): string {
  const h = buildHandover(report, opts);
  const { t } = h;
  const plain = { write: () => true, isTTY: false };
  const out: string[] = [
    renderTerminal(report, plain, { env: { NO_COLOR: '1' }, lang: opts.lang }).trimEnd(),
    '',
    `${t('report.date')}: ${formatDate(report.startedAt, h.lang)}`,
  ];
  if (h.site?.address) out.push(`${t('report.address')}: ${escapeForTerminal(h.site.address)}`);
  if (h.chargers !== null) out.push(`${t('report.chargers')}: ${h.chargers}`);
  out.push('', t('report.req.heading'));
  for (const r of h.rows) {
    const head = `  ${r.id}  ${t(`status.${r.status}`).padEnd(14)} ${r.text}`;
    out.push(head, ...wrap(escapeForTerminal(r.summary), WIDTH - 22).map((l) => `${' '.repeat(22)}${l}`));
  }
  if (h.spots.length) {
    out.push('', t('report.survey.heading'));
    const header = SPOT_COLUMNS.map((k) => t(k));
    const cells = h.spots.map((s) =>
      [s.spot, s.verdict, s.median, s.min, s.channel, s.ssid, s.taken].map(escapeForTerminal),
    );
    const widths = header.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
    for (const r of [header, ...cells]) {
      out.push(`  ${r.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd());
    }
  }
  if (h.allow) out.push('', t('report.allow.heading'), renderAllowListText(h.allow, t, WIDTH).trimEnd());
  out.push('', t('report.budget.heading'));
  if (h.budget) {
    for (const line of h.budget.lines) out.push(`  ${line}`);
    if (h.budget.advice) out.push(...wrap(h.budget.advice, WIDTH - 2).map((l) => `  ${l}`));
  } else out.push(...wrap(t('budget.nochargers'), WIDTH - 2).map((l) => `  ${l}`));
  out.push('', t('report.electrical.heading'));
  for (const key of ['report.electrical.shortcircuit', 'report.electrical.phases'] as const) {
    out.push(...wrap(t(key), WIDTH - 4).map((l, i) => (i ? `    ${l}` : `  - ${l}`)));
  }
  return `${out.join('\n')}\n`;
}

export function renderText(reports: readonly Report[], opts: RenderOptions): string {
  return reports.map((r) => section(r, opts)).join(`\n${'='.repeat(WIDTH)}\n\n`);
}
