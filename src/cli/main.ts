import { Command, CommanderError, Option } from 'commander';
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

/**
 * The command-line entry point: parse, run, report, exit code (after knip's cli.ts).
 * Subcommand files only declare options here; their work is imported when the command runs, so
 * `zapcheck --version` stays as fast as Node itself.
 */

export { toolVersion };

export function buildProgram(io: CliIO, state: RunState): Command {
  const program = new Command();
  program
    .name('zapcheck')
    .description(
      'Checks whether a site network will carry Zaptec EV chargers (Wi-Fi, DHCP, DNS, NTP, HTTPS, MQTT over TLS) and says in plain words what to ask the site IT to change.',
    )
    .version(toolVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run with --help for usage)')
    // Defaults as the user types them: (default: zaptec-pro), not (default: "zaptec-pro").
    .configureHelp({
      optionDescription: (option) => {
        const extra: string[] = [];
        if (option.argChoices) extra.push(`choices: ${option.argChoices.join(', ')}`);
        if (option.defaultValue !== undefined && !option.negate && option.defaultValue !== false) {
          extra.push(`default: ${option.defaultValueDescription ?? String(option.defaultValue)}`);
        }
        return extra.length ? `${option.description} (${extra.join(', ')})` : option.description;
      },
      argumentDescription: (argument) => {
        const d = argument.defaultValue as unknown;
        if (d === undefined) return argument.description;
        const shown = argument.defaultValueDescription ?? (typeof d === 'string' ? d : JSON.stringify(d));
        return `${argument.description} (default: ${shown})`;
      },
    })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride()
    .addHelpText(
      'after',
      `
Exit codes:
  0  ready (warnings allowed)     1  not ready
  2  usage or input error         3  internal error
  130 interrupted (Ctrl-C)         143 terminated (SIGTERM)

Examples:
  zapcheck site --lab                      full run against the built-in simulated site
  zapcheck site "Garage Nord" --json report.json
  zapcheck site --lab tls-intercepted      a simulated fault
  zapcheck lab --list                      the simulated faults`,
    );
  // Before any command runs: an empty option value is a mistake, never "not given" (--json '' used to be
  // ignored silently). Commands other than site have no partial report: a signal ends them at once.
  program.hook('preAction', async (_program, action) => {
    const empty = emptyOption(action);
    if (empty !== null) {
      const { createTranslator, pickLang } = await import('../i18n/index.js');
      const lang = action.getOptionValue('lang') as unknown;
      const t = createTranslator(pickLang(typeof lang === 'string' && lang ? lang : undefined, io.env));
      throw new UsageError(t('err.option.empty', { option: empty }));
    }
    if (action.name() !== 'site') exitOnSignal();
  });
  registerSite(program, io, state);
  registerProfiles(program, io, state);
  registerLab(program, io, state);
  registerWifi(program, io, state);
  registerSurvey(program, io, state);
  registerDhcp(program, io, state);
  registerSites(program, io, state);
  registerHistory(program, io, state);
  registerReport(program, io, state);
  registerAllowlist(program, io, state);
  return program;
}

export { Option };

function errorLine(io: CliIO, message: string, hint?: string): void {
  io.stderr.write(`zapcheck: ${message}\n`);
  if (hint) io.stderr.write(`  ${hint}\n`);
}

export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  const state: RunState = { exitCode: EXIT.READY };
  const program = buildProgram(io, state);
  try {
    // `zapcheck help <command>` for a command that does not exist is a usage error (exit 2), not help.
    const [first, second] = argv.slice(2);
    if (first === 'help' && second !== undefined && !second.startsWith('-')) {
      const names = program.commands.map((c) => c.name());
      if (!names.includes(second)) {
        const { createTranslator, pickLang } = await import('../i18n/index.js');
        const { didYouMean } = await import('./suggest.js');
        const t = createTranslator(pickLang(undefined, io.env));
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
