import { type Command, Option } from 'commander';
import type { CliIO } from './io.js';
import { collect } from './options.js';
import type { RunState } from './state.js';
import type { Translate } from '../i18n/index.js';

export interface WifiCommandOptions {
  ssid?: string;
  scanFile?: string[];
  watch?: boolean;
  profile?: string;
  json?: string;
  lang?: string;
  timeout?: string;
  /** --quiet: the verdict line only. */
  quiet?: boolean;
}

/** `zapcheck wifi`: options here; the work (scanners, parsers, advice, rendering) is imported when it runs. */
export function registerWifi(program: Command, io: CliIO, state: RunState, t: Translate): void {
  program
    .command('wifi')
    .summary(t('cli.cmd.wifi'))
    .description(t('help.wifi.description'))
    .option('--ssid <name>', t('help.wifi.opt.ssid'))
    .option('--scan-file <file>', t('help.wifi.opt.scan-file'), collect)
    .option('--watch', t('help.wifi.opt.watch'))
    .option('--profile <id|path>', t('help.wifi.opt.profile'), 'zaptec-pro')
    .option('--json <file|->', t('help.wifi.opt.json'))
    .option('--lang <en|it>', t('help.wifi.opt.lang'))
    .option('--timeout <ms>', t('help.wifi.opt.timeout'), '20000')
    .addOption(new Option('-q, --quiet', t('help.wifi.opt.quiet')).conflicts('watch'))
    .addHelpText('after', t('help.wifi.after'))
    .action(async (opts: WifiCommandOptions) => {
      if (opts.watch) {
        const { runWifiWatch } = await import('./wifi-watch.js');
        state.exitCode = await runWifiWatch(opts, io);
        return;
      }
      const { runWifiCommand } = await import('./wifi-run.js');
      state.exitCode = await runWifiCommand(opts, io);
    });
}
