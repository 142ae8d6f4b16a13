import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';

/** `zapcheck sites`: every site of the sites file and the history, with its last verdict and date. */
export function registerSites(program: Command, io: CliIO, state: RunState): void {
  program
    .command('sites')
    .description('list the sites (zapcheck.yaml and past runs) with their last verdict and date')
    .option('--sites <file>', 'the sites file (default: zapcheck.yaml in this folder)')
    .option('--reports-dir <dir>', 'where runs are kept (default: the user data folder)')
    .option(
      '--check',
      'check the sites file: DHCP pools smaller than the chargers, unknown profiles, names given twice (exit 2 when any)',
    )
    .option('--format <text|json>', 'output format', 'text')
    .option('--lang <en|it>', 'language (default: from LANG)')
    .addHelpText(
      'after',
      `
A sites file (zapcheck.yaml; JSON Schema: schemas/sites.schema.json in the package):

  sites:
    Garage Nord:
      address: Via Roma 1, Milano
      chargers: 8
      ssid: ZAPTEC-NET
      profile: zaptec-pro
      dhcpRange: 192.168.10.100-192.168.10.199
      metered: true                 # 4G/LTE uplink: the report sizes the data plan
      sessionsPerChargerPerDay: 2   # for the data budget (default 1)
      notes: Router in the technical room, 2nd floor
      installer: Mario Rossi, Elettro Srl   # on the handover, with signature lines

zapcheck site "Garage Nord" then takes chargers, ssid, profile and dhcpRange from it (options win).
dhcpRange is first-last, or a CIDR block (192.168.10.0/24: its host addresses).

zapcheck sites --check reports, with file:line, a dhcpRange smaller than the chargers need, a profile
that does not exist or does not load, and a site name given twice; exit 0 when clean, 2 otherwise.
Every zapcheck site run does the same check first (warnings; a site's own broken profile is an error).`,
    )
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
