import { type Command, Option } from 'commander';
import type { CliIO } from './io.js';
import { collect, parseNonNegativeInt } from './options.js';
import type { RunState } from './state.js';
import type { Translate } from '../i18n/index.js';

export interface SurveyCommandOptions {
  spot?: string;
  ssid?: string;
  samples?: number;
  scanFile?: string[];
  list?: boolean;
  forget?: string;
  profile?: string;
  profileFromCli?: boolean;
  json?: string;
  lang?: string;
  sites?: string;
  reportsDir?: string;
  /** false with --no-history. */
  history?: boolean;
  timeout?: string;
}

/** `zapcheck survey <site>`: the signal at one charger position, kept with the site. */
export function registerSurvey(program: Command, io: CliIO, state: RunState, t: Translate): void {
  program
    .command('survey')
    .summary(t('cli.cmd.survey'))
    .description(t('help.survey.description'))
    .argument('<site>', t('help.survey.arg.site'))
    .option('--spot <name>', t('help.survey.opt.spot'))
    .option('--ssid <name>', t('help.survey.opt.ssid'))
    .addOption(
      new Option('--samples <n>', t('help.survey.opt.samples')).argParser(
        parseNonNegativeInt('--samples', 100),
      ),
    )
    .option('--scan-file <file|folder>', t('help.survey.opt.scan-file'), collect)
    .option('--list', t('help.survey.opt.list'))
    .option('--forget <spot>', t('help.survey.opt.forget'))
    .option('-p, --profile <id|path>', t('help.survey.opt.profile'), 'zaptec-pro')
    .option('--json <file|->', t('help.survey.opt.json'))
    .option('--lang <en|it>', t('help.survey.opt.lang'))
    .option('--sites <file>', t('help.survey.opt.sites'))
    .option('--reports-dir <dir>', t('help.survey.opt.reports-dir'))
    .option('--no-history', t('help.survey.opt.no-history'))
    .option('--timeout <ms>', t('help.survey.opt.timeout'), '20000')
    .addHelpText('after', t('help.survey.after'))
    .action(async (site: string, opts: SurveyCommandOptions, cmd: Command) => {
      const { runSurveyCommand } = await import('./survey-run.js');
      opts.profileFromCli = cmd.getOptionValueSource('profile') === 'cli';
      state.exitCode = await runSurveyCommand(site, opts, io);
    });
}
