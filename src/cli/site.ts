import { type Command, Option } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';
import type { Translate } from '../i18n/index.js';
import { collect, parseNonNegativeInt, parsePositiveNumber } from './options.js';

export interface SiteCommandOptions {
  lab?: string | true;
  labLatency?: number;
  profile?: string;
  json?: string;
  deadline: number;
  dnsServer?: string[];
  trustRoots?: string;
  strict?: boolean;
  mqttConnect?: boolean;
  ssid?: string;
  scanFile?: string;
  chargers?: string;
  dhcpRange?: string;
  lang?: string;
  ascii?: boolean;
  /** The sites file (default zapcheck.yaml in the working directory, when present). */
  sites?: string;
  reportsDir?: string;
  /** "<name>, <company>" for the handover's signature lines. */
  installer?: string;
  /** --handover <file>: also write the run's printable handover (.pdf, .html, .md). */
  handover?: string;
  /** false with --no-history. */
  history?: boolean;
  /** True when --profile was given (the sites file's profile applies otherwise). */
  profileFromCli?: boolean;
  /** --list-checks: print what a run would check, run nothing. */
  listChecks?: boolean;
  /** --only, as given (comma lists, repeatable): kinds or check ids. */
  only?: string[];
  /** --quiet: the verdict line and the exit code only. */
  quiet?: boolean;
  /** --verbose: each check's time and raw evidence too. */
  verbose?: boolean;
}

/** `zapcheck site [name]`: the whole network-readiness pipeline for one site. */
export function registerSite(program: Command, io: CliIO, state: RunState, t: Translate): void {
  program
    .command('site')
    .description(t('cli.cmd.site'))
    .argument('[name]', t('help.site.arg.name'))
    .option('--lab [scenario]', t('help.site.opt.lab'))
    .addOption(
      new Option('--lab-latency <ms>', t('help.site.opt.lab-latency')).argParser(
        parseNonNegativeInt('--lab-latency', 10_000),
      ),
    )
    .option('-p, --profile <id|path>', t('help.site.opt.profile'), 'zaptec-pro')
    .option('--json <file|->', t('help.site.opt.json'))
    .option('--handover <file>', t('help.site.opt.handover'))
    .addOption(
      new Option('--deadline <seconds>', t('help.site.opt.deadline'))
        .default(5)
        .argParser(parsePositiveNumber('--deadline', 600)),
    )
    .option('--dns-server <ip[:port]>', t('help.site.opt.dns-server'), collect)
    .option('--trust-roots <pem>', t('help.site.opt.trust-roots'))
    .option('--strict', t('help.site.opt.strict'))
    // On by default; --mqtt-connect (the old opt-in) is still accepted and changes nothing.
    .addOption(new Option('--mqtt-connect').hideHelp())
    .option('--no-mqtt-connect', t('help.site.opt.no-mqtt-connect'))
    .option('--ssid <name>', t('help.site.opt.ssid'))
    .option('--scan-file <file>', t('help.site.opt.scan-file'))
    .option('--chargers <n>', t('help.site.opt.chargers'))
    .option('--dhcp-range <first-last>', t('help.site.opt.dhcp-range'))
    .option('--lang <en|it>', t('help.site.opt.lang'))
    .option('--ascii', t('help.site.opt.ascii'))
    .option('--sites <file>', t('help.site.opt.sites'))
    .option('--installer <name>', t('help.site.opt.installer'))
    .option('--reports-dir <dir>', t('help.site.opt.reports-dir'))
    .option('--no-history', t('help.site.opt.no-history'))
    .option('--list-checks', t('help.site.opt.list-checks'))
    .option('--only <checks>', t('help.site.opt.only'), collect)
    .addOption(new Option('-q, --quiet', t('help.site.opt.quiet')).conflicts('verbose'))
    .addOption(new Option('-v, --verbose', t('help.site.opt.verbose')).conflicts('quiet'))
    .addHelpText('after', t('help.site.after'))
    .action(async (name: string | undefined, opts: SiteCommandOptions, cmd: Command) => {
      const profileFromCli = cmd.getOptionValueSource('profile') !== 'default';
      if (opts.listChecks) {
        // Plans only: no probe, lab or report module is loaded.
        const { listChecks } = await import('./site-checks.js');
        state.exitCode = await listChecks(name, { ...opts, profileFromCli }, io);
        return;
      }
      const { runSite } = await import('./site-run.js');
      state.exitCode = await runSite(name, { ...opts, profileFromCli }, io);
    });
}
