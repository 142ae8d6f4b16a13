import { Chalk, type ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type { Status } from '../core/result.js';

/**
 * The one terminal layout for every text renderer (site report, wifi, dhcp, allow-list, diff, text
 * handover): one colour decision, one palette, one wrap by display width (wide CJK and emoji count two
 * columns, combining marks none, colour codes nothing) and one table whose cells wrap inside their
 * column. 80 columns is the design width: what is not a terminal (a pipe, a file, an e-mail) gets 80.
 */

export const DESIGN_WIDTH = 80;
/** Narrower than this, a column layout stops making sense: lines still wrap, columns do not. */
const MIN_WIDTH = 20;

export interface TerminalStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * NO_COLOR (any non-empty value) wins, then FORCE_COLOR (0/false: none; 1/true/empty: 16 colours; 2, 3),
 * then colour on a TTY only and never on TERM=dumb (https://no-color.org, https://force-color.org).
 */
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

export function chalkFor(stream: TerminalStream, env: NodeJS.ProcessEnv): ChalkInstance {
  return new Chalk({ level: colorLevel(stream, env) });
}

/** The palette: one colour per status, everywhere. */
export function paintStatus(c: ChalkInstance, status: Status, s: string): string {
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

/** The width to lay out for: the terminal's, else $COLUMNS, else the design width. */
export function widthFor(stream: TerminalStream, env: NodeJS.ProcessEnv = {}): number {
  const cols = stream.columns ?? Number(env.COLUMNS);
  return Number.isFinite(cols) && cols >= MIN_WIDTH ? Math.floor(cols) : DESIGN_WIDTH;
}

export function displayWidth(s: string): number {
  return stringWidth(s);
}

/** Pads to a display width (not a string length: "città" and "世界" line up too). */
export function padDisplay(s: string, width: number): string {
  const w = stringWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Pieces of a word too long for a line: cut after . - : / , _ = & ? (host names, URLs), else anywhere. */
function splitLongWord(word: string, width: number): string[] {
  const parts = word.match(/[^./:,_=&?-]*[./:,_=&?-]*/g)?.filter(Boolean) ?? [word];
  const out: string[] = [];
  for (const part of parts) {
    if (stringWidth(part) <= width) {
      out.push(part);
      continue;
    }
    let chunk = '';
    for (const { segment } of graphemes.segment(part)) {
      if (chunk && stringWidth(chunk + segment) > width) {
        out.push(chunk);
        chunk = '';
      }
      chunk += segment;
    }
    if (chunk) out.push(chunk);
  }
  return out;
}

/**
 * Greedy word wrap of plain text (no colour codes) by display width. Words longer than a line are
 * broken after dots, dashes, colons or slashes where they can be, else cut: no line is wider than
 * `width` (a single character wider than the line, which cannot happen above 1 column, excepted).
 */
export function wrapPlain(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  // Runs of spaces between words are kept (aligned labels); a line break swallows them.
  const tokens = text.trim().split(/(\s+)/);
  for (let t = 0; t < tokens.length; t += 2) {
    const word = tokens[t] ?? '';
    const space = t > 0 ? (tokens[t - 1] ?? ' ').replace(/\s/g, ' ') : '';
    if (!word) continue;
    const pieces = stringWidth(word) > width ? splitLongWord(word, width) : [word];
    pieces.forEach((piece, i) => {
      const pw = stringWidth(piece);
      const sep = used > 0 && i === 0 ? space : '';
      if (used > 0 && used + sep.length + pw > width) {
        lines.push(line);
        line = piece;
        used = pw;
      } else {
        line += sep + piece;
        used += sep.length + pw;
      }
    });
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

/**
 * Word-wraps one paragraph to `width` display columns; the first line starts with `first`, the others
 * with `rest` (a hanging indent). Text with colour codes goes through wrap-ansi (colours survive the
 * line breaks); plain text through wrapPlain (long host names broken at their dots).
 */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
  const lead = Math.max(stringWidth(first), stringWidth(rest));
  const room = Math.max(1, width - lead);
  if (stringWidth(text) <= room) return [first + text];
  const lines = ANSI.test(text)
    ? wrapAnsi(text, room, { hard: true, trim: true }).split('\n')
    : wrapPlain(text, room);
  return lines.map((l, i) => (i === 0 ? first : rest) + l);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

/** Wraps a line that starts with its own indent; continuation lines get `indent` (default: the same). */
export function wrapLine(text: string, width: number, indent?: string): string[] {
  const lead = /^ */.exec(text)?.[0] ?? '';
  return wrapText(text.slice(lead.length), width, lead, indent ?? lead);
}

/** A table cell: plain text, optionally painted line by line after wrapping. */
export type Cell = string | { text: string; paint?: (s: string) => string };

export interface Column {
  /** Never narrower than this (display columns). */
  min?: number;
  /** Never wider than this; content narrower than it shrinks the column. */
  max?: number;
  /** Takes whatever width is left (one column, usually the last). */
  flex?: boolean;
  /** Spaces before this column (default: the table's gap); ignored on the first column. */
  gap?: number;
}

/**
 * Lays rows out as aligned columns within `width`: fixed columns as wide as their widest cell (within
 * min/max), the flex column the rest; every cell wraps inside its own column. Returns the lines.
 */
export function table(
  rows: readonly (readonly Cell[])[],
  columns: readonly Column[],
  width: number,
  opts: { indent?: string; gap?: number } = {},
): string[] {
  return tableRows(rows, columns, width, opts).flat();
}

/** As table(), the lines of each row apart (to put a line of text under a row, the columns kept). */
export function tableRows(
  rows: readonly (readonly Cell[])[],
  columns: readonly Column[],
  width: number,
  opts: { indent?: string; gap?: number } = {},
): string[][] {
  const indent = opts.indent ?? '';
  const gap = opts.gap ?? 2;
  const n = columns.length;
  const plain = (c: Cell | undefined): string => (typeof c === 'string' ? c : (c?.text ?? ''));
  const natural = columns.map((_, i) => Math.max(0, ...rows.map((r) => stringWidth(plain(r[i])))));
  const widths = columns.map((col, i) => {
    const w = natural[i] ?? 0;
    return Math.max(col.min ?? 1, Math.min(col.max ?? w, w));
  });
  const gaps = columns.map((c, i) => (i === 0 ? 0 : (c.gap ?? gap)));
  const room = width - stringWidth(indent) - gaps.reduce((s, g) => s + g, 0);
  const flex = columns.findIndex((c) => c.flex);
  if (flex >= 0) {
    const fixed = widths.reduce((s, w, i) => (i === flex ? s : s + w), 0);
    widths[flex] = Math.max(columns[flex]?.min ?? 8, room - fixed);
  }
  // Room the flex column does not need goes back to columns their max clipped (short summaries).
  if (flex >= 0) {
    let spare = (widths[flex] ?? 0) - Math.max(columns[flex]?.min ?? 8, natural[flex] ?? 0);
    for (let i = 0; i < n && spare > 0; i++) {
      const want = (natural[i] ?? 0) - (widths[i] ?? 0);
      if (i === flex || want <= 0) continue;
      const give = Math.min(want, spare);
      widths[i] = (widths[i] ?? 0) + give;
      widths[flex] = (widths[flex] ?? 0) - give;
      spare -= give;
    }
  }
  // Still too wide (a narrow terminal): shrink the widest columns first, never below their min.
  let total = widths.reduce((s, w) => s + w, 0);
  while (total > room) {
    const widest = widths.indexOf(Math.max(...widths));
    const min = Math.max(4, columns[widest]?.min ?? 4);
    if ((widths[widest] ?? 0) <= min) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
    total--;
  }
  const out: string[][] = [];
  for (const row of rows) {
    const rowLines: string[] = [];
    const cells = widths.map((w, i) => {
      const cell = row[i];
      const paint = typeof cell === 'object' ? cell.paint : undefined;
      const lines = wrapPlain(plain(cell), w);
      return paint ? lines.map((l) => (l ? paint(l) : l)) : lines;
    });
    const height = Math.max(...cells.map((c) => c.length));
    for (let l = 0; l < height; l++) {
      const parts = cells.map((c, i) => padDisplay(c[l] ?? '', i === n - 1 ? 0 : (widths[i] ?? 0)));
      rowLines.push((indent + parts.map((p, i) => ' '.repeat(gaps[i] ?? 0) + p).join('')).trimEnd());
    }
    out.push(rowLines);
  }
  return out;
}
