import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';
import type { Translate } from '../i18n/index.js';

/** `zapcheck sites`: every site of the sites file and the history, with its last verdict and date. */
export function registerSites(program: Command, io: CliIO, state: RunState, t: Translate): void {
  program
    .command('sites')
    .description(t('cli.cmd.sites'))
    .option('--sites <file>', t('help.sites.opt.sites'))
    .option('--reports-dir <dir>', t('help.sites.opt.reports-dir'))
    .option('--check', t('help.sites.opt.check'))
    .option('--format <text|json>', t('help.sites.opt.format'), 'text')
    .option('--lang <en|it>', t('help.sites.opt.lang'))
    .addHelpText('after', t('help.sites.after'))
    .action(
      async (opts: {
        sites?: string;
        reportsDir?: string;
        format?: string;
        lang?: string;
        check?: boolean;
      }) => {
        if (opts.check) {
          const { runSitesCheck } = await import('./sites-check.js');
          state.exitCode = runSitesCheck(opts, io);
          return;
        }
        const { runSitesCommand } = await import('./reports-run.js');
        state.exitCode = runSitesCommand(opts, io);
      },
    );
}
