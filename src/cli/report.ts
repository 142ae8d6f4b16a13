import { type Command, Option } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';
import type { Translate } from '../i18n/index.js';
import { CHARGERS_MAX, parseNonNegativeInt } from './options.js';

/** `zapcheck report <file...> | last [site]`: renders saved JSON reports as html, md, junit, text. */
export function registerReport(program: Command, io: CliIO, state: RunState, t: Translate): void {
  program
    .command('report')
    .description(t('cli.cmd.report'))
    .argument('<reports...>', t('help.report.arg.reports'))
    .option('-f, --format <html|pdf|md|junit|text|json>', t('help.report.opt.format'))
    .option('-o, --output <file>', t('help.report.opt.output'))
    .option('--diff', t('help.report.opt.diff'))
    .option('--installer <name>', t('help.report.opt.installer'))
    .option('--lang <en|it>', t('help.report.opt.lang'))
    .option('--sites <file>', t('help.report.opt.sites'))
    .option('--reports-dir <dir>', t('help.report.opt.reports-dir'))
    .option('-p, --profile <id|path>', t('help.report.opt.profile'))
    .addOption(
      new Option('--chargers <n>', t('help.report.opt.chargers')).argParser(
        parseNonNegativeInt('--chargers', CHARGERS_MAX),
      ),
    )
    .addHelpText('after', t('help.report.after'))
    .action(async (reports: string[], opts: Record<string, unknown>) => {
      const { runReportCommand } = await import('./reports-run.js');
      state.exitCode = await runReportCommand(reports, opts, io);
    });
}
