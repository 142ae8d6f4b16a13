import { type Command, Option } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';
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
export function registerSite(program: Command, io: CliIO, state: RunState): void {
  program
    .command('site')
    .description(
      'check whether this site network will carry the chargers (run it on the network the chargers will use)',
    )
    .argument('[name]', 'site name for the report, sito in Italian runs (default: site)')
    .option(
      '--lab [scenario]',
      'run against the built-in simulated site (no internet needed); scenarios: zapcheck lab --list',
    )
    .addOption(
      new Option('--lab-latency <ms>', 'delay every lab exchange by this many ms').argParser(
        parseNonNegativeInt('--lab-latency', 10_000),
      ),
    )
    .option(
      '-p, --profile <id|path>',
      'charger profile: a built-in id (zapcheck profiles) or a JSON/YAML file',
      'zaptec-pro',
    )
    .option('--json <file|->', 'also write the JSON report to a file, or - for stdout')
    .option(
      '--handover <file>',
      'also write the printable handover of this run; the extension picks the format: .pdf (needs Chrome, Chromium or Edge: without one no PDF is written, the exit code still follows the verdict and the JSON report is kept), .html or .md',
    )
    .addOption(
      new Option('--deadline <seconds>', 'the whole run ends within this time')
        .default(5)
        .argParser(parsePositiveNumber('--deadline', 600)),
    )
    .option(
      '--dns-server <ip[:port]>',
      'ask this resolver instead of the one DHCP gave (repeatable)',
      collect,
    )
    .option(
      '--trust-roots <pem>',
      'validate public TLS chains against these roots instead of the bundled Mozilla roots',
    )
    .option('--strict', 'warnings and checks that could not be done also make the site not ready (exit 1)')
    // On by default; --mqtt-connect (the old opt-in) is still accepted and changes nothing.
    .addOption(new Option('--mqtt-connect').hideHelp())
    .option(
      '--no-mqtt-connect',
      'do not send the MQTT CONNECT (random probe id, no credentials) to the hub: MQTT is then "not checked"',
    )
    .option('--ssid <name>', 'the Wi-Fi network the chargers will join')
    .option('--scan-file <file>', 'use a saved Wi-Fi scan instead of scanning')
    .option('--chargers <n>', 'number of chargers planned (0-10000)')
    .option('--dhcp-range <first-last>', 'the DHCP pool, e.g. 192.168.1.100-192.168.1.199 or 192.168.1.0/24')
    .option('--lang <en|it>', 'language of the report (default: from LANG)')
    .option('--ascii', 'plain ASCII marks (for old Windows consoles)')
    .option(
      '--sites <file>',
      'sites file with per-site chargers, ssid, profile, DHCP range (default: zapcheck.yaml here)',
    )
    .option(
      '--installer <name>',
      'who hands the site over, "<name>, <company>": kept in the report, printed with signature lines',
    )
    .option('--reports-dir <dir>', 'keep this run’s JSON report here (default: the user data folder)')
    .option('--no-history', 'do not keep this run in the history')
    .option('--list-checks', 'list what a run checks (ids, titles, what each needs) and run nothing')
    .option(
      '--only <checks>',
      'run only these kinds or check ids (comma list, e.g. dns,ntp), with what they need; the rest are "not run"',
      collect,
    )
    .addOption(
      new Option(
        '-q, --quiet',
        'print only the verdict line (errors still go to stderr); the exit code says the rest',
      ).conflicts('verbose'),
    )
    .addOption(
      new Option('-v, --verbose', 'also print each check’s time, addresses and raw evidence').conflicts(
        'quiet',
      ),
    )
    .addHelpText(
      'after',
      `
The checks run the way a charger connects: IPv4 only, through the DNS server DHCP gave (or --dns-server),
TLS validated against public roots only (never the OS store), no proxy. Nothing inbound is needed.
Every real run is kept as JSON in the history (zapcheck history --help); lab runs only with --reports-dir.
--handover garage.pdf writes the printable handover of the run, the same document as
zapcheck report <the run's JSON> -o garage.pdf. Without a browser to print the PDF it says so, writes no
PDF, and the exit code still follows the verdict, with the JSON report and the history kept.

Exit codes: 0 ready (warnings allowed; --strict refuses them and checks not done), 1 not ready, 2 bad input, 3 internal error,
130 interrupted (Ctrl-C), 143 terminated (SIGTERM).`,
    )
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
