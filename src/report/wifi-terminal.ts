/**
 * Terminal view of `zapcheck wifi`: verdict lines per network and a 2.4 GHz channel chart. Plain text works
 * without colour (NO_COLOR, pipes); every SSID printed here has been escaped (src/wifi/display.ts).
 */
import { Chalk } from 'chalk';
import type { CliIO } from '../cli/io.js';
import type { Status } from '../core/result.js';
import type { WifiReport } from '../wifi/run.js';
import { escapeForDisplay } from '../wifi/display.js';

export function wantColor(io: CliIO): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

const LABEL: Record<Status, string> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  skip: 'SKIP',
  error: 'ERROR',
};

export function renderWifiTerminal(
  report: WifiReport,
  opts: { color: boolean; profileName: string },
): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const paint = (s: Status, text: string): string =>
    s === 'pass'
      ? c.green(text)
      : s === 'warn'
        ? c.yellow(text)
        : s === 'fail' || s === 'error'
          ? c.red(text)
          : c.dim(text);
  const out: string[] = [];
  const a = report.advice;
  const src = report.scan.source;
  const from =
    src === null
      ? ''
      : src.kind === 'file'
        ? ` from ${escapeForDisplay(src.path, 200)}`
        : src.kind === 'command'
          ? ` (${src.command})`
          : '';
  out.push(c.bold(`zapcheck wifi: ${opts.profileName}`));
  if (report.scan.unavailable) {
    out.push(`Scan: not possible here (${report.scan.unavailable.reason})`);
  } else {
    out.push(`Scan: ${report.scan.formatName}${from}, ${report.networks.length} networks`);
  }
  for (const n of report.scan.notes) out.push(c.dim(`  note: ${escapeForDisplay(n, 300)}`));
  out.push('');
  const by =
    a.target.selectedBy === 'option'
      ? 'given with --ssid'
      : a.target.selectedBy === 'connected'
        ? 'the network this laptop is on'
        : 'all visible networks';
  if (a.networks.length <= 1) {
    if (a.target.ssidDisplay) out.push(`Network ${a.target.ssidDisplay} (${by})`);
    const n = a.networks[0];
    if (n) {
      for (const f of n.findings)
        out.push(
          `  ${paint(f.status, LABEL[f.status].padEnd(5))} ${f.cause === 'OK' ? '' : `${f.cause}  `}${f.summary}`,
        );
    }
  } else {
    out.push(`Networks (${by}):`);
    for (const n of a.networks)
      out.push(
        `  ${paint(n.status, LABEL[n.status].padEnd(5))} ${n.cause === 'OK' ? '' : `${n.cause}  `}${n.summary}`,
      );
  }
  out.push('');
  out.push(`${c.bold('Verdict:')} ${paint(a.status, LABEL[a.status])} ${a.cause}: ${a.summary}`);
  const seen = new Set<string>();
  for (const r of a.remediation) {
    if (seen.has(r.text)) continue;
    seen.add(r.text);
    out.push(`  -> ${r.audience === 'it' ? 'site IT / router' : 'installer'}: ${r.text}`);
  }
  const chart = a.chart.channels;
  if (chart.some((e) => e.networks > 0)) {
    out.push('');
    out.push('2.4 GHz channels (networks per channel; > = target network, * = recommended for the charger):');
    const max = Math.max(...chart.map((e) => e.networks), 1);
    const width = 30;
    for (const e of chart) {
      const bar = '#'.repeat(Math.round((e.networks / max) * width)) || (e.networks > 0 ? '#' : '');
      const mark = e.target ? '>' : ' ';
      const rec = a.chart.recommendedChannel === e.channel ? '*' : ' ';
      const outOfRange = e.channel > 11 ? ' (charger cannot use)' : '';
      const score = e.score !== undefined ? `  load ${e.score}` : '';
      const line = `${mark}${rec}${String(e.channel).padStart(3)} | ${bar.padEnd(width)} ${String(e.networks).padStart(3)}${score}${outOfRange}`;
      out.push(e.target ? c.cyan.bold(line) : line);
    }
  }
  return `${out.join('\n')}\n`;
}
