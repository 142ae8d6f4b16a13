import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';
import type { Translate } from '../i18n/index.js';

/** `zapcheck allowlist`: what to ask the site's IT to allow, from the profile. */
export function registerAllowlist(program: Command, io: CliIO, state: RunState, t: Translate): void {
  program
    .command('allowlist')
    .description(t('cli.cmd.allowlist'))
    .option('-p, --profile <id|path>', t('help.allowlist.opt.profile'), 'zaptec-pro')
    .option('--format <text|csv|json>', t('help.allowlist.opt.format'))
    .option('--lang <en|it>', t('help.allowlist.opt.lang'))
    .option('-o, --output <file>', t('help.allowlist.opt.output'))
    .addHelpText('after', t('help.allowlist.after'))
    .action(async (opts: Record<string, string | undefined>) => {
      const { runAllowlistCommand } = await import('./reports-run.js');
      state.exitCode = runAllowlistCommand(opts, io);
    });
}
