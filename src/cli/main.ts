import { Command, CommanderError, Help, Option } from 'commander';
import { EXIT, UsageError } from '../core/errors.js';
import { type CliIO, processIO } from './io.js';
import { registerSite } from './site.js';
import { registerProfiles } from './profiles.js';
import { registerLab } from './lab.js';
import { registerSurvey } from './survey.js';
import { registerWifi } from './wifi.js';
import { registerDhcp } from './dhcp.js';
import { registerSites } from './sites.js';
import { registerHistory } from './history.js';
import { registerReport } from './report.js';
import { registerAllowlist } from './allowlist.js';
import { toolVersion } from './version.js';
import type { RunState } from './state.js';
import { exitOnSignal } from './signals.js';
import { emptyOption } from './options.js';
import { createTranslator, isMessageKey, pickLang, type Lang, type Translate } from '../i18n/index.js';
import { helpTitle, optionExtras, preScanLang, translateCommanderError } from './commander-i18n.js';

/**
 * The command-line entry point: parse, run, report, exit code (after knip's cli.ts).
 * Subcommand files only declare options here; their work is imported when the command runs, so
 * `zapcheck --version` stays as fast as Node itself.
 */

export { toolVersion };

export function buildProgram(io: CliIO, state: RunState, lang: Lang = pickLang(undefined, io.env)): Command {
  // Commander's own words (headings, help option and command, parse errors) in the user's language,
  // chosen before parsing (commander-i18n.ts preScanLang).
  const t = createTranslator(lang);
  const program = new Command();
  program
    .name('zapcheck')
    .description(t('cli.root.description'))
    .version(toolVersion(), '-V, --version', t('cli.version.option'))
    .helpOption('-h, --help', t('cli.help.option'))
    .helpCommand(`help ${t('cli.help.usage.command')}`, t('cli.help.command'))
    .option('--lang <en|it>', t('cli.root.lang'))
    .showHelpAfterError(t('cli.help.after'))
    // Defaults as the user types them: (default: zaptec-pro), not (default: "zaptec-pro").
    .configureHelp({
      styleTitle: (title) => helpTitle(title, t),
      // "show [options] <id|path>" in the command list, in the user's words.
      subcommandTerm(cmd) {
        const term = Help.prototype.subcommandTerm.call(this, cmd);
        return lang === 'en'
          ? term
          : term
              .replace(' [options]', ` ${t('cli.help.usage.options')}`)
              .replace(' [command]', ` ${t('cli.help.usage.command')}`);
      },
      optionDescription: (option) => {
        const extra = optionExtras(option, t);
        return extra.length ? `${option.description} (${extra.join(', ')})` : option.description;
      },
      argumentDescription: (argument) => {
        const d = argument.defaultValue as unknown;
        if (d === undefined) return argument.description;
        const shown = argument.defaultValueDescription ?? (typeof d === 'string' ? d : JSON.stringify(d));
        return `${argument.description} (${t('cli.help.default', { value: shown })})`;
      },
    })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`${translateCommanderError(s.replace(/\n$/, ''), lang, t)}\n`),
    })
    .exitOverride()
    .addHelpText('after', `\n${t('cli.root.after')}`);
  // Before any command runs: an empty option value is a mistake, never "not given" (--json '' used to be
  // ignored silently). Commands other than site have no partial report: a signal ends them at once.
  program.hook('preAction', (_program, action) => {
    // `zapcheck --lang it site ...`: the root's --lang applies to a command that has one and was not given it.
    const rootLang = program.getOptionValue('lang') as unknown;
    if (
      typeof rootLang === 'string' &&
      action !== program &&
      action.options.some((o) => o.long === '--lang') &&
      action.getOptionValue('lang') === undefined
    ) {
      action.setOptionValueWithSource('lang', rootLang, 'cli');
    }
    const empty = emptyOption(action);
    if (empty !== null) {
      const given = action.getOptionValue('lang') as unknown;
      const tl = createTranslator(pickLang(typeof given === 'string' && given ? given : undefined, io.env));
      throw new UsageError(tl('err.option.empty', { option: empty }));
    }
    if (action.name() !== 'site') exitOnSignal();
  });
  registerSite(program, io, state, t);
  registerProfiles(program, io, state, t);
  registerLab(program, io, state, t, lang);
  registerWifi(program, io, state, t);
  registerSurvey(program, io, state, t);
  registerDhcp(program, io, state, t);
  registerSites(program, io, state, t);
  registerHistory(program, io, state, t);
  registerReport(program, io, state, t);
  registerAllowlist(program, io, state, t);
  // The commands' one-line summaries in the user's language, for the command list of `zapcheck --help`
  // (each command's own help keeps its description). English is the commands' own text, unchanged.
  if (lang !== 'en') {
    for (const cmd of program.commands) {
      const key = `cli.cmd.${cmd.name()}`;
      if (isMessageKey(key)) cmd.summary(t(key));
    }
  }
  program
    .command('completion')
    .description(t('cli.completion.description'))
    .argument('<shell>', t('cli.completion.shell'))
    .addHelpText('after', `\n${t('cli.completion.after')}`)
    .action(async (shell: string) => {
      // Generated from this very program, so every command and option completes.
      const { completionScript } = await import('./completion.js');
      io.stdout.write(completionScript(shell, program, t));
    });
  // "Usage: zapcheck site [options] [name]": commander's own placeholders in the user's language too.
  if (lang !== 'en') translateUsage(program, t);
  return program;
}

/** Every command's usage line with "[options]" and "[command]" in the catalogue's words. */
function translateUsage(cmd: Command, t: Translate): void {
  cmd.usage(
    cmd
      .usage()
      .replace('[options]', t('cli.help.usage.options'))
      .replace('[command]', t('cli.help.usage.command')),
  );
  for (const sub of cmd.commands) translateUsage(sub, t);
}

export { Option };

function errorLine(io: CliIO, message: string, hint?: string): void {
  io.stderr.write(`zapcheck: ${message}\n`);
  if (hint) io.stderr.write(`  ${hint}\n`);
}

export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  const state: RunState = { exitCode: EXIT.READY };
  const lang = preScanLang(argv.slice(2), io.env);
  const program = buildProgram(io, state, lang);
  try {
    // `zapcheck help <command>` for a command that does not exist is a usage error (exit 2), not help.
    const [first, second] = argv.slice(2);
    if (first === 'help' && second !== undefined && !second.startsWith('-')) {
      const names = program.commands.map((c) => c.name());
      if (!names.includes(second)) {
        const { didYouMean } = await import('./suggest.js');
        const t = createTranslator(lang);
        throw new UsageError(
          t('err.help.unknown', { name: second }),
          didYouMean(t, second, names) ?? t('err.help.unknown.hint', { names: names.join(', ') }),
        );
      }
    }
    await program.parseAsync(argv);
    return state.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage mistakes with code 1 from commander.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.READY;
      if (err.code === 'commander.help') return EXIT.READY;
      return EXIT.USAGE;
    }
    if (err instanceof UsageError) {
      errorLine(io, err.message, err.hint);
      return EXIT.USAGE;
    }
    const msg = err instanceof Error ? err.message : String(err);
    errorLine(
      io,
      `internal error: ${msg}`,
      'this is a bug in zapcheck; please report it with the command you ran',
    );
    if (io.env.ZAPCHECK_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return EXIT.INTERNAL;
  }
}

/** Called by bin/zapcheck.js: runs, then ends the process with the decided code. */
export async function main(argv: string[]): Promise<number> {
  const code = await runCli(argv);
  // Let stdout drain before leaving (a piped JSON report must not be cut).
  await new Promise<void>((resolve) => {
    if (process.stdout.writableLength === 0) resolve();
    else process.stdout.once('drain', () => resolve());
  });
  process.exit(code);
}
