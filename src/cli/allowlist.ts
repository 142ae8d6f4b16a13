import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';

/** `zapcheck allowlist`: what to ask the site's IT to allow, from the profile. */
export function registerAllowlist(program: Command, io: CliIO, state: RunState): void {
  program
    .command('allowlist')
    .description('print what the site IT must allow out for the chargers (hosts, ports, protocols, why)')
    .option('-p, --profile <id|path>', 'charger profile: a built-in id or a JSON/YAML file', 'zaptec-pro')
    .option('--format <text|csv|json>', 'output format (default: from the -o extension, else text)')
    .option('--lang <en|it>', 'language (default: from LANG)')
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
    .addHelpText(
      'after',
      `
CSV opens in a spreadsheet: it starts with a byte-order mark, and with --lang it the cells are
separated by ";" (as Excel expects where decimals are written with a comma).

Outbound only, allowed by host name (cloud addresses change); nothing inbound (NAT is fine);
no TLS inspection and no proxy for these hosts.`,
    )
    .action(async (opts: Record<string, string | undefined>) => {
      const { runAllowlistCommand } = await import('./reports-run.js');
      state.exitCode = runAllowlistCommand(opts, io);
    });
}
