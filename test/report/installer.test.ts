import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INSTALLER_MAX, parseInstaller } from '../../src/core/installer.js';
import type { Report } from '../../src/core/result.js';
import { readReportFile } from '../../src/history/read.js';
import { createTranslator } from '../../src/i18n/index.js';
import { renderReport } from '../../src/report/index.js';
import { parseSitesFile } from '../../src/sites/load.js';
import { runCli } from '../helpers/cli.js';
import { HOSTILE, fixture } from './helpers.js';

/**
 * `--installer "<name>, <company>"` and `installer:` in zapcheck.yaml: kept in the run's JSON, printed on
 * the handover (HTML, Markdown, text) with a signature line for the installer and one for the site's IT,
 * in English and Italian; user input, so bounded and escaped like every other text.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'zapcheck-installer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const flat = (s: string): string => s.replace(/\s+/g, ' ');

describe('installer', () => {
  it('parses "<name>, <company>": the first comma separates them; controls and invisibles are cleaned', () => {
    expect(parseInstaller('Mario Rossi, Elettro Srl')).toEqual({
      name: 'Mario Rossi',
      company: 'Elettro Srl',
    });
    expect(parseInstaller('  Mario Rossi  ')).toEqual({ name: 'Mario Rossi', company: null });
    expect(parseInstaller('Anna, Impianti, Verdi & C.')).toEqual({
      name: 'Anna',
      company: 'Impianti, Verdi & C.',
    });
    expect(parseInstaller('Mario\u001b[31m\u202eRossi, X')).toEqual({
      name: 'Mario [31mRossi',
      company: 'X',
    });
    expect(parseInstaller(', Elettro Srl')).toBe('empty');
    expect(parseInstaller('   ')).toBe('empty');
    expect(parseInstaller('x'.repeat(INSTALLER_MAX))).toEqual({
      name: 'x'.repeat(INSTALLER_MAX),
      company: null,
    });
    expect(parseInstaller('x'.repeat(INSTALLER_MAX + 1))).toBe('long');
  });

  it('site --installer: kept in the JSON, printed with signature lines by report in every format', async () => {
    const json = path.join(dir, 'run.json');
    const run = await runCli([
      'site',
      'Garage Nord',
      '--lab',
      '--deadline',
      '60',
      '--installer',
      'Mario Rossi, Elettro Srl',
      '--json',
      json,
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.installer).toEqual({ name: 'Mario Rossi', company: 'Elettro Srl' });

    const text = await runCli(['report', json, '--format', 'text']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Installer: Mario Rossi, Elettro Srl');
    expect(text.stdout).toMatch(/Handover\n {2}Installer: Mario Rossi, Elettro Srl \(network checked .+\)/);
    expect(text.stdout.match(/^ {4}Signature: _{22} {2}Date: _{12}$/gm)).toHaveLength(2);
    expect(text.stdout).toMatch(/^ {2}Site IT: _{22}$/m);

    const it = await runCli(['report', json, '--format', 'md', '--lang', 'it']);
    expect(it.stdout).toContain('- Installatore: Mario Rossi, Elettro Srl');
    expect(it.stdout).toContain('## Consegna');
    expect(it.stdout.match(/Firma: (\\_){22} {2}Data: (\\_){12}/g)).toHaveLength(2);
    expect(it.stdout).toContain('- IT del sito: ');

    // --installer on report wins over the report's own.
    const html = await runCli([
      'report',
      json,
      '--format',
      'html',
      '--installer',
      'Anna Verdi, Impianti Nord',
    ]);
    expect(html.stdout).toContain('<dd class="full">Anna Verdi, Impianti Nord</dd>');
    expect(html.stdout).not.toContain('Mario Rossi');
    expect(html.stdout).toMatch(/<div class="line">Signature: _{22} {2}Date: _{12}<\/div>/);
  });

  it('a name too long or empty is exit 2 with the reason, before the run', async () => {
    const long = await runCli(['site', '--lab', '--installer', 'x'.repeat(INSTALLER_MAX + 1)]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain(`--installer: at most ${INSTALLER_MAX} characters`);
    expect(long.stdout).toBe('');
    const empty = await runCli(['report', 'x.json', '--installer', ', Elettro Srl', '--lang', 'it']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--installer: indicare un nome');
    expect(empty.stderr).not.toMatch(/\n\s+at /);
  });

  it('installer: in zapcheck.yaml, per site or for the whole file; the site’s own wins', () => {
    const t = createTranslator('en');
    const file = parseSitesFile(
      'installer: Mario Rossi, Elettro Srl\nsites:\n  Garage Nord:\n    chargers: 4\n  Hotel Sud:\n    installer: Anna Verdi\n',
      'zapcheck.yaml',
      t,
    );
    expect(file.installer).toEqual({ name: 'Mario Rossi', company: 'Elettro Srl' });
    expect(file.sites.find((s) => s.name === 'Garage Nord')?.installer).toEqual(file.installer);
    expect(file.sites.find((s) => s.name === 'Hotel Sud')?.installer).toEqual({
      name: 'Anna Verdi',
      company: null,
    });
    expect(() =>
      parseSitesFile(`sites:\n  A:\n    installer: "${'x'.repeat(121)}"\n`, 'zapcheck.yaml', t),
    ).toThrow(/zapcheck\.yaml:3: sites\.A\.installer/);
  });

  it('report takes the installer from the sites file when the run has none', async () => {
    const cwd = mkdtempSync(path.join(dir, 'cwd-'));
    writeFileSync(
      path.join(cwd, 'zapcheck.yaml'),
      'sites:\n  Garage Nord:\n    installer: Anna Verdi, Impianti Nord\n',
    );
    const json = path.join(cwd, 'old.json');
    writeFileSync(json, JSON.stringify({ ...fixture('lab-healthy.json'), site: 'Garage Nord' }));
    const out = await runCli(['report', json, '--format', 'text'], { cwd });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Installer: Anna Verdi, Impianti Nord');
  });

  it('an old report without an installer still reads, and gets blank signature lines', () => {
    const file = path.join(dir, 'healthy.json');
    writeFileSync(file, JSON.stringify(fixture('lab-healthy.json')));
    const report = readReportFile(file, dir, createTranslator('en'));
    expect(report.installer).toBeUndefined();
    const text = renderReport('text', [report], { lang: 'en' });
    expect(text).not.toMatch(/Installer: [^_]/);
    expect(text).toMatch(/^ {2}Installer: _{22}$/m);
    expect(text.match(/Signature: _{22} {2}Date: _{12}/g)).toHaveLength(2);
  });

  it('is escaped like any other text in HTML, Markdown and text', () => {
    const report: Report = {
      ...fixture('lab-healthy.json'),
      installer: { name: `<img src=x onerror=alert(1)>*_[x](y)`, company: `a${HOSTILE}` },
    };
    const html = renderReport('html', [report], { lang: 'en' });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('\u001b');
    const md = renderReport('md', [report], { lang: 'en' });
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>\\*\\_\\[x\\](y)');
    const text = renderReport('text', [report], { lang: 'en' });
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u202e');
    expect(flat(text)).toContain('<U+202E>');
  });
});
