import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';
import type { Translate } from '../i18n/index.js';

/** `zapcheck history [site]`: the saved runs, newest first. */
export function registerHistory(program: Command, io: CliIO, state: RunState, t: Translate): void {
  program
    .command('history')
    .description(t('cli.cmd.history'))
    .argument('[site]', t('help.history.arg.site'))
    .option('--reports-dir <dir>', t('help.history.opt.reports-dir'))
    .option('--format <text|json>', t('help.history.opt.format'), 'text')
    .option('--lang <en|it>', t('help.history.opt.lang'))
    .addHelpText('after', t('help.history.after'))
    .action(async (site: string | undefined, opts: Record<string, string | undefined>) => {
      const { runHistoryCommand } = await import('./reports-run.js');
      state.exitCode = runHistoryCommand(site, opts, io);
    });
}
