import { type Command, Option } from 'commander';
import type { CliIO } from './io.js';
import { collect, parseNonNegativeInt } from './options.js';
import type { RunState } from './state.js';

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
export function registerSurvey(program: Command, io: CliIO, state: RunState): void {
  program
    .command('survey')
    .summary('Wi-Fi signal at each charger position, kept with the site (R1)')
    .description(
      "Take a few Wi-Fi samples where one charger will hang, judge that spot with the profile's signal thresholds (and the wifi check's other rules) and keep the reading with the site; the handover lists every spot.",
    )
    .argument('<site>', 'the site (its ssid comes from zapcheck.yaml when --ssid is not given)')
    .option('--spot <name>', 'the charger position here, e.g. "Bay 3"')
    .option('--ssid <name>', 'the site network (default: ssid: of the site in zapcheck.yaml)')
    .addOption(
      new Option(
        '--samples <n>',
        'samples to take, a second apart (default 5; with --scan-file: one per file)',
      ).argParser(parseNonNegativeInt('--samples', 100)),
    )
    .option(
      '--scan-file <file|folder>',
      'use saved scans instead of scanning, one per sample, in order (repeatable; a folder = its files by name)',
      collect,
    )
    .option('--list', 'every spot of the site, the newest reading of each')
    .option('--forget <spot>', 'remove every reading of one spot')
    .option(
      '-p, --profile <id|path>',
      'charger profile: zaptec-pro, zaptec-go or a .json/.yaml file',
      'zaptec-pro',
    )
    .option('--json <file|->', 'also write the reading (or with --list the spots) as JSON; - = stdout')
    .option('--lang <en|it>', 'language (default: from LANG)')
    .option('--sites <file>', 'sites file (default: zapcheck.yaml here)')
    .option('--reports-dir <dir>', 'where the history (and the survey) is kept')
    .option('--no-history', 'do not keep this reading')
    .option('--timeout <ms>', 'time limit for each scan', '20000')
    .addHelpText(
      'after',
      `
Examples:
  zapcheck survey "Garage Nord" --spot "Bay 1"       five samples here, a second apart; kept with the site
  zapcheck survey "Garage Nord" --list               every spot, the newest reading of each
  zapcheck survey "Garage Nord" --forget "Bay 1"     drop a spot
  zapcheck survey "Garage Nord" --spot "Bay 2" --ssid Garage --scan-file saved/   replay saved scans

Exit codes: 0 the spot is fine (warnings allowed), 1 the signal there is not enough, 2 usage error or no
reading possible.`,
    )
    .action(async (site: string, opts: SurveyCommandOptions, cmd: Command) => {
      const { runSurveyCommand } = await import('./survey-run.js');
      opts.profileFromCli = cmd.getOptionValueSource('profile') === 'cli';
      state.exitCode = await runSurveyCommand(site, opts, io);
    });
}
