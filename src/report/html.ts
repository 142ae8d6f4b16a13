import type { Report } from '../core/result.js';
import { siteHeading } from './site-name.js';
import { createTranslator } from '../i18n/index.js';
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
import { escapeMarkup as e } from './markup.js';
import type { RowStatus } from './requirements.js';
import { SPOT_COLUMNS } from './survey.js';
import { renderChannelChartSvg } from './wifi-chart.js';

/**
 * The printable handover: one self-contained A4 page per report. Inline CSS and SVG only; a Content
 * Security Policy forbids every fetch, so the file opens the same offline, in a mail client or printed.
 * Everything that came from the network or a user's file is escaped (markup.ts).
 */

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const MARK: Record<RowStatus, string> = { pass: '✔', warn: '!', fail: '✖', skip: '–', error: '‼', info: 'i' };

const CSS = `
@page { size: A4; margin: 7mm 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 7.6pt/1.22 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; color: #1b1b1b; }
.page { width: 190mm; margin: 0 auto; overflow-wrap: anywhere; }
.page + .page { break-before: page; }
.dense { font-size: 7.3pt; }
.dense2 { font-size: 6.6pt; line-height: 1.18; }
h1 { font-size: 13pt; margin: 0 0 1mm; }
h2 { font-size: 8.8pt; margin: 1.6mm 0 0.6mm; border-bottom: 0.3mm solid #999; padding-bottom: 0.4mm; }
.top { display: flex; gap: 4mm; align-items: stretch; }
.meta { flex: 1; display: grid; grid-template-columns: auto 1fr auto 1fr; gap: 0.4mm 2.5mm; align-content: start; margin: 0; }
.meta dt { color: #555; white-space: nowrap; }
.meta dd { margin: 0; min-width: 0; white-space: nowrap; }
.meta dt.full { grid-column: 1; }
.meta dd.full { white-space: normal; }
.meta .full { grid-column: 2 / 5; }
.verdict { width: 62mm; border: 0.6mm solid; border-radius: 2mm; padding: 2mm 3mm; }
.verdict .label { font-size: 14pt; font-weight: bold; letter-spacing: 0.02em; }
.verdict.ready { border-color: #2e7d32; background: #eaf5ea; color: #1b5e20; }
.verdict.not-ready { border-color: #c62828; background: #fdecea; color: #8e1c1c; }
.verdict .counts { color: #333; margin-top: 1mm; }
.verdict .notchecked { font-weight: bold; }
.lab { margin-top: 0.8mm; padding: 0.4mm 2mm; background: #fff3cd; border: 0.3mm solid #d6a100; font-weight: bold; }
table.grid { width: 100%; border-collapse: collapse; }
table.req { table-layout: fixed; }
table.grid th, table.grid td { border-bottom: 0.2mm solid #ccc; padding: 0.4mm 1.2mm; text-align: left; vertical-align: top; }
table.grid th { background: #f0f0f0; font-weight: bold; }
td.rid { font-weight: bold; }
td.res { white-space: nowrap; }
table.survey td.dbm { white-space: nowrap; text-align: right; }
table.allow td.nw { white-space: nowrap; }
.st { font-weight: bold; }
.st-pass { color: #1b5e20; } .st-warn { color: #8a5a00; } .st-fail, .st-error { color: #b71c1c; }
.st-skip, .st-info { color: #555; }
.cols { display: flex; gap: 5mm; }
.cols > div { flex: 1; min-width: 0; }
.cols > div.wide { flex: 1.25; }
ol { margin: 0.5mm 0 0; padding-left: 5mm; }
ol li { margin-bottom: 0.3mm; }
h3 { font-size: 8.8pt; margin: 1mm 0 0.3mm; }
ul.notes { margin: 0.6mm 0 0; padding-left: 4mm; }
ul.notes.two { columns: 2; column-gap: 6mm; }
ul.notes.two li { break-inside: avoid; }
.muted { color: #555; }
svg.chart { width: 100%; height: auto; max-height: 40mm; display: block; }
.budget { font-size: 92%; }
.legend { font-size: 7pt; color: #444; }
.sw { display: inline-block; width: 2.6mm; height: 2.6mm; margin: 0 0.8mm 0 2mm; vertical-align: -0.3mm; border: 0.2mm solid #888; }
.sw.allowed { background: #e6f4e6; } .sw.target { background: #90caf9; border-color: #1565c0; } .sw.others { background: #e0e0e0; }
.sign { display: flex; gap: 6mm; margin-top: 1.2mm; border-top: 0.3mm solid #999; padding-top: 0.6mm; }
.sign > div { flex: 1; min-width: 0; }
.sign .line { margin-top: 1.6mm; white-space: nowrap; }
footer { margin-top: 1.5mm; color: #666; font-size: 7pt; border-top: 0.2mm solid #ccc; padding-top: 1mm; }
`;

function statusCell(status: RowStatus, h: Handover): string {
  return `<span class="st st-${status}">${MARK[status]} ${e(h.t(`status.${status}`))}</span>`;
}

/**
 * How much text the page carries decides the font size: the one page must hold a fully broken site too.
 * Measured in characters of the parts that grow (remediation, row details).
 */
function densityClass(h: Handover): string {
  const chars =
    [...h.fixes.it, ...h.fixes.installer].reduce((n, s) => n + s.length + 60, 0) +
    h.rows.reduce((n, r) => n + Math.max(0, r.summary.length - 60), 0) +
    h.spots.length * 90 +
    // The sign-off block, and the head's long values (site, address, notes, installer) that wrap.
    200 +
    2 *
      Math.max(
        0,
        [h.report.site, h.site?.address, h.site?.notes, h.installer && installerText(h.installer)]
          .map((v) => (v ? v.length : 0))
          .reduce((a, b) => a + b, 0) - 80,
      );
  if (chars > 1800) return ' dense2';
  if (chars > 900) return ' dense';
  return '';
}

function renderPage(h: Handover): string {
  const { report, t } = h;
  const verdict = verdictText(report, t);
  const vclass = report.verdict === 'ready' ? 'ready' : 'not-ready';
  const meta: [string, string][] = [[t('report.site'), siteHeading(report.site, t)]];
  if (h.site?.address) meta.push([t('report.address'), h.site.address]);
  meta.push([t('report.date'), formatDate(report.startedAt, h.lang)]);
  if (h.installer) meta.push([t('report.installer'), installerText(h.installer)]);
  meta.push([t('report.profile'), h.profile ? `${h.profile.name} (${report.profile})` : report.profile]);
  if (h.chargers !== null) meta.push([t('report.chargers'), String(h.chargers)]);
  if (h.site?.notes) meta.push([t('report.notes'), h.site.notes]);
  const out: string[] = [];
  out.push(`<article class="page${densityClass(h)}">`);
  out.push(`<h1>${e(t('report.title'))}</h1>`);
  out.push('<div class="top"><dl class="meta">');
  for (const [k, v] of meta) {
    // Long values (an address, notes) take the whole row; short ones pair up two per row.
    const full = v.length > 38 || k === t('report.notes') || k === t('report.installer');
    const cls = full ? ' class="full"' : '';
    out.push(`<dt${cls}>${e(k)}</dt><dd${cls}>${e(v)}</dd>`);
  }
  out.push('</dl>');
  out.push(
    `<div class="verdict ${vclass}" id="verdict"><div class="label">${e(verdict.label)}</div>${verdict.notChecked ? `<div class="notchecked">${e(verdict.notChecked)}</div>` : ''}<div>${e(verdict.line)}</div>` +
      `<div class="counts">${e(t('report.counts', { ...report.counts }))}</div></div></div>`,
  );
  if (report.environment.mode === 'lab') {
    out.push(
      `<div class="lab">${e(t('report.lab', { scenario: report.environment.labScenario ?? 'healthy' }))}</div>`,
    );
  }

  out.push(`<h2>${e(t('report.req.heading'))}</h2>`);
  out.push(
    `<table class="grid req"><colgroup><col style="width:7mm"><col style="width:64mm"><col style="width:25mm"><col></colgroup><thead><tr><th>#</th><th>${e(t('report.req.col.requirement'))}</th><th>${e(t('report.req.col.result'))}</th><th>${e(t('report.req.col.detail'))}</th></tr></thead><tbody>`,
  );
  for (const r of h.rows) {
    out.push(
      `<tr id="req-${r.id}" data-status="${r.status}" data-cause="${e(r.cause)}"${r.because ? ` data-because="${r.because}"` : ''}><td class="rid">${r.id}</td><td class="req">${e(r.text)}</td><td class="res">${statusCell(r.status, h)}</td><td class="detail">${e(r.summary)}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  if (h.spots.length) {
    out.push(`<h2>${e(t('report.survey.heading'))}</h2>`);
    out.push(
      `<table class="grid survey"><thead><tr>${SPOT_COLUMNS.map((k) => `<th>${e(t(k))}</th>`).join('')}</tr></thead><tbody>`,
    );
    h.spots.forEach((s, i) => {
      out.push(
        `<tr id="spot-${i + 1}" data-status="${s.status}" data-cause="${e(s.cause)}"><td class="spot">${e(s.spot)}</td><td class="res">${statusCell(s.status, h)}</td><td class="dbm">${e(s.median)}</td><td class="dbm">${e(s.min)}</td><td>${e(s.channel)}</td><td>${e(s.ssid)}</td><td class="res">${e(s.taken)}</td></tr>`,
      );
    });
    out.push('</tbody></table>');
  }

  out.push('<div class="cols"><div class="wide">');
  out.push(`<h2>${e(t('report.fix.heading'))}</h2>`);
  if (!h.fixes.it.length && !h.fixes.installer.length) {
    out.push(`<p>${e(t('report.fix.none'))}</p>`);
  }
  let n = 1;
  for (const [key, list] of [
    ['report.fix.it', h.fixes.it],
    ['report.fix.installer', h.fixes.installer],
  ] as const) {
    if (!list.length) continue;
    out.push(`<h3>${e(t(key))}</h3><ol start="${n}">`);
    for (const text of list) out.push(`<li>${e(text)}</li>`);
    out.push('</ol>');
    n += list.length;
  }
  out.push('</div><div>');
  out.push(`<h2>${e(t('report.wifi.heading'))}</h2>`);
  if (h.chart) {
    out.push(renderChannelChartSvg(h.chart, t));
    out.push(
      `<div class="legend"><span class="sw allowed"></span>${e(t('report.wifi.allowed'))} <span class="sw target"></span>${e(t('report.wifi.target'))} <span class="sw others"></span>${e(t('report.wifi.others'))}</div>`,
    );
  } else out.push(`<p class="muted">${e(t('report.wifi.none'))}</p>`);
  out.push('</div></div>');
  out.push('<div class="cols"><div>');
  out.push(`<h2>${e(t('report.budget.heading'))}</h2>`);
  if (h.budget) {
    out.push('<div class="budget">');
    for (const line of h.budget.lines) out.push(`${e(line)}<br>`);
    if (h.budget.advice) out.push(`<strong>${e(h.budget.advice)}</strong>`);
    out.push('</div>');
  } else out.push(`<p class="muted">${e(t('budget.nochargers'))}</p>`);
  out.push('</div><div>');
  out.push(`<h2>${e(t('report.electrical.heading'))}</h2>`);
  out.push(
    `<ul class="notes"><li>${e(t('report.electrical.shortcircuit'))}</li><li>${e(t('report.electrical.phases'))}</li></ul>`,
  );
  out.push('</div></div>');
  if (h.allow) {
    out.push(`<h2>${e(t('report.allow.heading'))}</h2>`);
    out.push(
      `<table class="grid allow"><thead><tr><th>${e(t('allow.col.host'))}</th><th>${e(t('allow.col.port'))}</th><th>${e(t('allow.col.protocol'))}</th><th>${e(t('allow.col.why'))}</th></tr></thead><tbody>`,
    );
    for (const r of h.allow.rules) {
      const optional = r.required ? '' : ` <span class="muted">(${e(t('allow.optional'))})</span>`;
      out.push(
        `<tr><td class="nw">${e(hostLabel(r, t))}</td><td class="nw">${e(portLabel(r))}</td><td class="nw">${e(protocolLabel(r, t))}</td><td>${e(r.why)}${optional}</td></tr>`,
      );
    }
    out.push('</tbody></table><ul class="notes two">');
    for (const note of h.allow.notes) out.push(`<li>${e(note)}</li>`);
    out.push('</ul>');
  }

  // The sign-off: installer and site IT side by side, each a name and a signature line (two lines high).
  out.push(`<div class="sign" id="signoff" aria-label="${e(t('report.signoff.heading'))}">`);
  for (const row of signoff(h)) {
    // The date of the check is in the page's head; here only who signs.
    const who = row.who ? e(row.who) : e(SIGN_BLANK);
    out.push(
      `<div><div class="who"><strong>${e(row.role)}:</strong> ${who}</div><div class="line">${e(signatureLine(t))}</div></div>`,
    );
  }
  out.push('</div>');
  out.push(`<footer>${e(t('report.footer', { version: report.tool.version }))}</footer>`);
  out.push('</article>');
  return out.join('\n');
}

export function renderHtml(reports: readonly Report[], opts: RenderOptions): string {
  const t = createTranslator(opts.lang);
  const first = reports[0];
  const title =
    reports.length === 1 && first
      ? `${t('report.title')} · ${first.site}`
      : `${t('report.title')} · ${t('report.multi.heading', { n: reports.length })}`;
  const pages = reports.map((r) => renderPage(buildHandover(r, opts)));
  const lab = reports.length > 0 && reports.every((r) => r.environment.mode === 'lab') ? ' · LAB' : '';
  return `<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="zapcheck">
<title>${e(title + lab)}</title>
<style>${CSS}</style>
</head>
<body>
${pages.join('\n')}
</body>
</html>
`;
}
