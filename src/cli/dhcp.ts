import { Option, type Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';

/**
 * `zapcheck dhcp`: will there be a free address for every charger? Options are declared here; the
 * work (src/cli/dhcp-run.ts) is imported only when the command runs.
 */
export interface DhcpCommandOptions {
  chargers?: string;
  dhcpRange?: string;
  sweep?: boolean;
  probe?: boolean;
  probeWindow?: string;
  interface?: string;
  profile?: string;
  json?: string;
  lang?: string;
}

export function registerDhcp(program: Command, io: CliIO, state: RunState): void {
  program
    .command('dhcp')
    .summary('will there be a free DHCP address for every charger? (R2)')
    .description(
      "DHCP headroom (R2): free addresses in the pool for the planned chargers, from this laptop's lease and\nneighbour table; --sweep to wake the neighbour table first, --probe to ask the DHCP servers (rogue detection)",
    )
    .option('--chargers <n>', 'number of chargers planned on this network')
    .option(
      '--dhcp-range <first-last>',
      'the DHCP pool, e.g. 192.168.1.100-192.168.1.199 or 192.168.1.0/24 (default: the subnet)',
    )
    .option(
      '--sweep',
      'send one small UDP datagram to each address of the range (at most a /22) before reading the neighbour table; corporate networks may alarm on it',
    )
    .option(
      '--probe',
      'broadcast a DHCPDISCOVER and list every server that offers an address (needs root/admin; no lease is taken)',
    )
    .addOption(new Option('--probe-window <ms>', 'how long --probe listens for offers').default('4000'))
    .option('--interface <name>', 'network interface to check (default: the one with the IPv4 default route)')
    .option('--profile <id|path>', 'charger profile (default: zaptec-pro)')
    .option('--json <file|->', 'write the report as JSON to a file, or - for stdout')
    .option('--lang <en|it>', 'language of the report (default: from LANG)')
    .addHelpText(
      'after',
      `
Exit codes: 0 enough addresses (warnings allowed), 1 not ready, 2 usage error, 3 internal error (as in site).

Examples:
  zapcheck dhcp --chargers 12
  zapcheck dhcp --chargers 12 --dhcp-range 192.168.1.100-192.168.1.199 --sweep
  sudo zapcheck dhcp --probe`,
    )
    .action(async (opts: DhcpCommandOptions) => {
      const [{ runDhcpCommand }, { toolVersion }] = await Promise.all([
        import('./dhcp-run.js'),
        import('./version.js'),
      ]);
      state.exitCode = await runDhcpCommand(opts, io, toolVersion());
    });
}
