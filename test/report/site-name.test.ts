import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isUnnamedSite, siteHeading } from '../../src/report/site-name.js';
import { createTranslator } from '../../src/i18n/index.js';
import { runCli } from '../helpers/cli.js';

/** Issue 13: a run given no site name is headed "profilo zaptec-pro", not `sito "sito"`. */

const dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-site-name-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the site name a run was not given', () => {
  it('an unnamed run: the header names no site, in both languages; the JSON keeps its site field', async () => {
    const file = path.join(dir, 'unnamed.json');
    const it = await runCli(['site', '--lab', '--lang', 'it', '--no-history', '--json', file]);
    expect(it.code, it.stderr).toBe(0);
    const header = it.stdout.split('\n')[0]!;
    expect(header).toMatch(/^zapcheck \S+ · profilo zaptec-pro · /);
    expect(header).not.toMatch(/sito "/);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { site: string }).site).toBe('sito');
    const en = await runCli(['site', '--lab', '--lang', 'en', '--no-history']);
    expect(en.stdout.split('\n')[0]).toMatch(/^zapcheck \S+ · profile zaptec-pro · /);
    // Re-rendered in English, the Italian run's default name is the English word.
    const md = await runCli(['report', file, '--format', 'md', '--lang', 'en']);
    expect(md.stdout).toMatch(/^# Site network check for EV chargers: site\n/);
    const mdIt = await runCli(['report', file, '--format', 'md', '--lang', 'it']);
    expect(mdIt.stdout).toMatch(/^# Verifica della rete per stazioni di ricarica: sito\n/);
  });

  it('a named run keeps its name in the header', async () => {
    const run = await runCli(['site', 'Garage Nord', '--lab', '--lang', 'it', '--no-history']);
    expect(run.stdout.split('\n')[0]).toMatch(/^zapcheck \S+ · sito "Garage Nord" · profilo zaptec-pro/);
  });

  it('knows the default name of each language and nothing else', () => {
    expect(isUnnamedSite('site')).toBe(true);
    expect(isUnnamedSite('sito')).toBe(true);
    expect(isUnnamedSite('Garage Nord')).toBe(false);
    expect(siteHeading('site', createTranslator('it'))).toBe('sito');
    expect(siteHeading('Garage Nord', createTranslator('it'))).toBe('Garage Nord');
  });
});
