import { Option, type Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';
import type { Translate } from '../i18n/index.js';

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
  /** --quiet: the verdict line only. */
  quiet?: boolean;
  profile?: string;
  json?: string;
  lang?: string;
}

export function registerDhcp(program: Command, io: CliIO, state: RunState, t: Translate): void {
  program
    .command('dhcp')
    .summary(t('cli.cmd.dhcp'))
    .description(t('help.dhcp.description'))
    .option('--chargers <n>', t('help.dhcp.opt.chargers'))
    .option('--dhcp-range <first-last>', t('help.dhcp.opt.dhcp-range'))
    .option('--sweep', t('help.dhcp.opt.sweep'))
    .option('--probe', t('help.dhcp.opt.probe'))
    .addOption(new Option('--probe-window <ms>', t('help.dhcp.opt.probe-window')).default('4000'))
    .option('--interface <name>', t('help.dhcp.opt.interface'))
    .option('--profile <id|path>', t('help.dhcp.opt.profile'))
    .option('--json <file|->', t('help.dhcp.opt.json'))
    .option('--lang <en|it>', t('help.dhcp.opt.lang'))
    .option('-q, --quiet', t('help.dhcp.opt.quiet'))
    .addHelpText('after', t('help.dhcp.after'))
    .action(async (opts: DhcpCommandOptions) => {
      const [{ runDhcpCommand }, { toolVersion }] = await Promise.all([
        import('./dhcp-run.js'),
        import('./version.js'),
      ]);
      state.exitCode = await runDhcpCommand(opts, io, toolVersion());
    });
}
