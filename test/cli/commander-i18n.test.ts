import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { preScanLang, translateCommanderError } from '../../src/cli/commander-i18n.js';
import { createTranslator, isMessageKey } from '../../src/i18n/index.js';
import { buildProgram } from '../../src/cli/main.js';
import { en } from '../../src/i18n/en.js';

/** Commander's own help headings and parse errors in the user's language; English exactly as commander writes it. */

const IT = { LANG: 'it_IT.UTF-8' };

describe('help in Italian', () => {
  it('zapcheck --lang it --help: Italian headings, help option and help command', async () => {
    const run = await runCli(['--lang', 'it', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Utilizzo: zapcheck /);
    expect(run.stdout).toContain('\nOpzioni:\n');
    expect(run.stdout).toContain('\nComandi:\n');
    expect(run.stdout).toContain('mostra l’aiuto');
    expect(run.stdout).toContain('Codici di uscita:');
    expect(run.stdout).not.toMatch(/Usage:|Options:|Commands:|Exit codes:|display help/);
  });

  it('the locale chooses it too, for a command: headings, arguments, defaults', async () => {
    const run = await runCli(['site', '--help'], { env: IT });
    expect(run.stdout).toMatch(/^Utilizzo: zapcheck site /);
    expect(run.stdout).toContain('\nArgomenti:\n');
    // The Italian description is longer: the default may wrap onto the next line.
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('(predefinito: zaptec-pro)');
    const en = await runCli(['site', '--help'], { env: { LANG: 'C' } });
    expect(en.stdout).toMatch(/^Usage: zapcheck site /);
    expect(en.stdout).toContain('(default: zaptec-pro)');
  });
});

describe('parse errors in Italian, English unchanged', () => {
  it('unknown option with its suggestion', async () => {
    const it = await runCli(['site', '--deadlin', '3', '--lang', 'it']);
    expect(it.code).toBe(2);
    expect(it.stderr).toBe(
      "errore: opzione sconosciuta '--deadlin'\n(forse intendevi --deadline?)\n(usa --help per vedere come si usa)\n",
    );
    const en = await runCli(['site', '--deadlin', '3'], { env: { LANG: 'C' } });
    expect(en.stderr).toBe(
      "error: unknown option '--deadlin'\n(Did you mean --deadline?)\n(run with --help for usage)\n",
    );
  });

  it('unknown command, missing argument, missing option value, too many arguments', async () => {
    const cases: [string[], string][] = [
      [['sitex'], "errore: comando sconosciuto 'sitex'\n(forse intendevi site, sites?)"],
      [['survey'], "errore: manca l’argomento obbligatorio 'site'"],
      [['site', '--lab', '--json'], "errore: manca il valore dell’opzione '--json <file|->'"],
      [['lab', 'extra'], "errore: troppi argomenti per 'lab': al massimo 0, ricevuti 1."],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, { env: IT });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(message);
      expect(run.stderr).not.toMatch(/error:|Did you mean/);
    }
  });

  it('zapcheck --lang it site ...: the language given before the command applies to the run', async () => {
    const run = await runCli(['--lang', 'it', 'site', '--lab']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('RETE PRONTA');
  });
});

describe('pieces', () => {
  it('the command list in Italian, and the English catalogue says what each command says of itself', () => {
    const io = { stdout: process.stdout, stderr: process.stderr, env: {}, cwd: '.' };
    const english = buildProgram(io, { exitCode: 0 }, 'en');
    const italian = buildProgram(io, { exitCode: 0 }, 'it');
    for (const cmd of english.commands) {
      const key = `cli.cmd.${cmd.name()}`;
      if (cmd.name() === 'completion') continue;
      expect(isMessageKey(key), key).toBe(true);
      expect(en[key as keyof typeof en], key).toBe(cmd.summary() || cmd.description());
      const it = italian.commands.find((c) => c.name() === cmd.name())!;
      expect(it.summary(), key).not.toBe(cmd.summary() || cmd.description());
    }
  });

  it('pre-scans --lang from argv (either form, stops at --), else the locale', () => {
    expect(preScanLang(['site', '--lang', 'it'], {})).toBe('it');
    expect(preScanLang(['--lang=it', 'site'], {})).toBe('it');
    expect(preScanLang(['site', '--', '--lang', 'it'], {})).toBe('en');
    expect(preScanLang(['site', '--lang', 'xx'], { LANG: 'it_IT.UTF-8' })).toBe('it');
    expect(preScanLang(['site'], { LC_ALL: 'it_CH' })).toBe('it');
  });

  it('translates each commander message it knows, and leaves others as they are', () => {
    const t = createTranslator('it');
    const tr = (m: string): string => translateCommanderError(m, 'it', t);
    expect(tr("error: required option '--x <y>' not specified")).toBe(
      "errore: l’opzione obbligatoria '--x <y>' non è stata indicata",
    );
    expect(tr("error: option '--quiet' cannot be used with option '--verbose'")).toBe(
      "errore: l’opzione '--quiet' non si può usare insieme a l’opzione '--verbose'",
    );
    expect(
      tr("error: option '-f, --format <f>' argument 'pfd' is invalid. Allowed choices are html, md."),
    ).toBe("errore: il valore 'pfd' dell’opzione '-f, --format <f>' non è valido. Valori ammessi: html, md.");
    expect(tr("error: unknown option '--x'\n(Did you mean one of --xa, --xb?)")).toBe(
      "errore: opzione sconosciuta '--x'\n(forse intendevi --xa, --xb?)",
    );
    expect(tr('error: something new')).toBe('error: something new');
    expect(translateCommanderError("error: unknown option '--x'", 'en', t)).toBe(
      "error: unknown option '--x'",
    );
  });
});
