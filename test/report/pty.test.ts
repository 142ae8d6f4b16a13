import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

/**
 * The terminal report in a real pseudo-terminal (util-linux `script`), at 80 and 120 columns, with colour
 * forced: colour codes present, the verdict and remediation lines no wider than the terminal, the spinner
 * on the TTY only. Without `script` the test says so loudly and skips (Debian package: util-linux).
 */

const run = promisify(execFile);
let SCRIPT = false;
try {
  await run('script', ['--version']);
  SCRIPT = true;
} catch {
  process.stderr.write(
    '\n!!! test/report/pty.test.ts: `script` (util-linux) not found: pseudo-terminal tests SKIPPED\n\n',
  );
}

// eslint-disable-next-line no-control-regex
const CSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;
const SPINNER = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

async function inPty(columns: number, args: string[], lang = 'C'): Promise<string> {
  const command = `stty cols ${columns} rows 60; ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FORCE_COLOR: '1',
    TERM: 'xterm-256color',
    LANG: lang,
    LC_ALL: '',
  };
  delete env.CI;
  delete env.NO_COLOR;
  const child = await run('script', ['-qfec', command, '/dev/null'], {
    cwd: ROOT,
    env,
    timeout: 60_000,
  }).catch((err: { stdout?: string; code?: number }) => ({ stdout: err.stdout ?? '', stderr: '' }));
  return child.stdout;
}

/** What a person reads from the verdict line on: colour codes removed, the spinner's redraws dropped. */
function verdictSection(raw: string, verdict: RegExp): string[] {
  const lines = raw
    .split(/\r?\n/)
    .map((l) => (l.split('\r').pop() ?? '').replace(CSI, ''))
    .filter((l) => !SPINNER.test(l));
  const start = lines.findIndex((l) => verdict.test(l));
  expect(start, 'the verdict line is printed').toBeGreaterThanOrEqual(0);
  return lines.slice(start);
}

describe.skipIf(!SCRIPT)('terminal report in a pseudo-terminal', () => {
  for (const columns of [80, 120]) {
    it(`${columns} columns: colour, spinner, verdict and remediation within the width`, async () => {
      const raw = await inPty(columns, [
        'site',
        'Garage Nord',
        '--lab',
        'tls-intercepted',
        '--lab-latency',
        '120',
      ]);
      expect(raw).toContain('\u001b[31m'); // red marks and verdict
      expect(raw).toContain('\u001b[1m'); // bold headings
      expect(raw).toMatch(SPINNER); // the spinner ran on the TTY
      const section = verdictSection(raw, /^NOT READY {2}/);
      expect(section.join('\n')).toContain('What to ask the site’s IT to change:');
      const wide = section.filter((l) => [...l].length > columns);
      expect(wide).toEqual([]);
      // One request per fault: the four inspected hosts are one numbered item, wrapped with its number kept.
      expect(section.filter((l) => /^ {2}\d\. /.test(l))).toEqual([
        expect.stringMatching(/^ {2}1\. Turn off TLS inspection by Fortinet FortiGate for:/),
      ]);
      if (columns === 80) expect(section.filter((l) => /^ {5}\S/.test(l)).length).toBeGreaterThanOrEqual(2);
    });
  }

  it('in Italian at 80 columns', async () => {
    const raw = await inPty(80, ['site', 'Garage Nord', '--lab', 'tcp-8883-dropped'], 'it_IT.UTF-8');
    const section = verdictSection(raw, /^RETE NON PRONTA {2}/);
    expect(section.join('\n')).toContain('Cosa chiedere di cambiare all’IT del sito:');
    expect(section.filter((l) => [...l].length > 80)).toEqual([]);
  });

  // Issue 12: a terminal that reports 0 columns (script, docker -t, some CI runners) made the spinner write
  // 14 MB of escape codes in 20 s and never end. Below 20 columns there is no spinner at all.
  it('0 columns: no spinner, the run ends with its report, output stays small', async () => {
    // That the run ends is what the report proves (it is printed at the end, within the default deadline);
    // a run that never ended would print none. No wall-clock bound: the size is the symptom of issue 12.
    const raw = await inPty(0, ['site', 'Garage Nord', '--lab', 'tls-intercepted', '--lab-latency', '300']);
    expect(raw.length).toBeLessThan(20_000);
    expect(raw).not.toMatch(SPINNER);
    expect(raw).toContain('NOT READY');
    expect(raw).toContain('What to ask the site’s IT to change:');
  });

  it('no spinner and no cursor games when the output is not a terminal', async () => {
    const piped = await runCli(['site', 'Garage Nord', '--lab', 'tls-intercepted', '--lab-latency', '120'], {
      env: { CI: '' },
    });
    expect(piped.stdout + piped.stderr).not.toMatch(SPINNER);
    expect(piped.stdout + piped.stderr).not.toContain('\u001b[?25l');
    expect(piped.stdout).not.toContain('\u001b['); // NO_COLOR from the helper, not a TTY
    expect(piped.stdout).toContain('NOT READY');
  });
});
