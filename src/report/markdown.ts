import type { Report } from '../core/result.js';
import { siteHeading } from './site-name.js';
import { hostLabel, portLabel, protocolLabel } from './allowlist.js';
import {
  buildHandover,
  formatDate,
  SIGN_BLANK,
  signatureLine,
  signoff,
  verdictText,
  type Handover,
  type RenderOptions,
} from './handover.js';
import { installerText } from '../core/installer.js';
import { visibleControls } from './markup.js';
import { SPOT_COLUMNS } from './survey.js';

/**
 * The handover as Markdown (a ticket, a wiki page, a pull request). Same content as the HTML page plus
 * every check. Text from the network is escaped so it cannot become links, images, HTML or table cells.
 */

export function escapeMarkdown(s: string): string {
  return visibleControls(s)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]<>|~]/g, (ch) => `\\${ch}`);
}

const MARK = { pass: '✔', warn: '!', fail: '✖', skip: '–', error: '‼', info: 'i' } as const;

function section(h: Handover): string[] {
  const { report, t } = h;
  const md = escapeMarkdown;
  const verdict = verdictText(report, t);
  const out: string[] = [];
  out.push(`# ${md(t('report.title'))}: ${md(siteHeading(report.site, t))}`, '');
  const label = verdict.notChecked ? `${verdict.label} ${verdict.notChecked}` : verdict.label;
  out.push(`**${md(label)}**: ${md(verdict.line)}`, '');
  // A simulated run must not read as the real site's verdict: said right under it.
  if (report.environment.mode === 'lab') {
    out.push(`**${md(t('report.lab', { scenario: report.environment.labScenario ?? 'healthy' }))}**`, '');
  }
  out.push(`- ${md(t('report.date'))}: ${md(formatDate(report.startedAt, h.lang))}`);
  if (h.site?.address) out.push(`- ${md(t('report.address'))}: ${md(h.site.address)}`);
  if (h.installer) out.push(`- ${md(t('report.installer'))}: ${md(installerText(h.installer))}`);
  out.push(`- ${md(t('report.profile'))}: ${md(report.profile)}`);
  if (h.chargers !== null) out.push(`- ${md(t('report.chargers'))}: ${h.chargers}`);
  if (h.site?.notes) out.push(`- ${md(t('report.notes'))}: ${md(h.site.notes)}`);
  out.push(`- ${md(t('report.counts', { ...report.counts }))}`);
  out.push('', `## ${md(t('report.req.heading'))}`, '');
  out.push(
    `| # | ${md(t('report.req.col.requirement'))} | ${md(t('report.req.col.result'))} | ${md(t('report.req.col.detail'))} |`,
    '|---|---|---|---|',
  );
  for (const r of h.rows) {
    out.push(
      `| ${r.id} | ${md(r.text)} | ${MARK[r.status]} ${md(t(`status.${r.status}`))} | ${md(r.summary)} |`,
    );
  }
  if (h.spots.length) {
    out.push('', `## ${md(t('report.survey.heading'))}`, '');
    out.push(
      `| ${SPOT_COLUMNS.map((k) => md(t(k))).join(' | ')} |`,
      `|${'---|'.repeat(SPOT_COLUMNS.length)}`,
    );
    for (const s of h.spots) {
      out.push(
        `| ${md(s.spot)} | ${MARK[s.status]} ${md(s.verdict)} | ${md(s.median)} | ${md(s.min)} | ${md(s.channel)} | ${md(s.ssid)} | ${md(s.taken)} |`,
      );
    }
  }
  out.push('', `## ${md(t('report.fix.heading'))}`, '');
  if (!h.fixes.it.length && !h.fixes.installer.length) out.push(md(t('report.fix.none')));
  let n = 1;
  for (const [key, list] of [
    ['report.fix.it', h.fixes.it],
    ['report.fix.installer', h.fixes.installer],
  ] as const) {
    if (!list.length) continue;
    out.push(`**${md(t(key))}**`, '');
    for (const text of list) out.push(`${n++}. ${md(text)}`);
    out.push('');
  }
  out.push('', `## ${md(t('report.checks.heading'))}`, '');
  out.push(
    `| | ${md(t('report.checks.col.check'))} | ${md(t('report.checks.col.summary'))} |`,
    '|---|---|---|',
  );
  for (const c of report.checks) {
    out.push(
      `| ${MARK[c.status]} | ${md(c.title)} | ${md(c.summary)} (\`${c.cause.replace(/[^A-Z0-9_]/g, '')}\`) |`,
    );
  }
  if (h.allow) {
    out.push('', `## ${md(t('report.allow.heading'))}`, '');
    out.push(
      `| ${md(t('allow.col.host'))} | ${md(t('allow.col.port'))} | ${md(t('allow.col.protocol'))} | ${md(t('allow.col.required'))} | ${md(t('allow.col.why'))} |`,
      '|---|---|---|---|---|',
    );
    for (const r of h.allow.rules) {
      out.push(
        `| ${md(hostLabel(r, t))} | ${md(portLabel(r))} | ${md(protocolLabel(r, t))} | ${md(r.required ? t('allow.yes') : t('allow.optional'))} | ${md(r.why)} |`,
      );
    }
    out.push('');
    for (const note of h.allow.notes) out.push(`- ${md(note)}`);
  }
  out.push('', `## ${md(t('report.budget.heading'))}`, '');
  if (h.budget) {
    for (const line of h.budget.lines) out.push(`- ${md(line)}`);
    if (h.budget.advice) out.push('', `**${md(h.budget.advice)}**`);
  } else out.push(md(t('budget.nochargers')));
  out.push('', `## ${md(t('report.electrical.heading'))}`, '');
  out.push(`- ${md(t('report.electrical.shortcircuit'))}`, `- ${md(t('report.electrical.phases'))}`);
  out.push('', `## ${md(t('report.signoff.heading'))}`, '');
  for (const row of signoff(h)) {
    const who = row.who ? `**${md(row.who)}**${row.note ? ` (${md(row.note)})` : ''}` : md(SIGN_BLANK);
    out.push(`- ${md(row.role)}: ${who}  `, `  ${md(signatureLine(t))}`);
  }
  out.push('', `_${md(t('report.footer', { version: report.tool.version }))}_`, '');
  return out;
}

export function renderMarkdown(reports: readonly Report[], opts: RenderOptions): string {
  return reports.map((r) => section(buildHandover(r, opts)).join('\n')).join('\n---\n\n');
}
