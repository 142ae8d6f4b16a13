import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';

/** `zapcheck history [site]`: the saved runs, newest first. */
export function registerHistory(program: Command, io: CliIO, state: RunState): void {
  program
    .command('history')
    .description('list the saved runs of a site (or of every site), newest first')
    .argument('[site]', 'site name')
    .option('--reports-dir <dir>', 'where runs are kept (default: the user data folder)')
    .option('--format <text|json>', 'output format', 'text')
    .option('--lang <en|it>', 'language (default: from LANG)')
    .addHelpText(
      'after',
      `
Every real run of zapcheck site is kept as JSON, one file per run, never overwritten:
  Linux    $XDG_DATA_HOME/zapcheck (~/.local/share/zapcheck)
  macOS    ~/Library/Application Support/zapcheck
  Windows  %LOCALAPPDATA%\\zapcheck
--reports-dir or ZAPCHECK_REPORTS_DIR choose another folder.`,
    )
    .action(async (site: string | undefined, opts: Record<string, string | undefined>) => {
      const { runHistoryCommand } = await import('./reports-run.js');
      state.exitCode = runHistoryCommand(site, opts, io);
    });
}
