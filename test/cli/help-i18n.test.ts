import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.js';
import { en } from '../../src/i18n/en.js';
import { it as italian } from '../../src/i18n/it.js';
import type { Lang } from '../../src/i18n/index.js';
import { runCli } from '../helpers/cli.js';

/**
 * Issue 13: every command's help in the user's language, its own descriptions included (each command's,
 * argument's and option's text and the paragraphs after the option list). Walks every command of the
 * program, so a new option without a catalogue entry shows here.
 */

const io = { stdout: process.stdout, stderr: process.stderr, env: {}, cwd: '.' };

/** Every command path: [], ['site'], ['profiles'], ['profiles', 'show'], ... */
function paths(cmd: Command, prefix: string[] = []): string[][] {
  return [prefix, ...cmd.commands.flatMap((sub) => paths(sub, [...prefix, sub.name()]))];
}

function find(program: Command, path: string[]): Command {
  let cmd = program;
  for (const name of path) cmd = cmd.commands.find((c) => c.name() === name)!;
  return cmd;
}

const HELP_KEYS = Object.keys(en).filter((k) => k.startsWith('help.') || k.startsWith('cli.'));

/** The fixed English words of the help texts, three words or more, that the Italian text does not share. */
const ENGLISH: string[] = HELP_KEYS.flatMap((key) => {
  const own = (italian as Record<string, string>)[key] ?? '';
  return en[key as keyof typeof en]
    .split(/\{[^{}]*\}|\n/)
    .map((f) => f.trim())
    .filter((f) => f.split(/\s+/).length >= 3 && f.replace(/[^a-z]/gi, '').length >= 12)
    .filter((f) => !own.includes(f));
});

const flat = (s: string): string => s.replace(/\s+/g, ' ');

const english = buildProgram(io, { exitCode: 0 }, 'en');
const ALL = paths(english);

describe('every command’s own help goes through the catalogue', () => {
  it('walks the whole program (root, every command and subcommand)', () => {
    expect(ALL.map((p) => p.join(' '))).toEqual(
      expect.arrayContaining(['', 'site', 'dhcp', 'wifi', 'survey', 'report', 'profiles show', 'completion']),
    );
  });

  for (const lang of ['en', 'it'] as Lang[]) {
    it(`${lang}: each description, argument and option text is a catalogue message of that language`, () => {
      const program = buildProgram(io, { exitCode: 0 }, lang);
      const values = new Set<string>(Object.values(lang === 'en' ? en : italian));
      const missing: string[] = [];
      for (const path of ALL) {
        const cmd = find(program, path);
        const where = path.join(' ') || 'zapcheck';
        if (!values.has(cmd.description())) missing.push(`${where}: ${cmd.description()}`);
        for (const o of cmd.options) {
          if (!o.hidden && !values.has(o.description)) missing.push(`${where} ${o.flags}: ${o.description}`);
        }
        for (const a of cmd.registeredArguments) {
          if (a.description && !values.has(a.description))
            missing.push(`${where} <${a.name()}>: ${a.description}`);
        }
      }
      expect(missing).toEqual([]);
    });
  }
});

describe('zapcheck <command> --help in Italian and in English', () => {
  for (const path of ALL) {
    const where = path.join(' ') || 'zapcheck';
    it(`${where}: Italian throughout with --lang it and with LANG=it_IT; English as the catalogue says`, async () => {
      const [byOption, byLocale, inEnglish] = await Promise.all([
        runCli(['--lang', 'it', ...path, '--help'], { env: { LANG: 'C', COLUMNS: '80' } }),
        runCli([...path, '--help'], { env: { LANG: 'it_IT.UTF-8', COLUMNS: '80' } }),
        runCli([...path, '--help'], { env: { LANG: 'C', COLUMNS: '80' } }),
      ]);
      for (const run of [byOption, byLocale, inEnglish]) expect(run.code, run.stderr).toBe(0);
      expect(byLocale.stdout).toBe(byOption.stdout);
      expect(byOption.stdout).toMatch(/^Utilizzo: /);
      expect(ENGLISH.filter((f) => flat(byOption.stdout).includes(flat(f)))).toEqual([]);
      expect(byOption.stdout).not.toMatch(/\[options\]|\[command\]|\(default:/);
      // Every help text of this command is in it, in its language.
      const prefix = `help.${path.join('.')}.`;
      const own = Object.keys(en).filter(
        (k) => path.length > 0 && k.startsWith(prefix) && !k.slice(prefix.length).includes('show.'),
      );
      for (const key of own) {
        const k = key as keyof typeof en;
        expect(flat(inEnglish.stdout), key).toContain(flat(en[k]).trim());
        expect(flat(byOption.stdout), key).toContain(flat(italian[k]).trim());
      }
      expect(inEnglish.stdout).toMatch(/^Usage: /);
    });
  }

  it('site --help in English is the text the README and the tests know', async () => {
    const run = await runCli(['site', '--help'], { env: { LANG: 'C' } });
    expect(run.stdout).toContain(
      'Exit codes: 0 ready (warnings allowed; --strict refuses them and checks not done), 1 not ready, 2 bad input, 3 internal error,\n130 interrupted (Ctrl-C), 143 terminated (SIGTERM).',
    );
    expect(run.stdout).toContain(
      '  --strict                   warnings and checks that could not be done also\n                             make the site not ready (exit 1)\n',
    );
  });
});
