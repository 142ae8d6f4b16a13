import { type Command, Option } from 'commander';
import type { CliIO } from './io.js';
import { collect } from './options.js';
import type { RunState } from './state.js';

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
export function registerWifi(program: Command, io: CliIO, state: RunState): void {
  program
    .command('wifi')
    .summary('is the Wi-Fi on 2.4 GHz channel 1-11, strong and clean enough? (R1)')
    .description(
      'Check whether a Wi-Fi network will carry the charger: 2.4 GHz channel 1-11, signal here, security,\nhidden SSID, channel width and congestion on channels 1, 6 and 11.',
    )
    .option(
      '--ssid <name>',
      'the site network (default: the network this laptop is on, else all visible ones)',
    )
    .option(
      '--scan-file <file>',
      'analyse a saved scan instead of scanning (output of nmcli, iw, iwlist, airport, system_profiler or netsh); with --watch repeatable, or a folder, replayed in order',
      collect,
    )
    .option(
      '--watch',
      'live meter: rescan every 1.5 s and show the signal (now, min, median) against the thresholds; Ctrl-C ends it',
    )
    .option(
      '--profile <id|path>',
      'charger profile: zaptec-pro, zaptec-go or a .json/.yaml file',
      'zaptec-pro',
    )
    .option('--json <file|->', 'also write the JSON report to a file (- = stdout, then no terminal text)')
    .option('--lang <en|it>', 'language of the report (default: from LANG)')
    .option('--timeout <ms>', 'time limit for the scan', '20000')
    .addOption(
      new Option('-q, --quiet', 'print only the verdict line; the exit code says the rest').conflicts(
        'watch',
      ),
    )
    .addHelpText(
      'after',
      `
Examples:
  zapcheck wifi --ssid "Garage"                 scan here, advise on that network
  zapcheck wifi --scan-file scan.txt --json -   analyse a scan someone saved
  zapcheck wifi --watch --ssid "Garage"         live meter while walking to the charger positions
  zapcheck wifi --watch --scan-file saved/      replay a folder of saved scans, one sample each
  nmcli -t device wifi list > scan.txt          how to save a scan on Linux (macOS: system_profiler
                                                SPAirPortDataType; Windows: netsh wlan show networks mode=bssid)

Exit codes: 0 suitable (warnings allowed) or not checked, 1 not suitable, 2 usage error.`,
    )
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
