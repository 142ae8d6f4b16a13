import type { Report } from '../core/result.js';
import { renderAllowListText } from './allowlist.js';
import { DESIGN_WIDTH, displayWidth, table, tableRows, wrapText } from './layout.js';
import {
  buildHandover,
  formatDate,
  SIGN_BLANK,
  signatureLine,
  signoff,
  type RenderOptions,
} from './handover.js';
import { installerText } from '../core/installer.js';
import { escapeForTerminal } from './escape.js';
import { SPOT_COLUMNS } from './survey.js';
import { renderTerminal } from './terminal.js';

/**
 * Plain text (an e-mail, a ticket): the terminal report without colour, then the R1-R9 rows, the IT
 * allow-list, the data budget and the electrical reminders. Network text is escaped as on a terminal.
 */

const WIDTH = DESIGN_WIDTH;

function section(report: Report, opts: RenderOptions): string {
  const h = buildHandover(report, opts);
  const { t } = h;
  const plain = { write: () => true, isTTY: false };
  const out: string[] = [
    renderTerminal(report, plain, { env: { NO_COLOR: '1' }, lang: opts.lang }).trimEnd(),
    '',
    `${t('report.date')}: ${formatDate(report.startedAt, h.lang)}`,
  ];
  if (h.installer) out.push(`${t('report.installer')}: ${escapeForTerminal(installerText(h.installer))}`);
  if (h.site?.address) out.push(`${t('report.address')}: ${escapeForTerminal(h.site.address)}`);
  if (h.chargers !== null) out.push(`${t('report.chargers')}: ${h.chargers}`);
  out.push('', t('report.req.heading'));
  // Id, status and requirement as aligned columns (the status words' width is the language's: "non
  // verificato" is longer than "not checked"), the detail under the requirement's column.
  const cells = h.rows.map((r) => [r.id, t(`status.${r.status}`), r.text]);
  const textAt = ' '.repeat(
    2 +
      Math.max(...cells.map((c) => displayWidth(c[0]!))) +
      2 +
      Math.max(...cells.map((c) => displayWidth(c[1]!))) +
      2,
  );
  const heads = tableRows(cells, [{}, {}, { flex: true }], WIDTH, { indent: '  ', gap: 2 });
  h.rows.forEach((r, i) => {
    out.push(...(heads[i] ?? []), ...wrapText(escapeForTerminal(r.summary), WIDTH, textAt));
  });
  if (h.spots.length) {
    out.push('', t('report.survey.heading'));
    const header = SPOT_COLUMNS.map((k) => t(k));
    const cells = h.spots.map((s) =>
      [s.spot, s.verdict, s.median, s.min, s.channel, s.ssid, s.taken].map(escapeForTerminal),
    );
    out.push(
      ...table(
        [header, ...cells],
        header.map((_, i) => (i === header.length - 1 ? { flex: true } : {})),
        WIDTH,
        { indent: '  ' },
      ),
    );
  }
  if (h.allow) out.push('', t('report.allow.heading'), renderAllowListText(h.allow, t, WIDTH).trimEnd());
  out.push('', t('report.budget.heading'));
  if (h.budget) {
    for (const line of h.budget.lines) out.push(...wrapText(line, WIDTH, '  ', '    '));
    if (h.budget.advice) out.push(...wrapText(h.budget.advice, WIDTH, '  '));
  } else out.push(...wrapText(t('budget.nochargers'), WIDTH, '  '));
  out.push('', t('report.electrical.heading'));
  for (const key of ['report.electrical.shortcircuit', 'report.electrical.phases'] as const) {
    out.push(...wrapText(t(key), WIDTH, '  - ', '    '));
  }
  out.push('', t('report.signoff.heading'));
  for (const row of signoff(h)) {
    const who = row.who ? `${escapeForTerminal(row.who)}${row.note ? ` (${row.note})` : ''}` : SIGN_BLANK;
    out.push(...wrapText(`${row.role}: ${who}`, WIDTH, '  ', '    '), `    ${signatureLine(t)}`);
  }
  return `${out.join('\n')}\n`;
}

export function renderText(reports: readonly Report[], opts: RenderOptions): string {
  return reports.map((r) => section(r, opts)).join(`\n${'='.repeat(WIDTH)}\n\n`);
}
