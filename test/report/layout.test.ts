import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import {
  colorLevel,
  DESIGN_WIDTH,
  padDisplay,
  table,
  widthFor,
  wrapLine,
  wrapPlain,
  wrapText,
} from '../../src/report/layout.js';
import { wantColor } from '../../src/report/wifi-terminal.js';
import type { CliIO } from '../../src/cli/io.js';

const widest = (lines: string[]): number => Math.max(...lines.map((l) => stringWidth(l)));

describe('wrap by display width', () => {
  it('counts wide characters as two columns and combining marks as none', () => {
    // 10 CJK characters are 20 columns: at 9 columns they take 3 lines of 4, 4 and 2.
    const cjk = wrapPlain('世界世界世界世界世界', 9);
    expect(cjk).toEqual(['世界世界', '世界世界', '世界']);
    // "cafe" + combining acute, five times: 4 columns per word, 5 per word with its space.
    const combining = wrapPlain('cafe\u0301 '.repeat(5).trim(), 10);
    expect(combining).toEqual(['cafe\u0301 cafe\u0301', 'cafe\u0301 cafe\u0301', 'cafe\u0301']);
    expect(widest(combining)).toBe(9);
  });

  it('breaks a host name too long for the line after its dots, never wider than the line', () => {
    const lines = wrapPlain('resolves via waws-prod-am2-593.sip.azurewebsites.windows.net', 24);
    expect(lines.join('')).toContain('waws-prod-am2-593.sip.');
    expect(lines.some((l) => l.startsWith('azurewebsites.'))).toBe(true);
    expect(widest(lines)).toBeLessThanOrEqual(24);
  });

  it('keeps hanging indents and the spaces between aligned words', () => {
    const lines = wrapLine(
      '  1. Allow outbound TCP port 8883 to zapcloud.azure-devices.net now',
      30,
      '     ',
    );
    expect(lines[0]).toMatch(/^ {2}1\. Allow/);
    expect(lines.slice(1).every((l) => l.startsWith('     ') && !l.startsWith('      '))).toBe(true);
    expect(widest(lines)).toBeLessThanOrEqual(30);
    expect(wrapText('NOT READY  4 failed', 80)).toEqual(['NOT READY  4 failed']);
  });

  it('keeps colour across wrapped lines and does not count it', () => {
    const red = '\u001b[31mone two three four five six\u001b[39m';
    const lines = wrapText(red, 10);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) {
      expect(l).toContain('\u001b[31m');
      expect(stringWidth(l)).toBeLessThanOrEqual(10);
    }
  });

  it('pads by display width so wide text lines up', () => {
    expect(stringWidth(padDisplay('città', 8))).toBe(8);
    expect(stringWidth(padDisplay('世界', 8))).toBe(8);
  });
});

describe('table', () => {
  it('aligns columns and wraps each cell inside its own column', () => {
    const rows = [
      ['✔', 'DNS api.zaptec.com', 'api.zaptec.com resolves to 198.51.100.163'],
      [
        '✖',
        'TLS zapcloud-api.azurewebsites.net:443',
        'TLS is intercepted by Fortinet FortiGate; the charger rejects it',
      ],
    ];
    const lines = table(rows, [{}, { max: 20, gap: 1 }, { flex: true }], 50, { indent: '  ' });
    expect(widest(lines)).toBeLessThanOrEqual(50);
    // Every summary line starts in the same column: 2 + 1 + 1 + 20 + 2.
    const summaryStarts = lines
      .map((l) => /^ {2}. .{20} {2}(\S)/u.exec(l)?.index)
      .filter((x) => x !== undefined);
    expect(summaryStarts.length).toBe(lines.length);
    // The long title wrapped inside its column: its second line starts under the first.
    expect(lines.some((l) => /^ {4}\S/.test(l))).toBe(true);
  });
});

describe('the one colour decision', () => {
  const io = (env: NodeJS.ProcessEnv, isTTY: boolean): CliIO =>
    ({
      stdout: { isTTY, write: () => true },
      stderr: { write: () => true },
      env,
      cwd: '/',
    }) as unknown as CliIO;
  it('FORCE_COLOR=false means no colour for the site report and the wifi report alike', () => {
    for (const isTTY of [true, false]) {
      for (const FORCE_COLOR of ['false', '0']) {
        expect(colorLevel({ write: () => true, isTTY }, { FORCE_COLOR })).toBe(0);
        expect(wantColor(io({ FORCE_COLOR }, isTTY))).toBe(0);
      }
    }
    expect(wantColor(io({ NO_COLOR: '1', FORCE_COLOR: '1' }, true))).toBe(0);
    expect(wantColor(io({}, true))).toBeGreaterThan(0);
    expect(wantColor(io({}, false))).toBe(0);
  });

  it('lays out for the terminal width, else $COLUMNS, else 80', () => {
    expect(widthFor({ write: () => true, columns: 132 }, { COLUMNS: '100' })).toBe(132);
    expect(widthFor({ write: () => true }, { COLUMNS: '100' })).toBe(100);
    expect(widthFor({ write: () => true }, {})).toBe(DESIGN_WIDTH);
    expect(DESIGN_WIDTH).toBe(80);
  });
});
