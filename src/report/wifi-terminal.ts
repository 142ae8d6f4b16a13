/**
 * Terminal view of `zapcheck wifi`: verdict lines per network and a 2.4 GHz channel chart. Plain text works
 * without colour (NO_COLOR, pipes); every SSID printed here has been escaped (src/core/display.ts).
 */
import { Chalk } from 'chalk';
import type { Status } from '../core/result.js';
import type { WifiAdvice } from '../checks/wifi/advice.js';
import type { UnreadScan } from '../checks/wifi/unread.js';
import type { WifiScan } from '../platform/wifi/types.js';
import { escapeForDisplay } from '../core/display.js';
import {
  createTranslator,
  fromEnglish,
  isMessageKey,
  type MessageKey,
  type Translate,
} from '../i18n/index.js';
import { colorLevel, DESIGN_WIDTH, paintStatus, wrapLine } from './layout.js';

/** What `zapcheck wifi --json` writes, and what this renderer draws. */
export interface WifiReport {
  schemaVersion: 1;
  tool: { name: 'zapcheck'; version: string };
  profile: string;
  scan: {
    source: WifiScan['source'] | null;
    format: string;
    formatName: string;
    tool: string;
    notes: string[];
    /** The text had the tool's structure but no readable network: blocks skipped and the file to send in. */
    unread?: UnreadScan;
    /** Why no scan could be made (then `networks` is empty). */
    unavailable?: { reason: string; message: string; hint: string };
  };
  networks: (WifiScan['records'][number] & { ssidDisplay: string })[];
  advice: WifiAdvice;
}

/** The colour level for this output: the one decision (src/report/layout.ts colorLevel). */
export function wantColor(io: {
  env: Record<string, string | undefined>;
  stdout: { isTTY?: boolean; write(s: string): unknown };
}): 0 | 1 | 2 | 3 {
  return colorLevel(io.stdout, io.env);
}

const STATUSES: readonly Status[] = ['pass', 'warn', 'fail', 'skip', 'error'];

/** PASS, WARN... in the report's language, padded to one width so the columns line up. */
export function statusLabels(t: Translate): Record<Status, string> {
  const raw = Object.fromEntries(STATUSES.map((s) => [s, t(`label.${s}` as MessageKey)])) as Record<
    Status,
    string
  >;
  const width = Math.max(5, ...Object.values(raw).map((l) => l.length));
  return Object.fromEntries(STATUSES.map((s) => [s, raw[s].padEnd(width)])) as Record<Status, string>;
}

export function renderWifiTerminal(
  report: WifiReport,
  opts: {
    color: boolean | 0 | 1 | 2 | 3;
    profileName: string;
    t?: Translate;
    width?: number;
    /** --quiet: the verdict line alone. */
    quiet?: boolean;
  },
): string {
  const t = opts.t ?? createTranslator('en');
  const LABEL = statusLabels(t);
  const c = new Chalk({ level: opts.color === true ? 1 : opts.color === false ? 0 : opts.color });
  const paint = (s: Status, text: string): string => paintStatus(c, s, text);
  const width = opts.width ?? DESIGN_WIDTH;
  const lines: string[] = [];
  /** Every line is wrapped to the width; `indent` is where continuation lines start. */
  const out = {
    push: (...texts: string[]): void => {
      for (const text of texts) lines.push(...wrapLine(text, width, indent(text)));
    },
  };
  const a = report.advice;
  const src = report.scan.source;
  const from =
    src === null
      ? ''
      : src.kind === 'file'
        ? t('wifi.term.scan.from', { path: escapeForDisplay(src.path, 200) })
        : src.kind === 'command'
          ? ` (${src.command})`
          : '';
  out.push(c.bold(`zapcheck wifi: ${opts.profileName}`));
  if (report.scan.unavailable) {
    out.push(t('wifi.term.scan.none', { reason: report.scan.unavailable.reason }));
  } else {
    // The format's name in the user's words where it has any ("table", "current connection only").
    const key = `wifi.format.${report.scan.format}`;
    const format = isMessageKey(key) ? t(key) : report.scan.formatName;
    out.push(t('wifi.term.scan', { format, from, n: report.networks.length }));
  }
  for (const n of report.scan.notes)
    out.push(c.dim(`  ${t('term.note', { note: escapeForDisplay(fromEnglish(n, t, 'wifi.note.'), 300) })}`));
  out.push('');
  const by =
    a.target.selectedBy === 'option'
      ? t('wifi.term.by.option')
      : a.target.selectedBy === 'connected'
        ? t('wifi.term.by.connected')
        : t('wifi.term.by.all');
  if (a.networks.length <= 1) {
    if (a.target.ssidDisplay) out.push(t('wifi.term.network', { ssid: a.target.ssidDisplay, by }));
    const n = a.networks[0];
    if (n) {
      for (const f of n.findings)
        out.push(
          `  ${paint(f.status, LABEL[f.status])} ${f.cause === 'OK' ? '' : `${f.cause}  `}${f.summary}`,
        );
    }
  } else {
    out.push(t('wifi.term.networks', { by }));
    for (const n of a.networks)
      out.push(`  ${paint(n.status, LABEL[n.status])} ${n.cause === 'OK' ? '' : `${n.cause}  `}${n.summary}`);
  }
  out.push('');
  const verdict = `${c.bold(t('wifi.term.verdict'))} ${paint(a.status, LABEL[a.status].trimEnd())} ${a.cause}: ${a.summary}`;
  if (opts.quiet) return `${wrapLine(verdict, width, indent(verdict)).join('\n')}\n`;
  out.push(verdict);
  const seen = new Set<string>();
  for (const r of a.remediation) {
    if (seen.has(r.text)) continue;
    seen.add(r.text);
    out.push(`  -> ${r.audience === 'it' ? t('who.it.router') : t('who.installer')}: ${r.text}`);
  }
  const chart = a.chart.channels;
  if (chart.some((e) => e.networks > 0)) {
    out.push('');
    out.push(t('wifi.term.chart'));
    const max = Math.max(...chart.map((e) => e.networks), 1);
    const width = 30;
    for (const e of chart) {
      const bar = '#'.repeat(Math.round((e.networks / max) * width)) || (e.networks > 0 ? '#' : '');
      const mark = e.target ? '>' : ' ';
      const rec = a.chart.recommendedChannel === e.channel ? '*' : ' ';
      const outOfRange = e.channel > 11 ? ` ${t('wifi.term.cannotuse')}` : '';
      const score = e.score !== undefined ? `  ${t('wifi.term.load', { score: e.score })}` : '';
      const line = `${mark}${rec}${String(e.channel).padStart(3)} | ${bar.padEnd(width)} ${String(e.networks).padStart(3)}${score}${outOfRange}`;
      out.push(e.target ? c.cyan.bold(line) : line);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Continuation lines line up under the text after a status label or an arrow. */
function indent(text: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  const m = /^( *(?:-> |[A-Z]+ +|- )?)/.exec(plain);
  return ' '.repeat(Math.min(m?.[1]?.length ?? 0, 12));
}
