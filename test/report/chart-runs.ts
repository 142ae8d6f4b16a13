import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Report } from '../../src/core/result.js';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * Reports with Wi-Fi charts from real recorded scans (fixtures/platform, see PROVENANCE there): a street in
 * Zeist with nine networks on channels 2-13, a Windows scan with five networks on channel 11, the campus
 * scan; each through `zapcheck site --lab --scan-file`, once per network as the charger's network
 * (--ssid) and once without.
 */

const SCANS = {
  zeist: path.join(ROOT, 'fixtures/platform/linux/iwlist-scan-accesspoints.txt'),
  windows: path.join(
    ROOT,
    'fixtures/platform/windows/netsh-wlan-networks-bssid-en-heatmapper-hidden-ssid.txt',
  ),
  campus: path.join(ROOT, 'fixtures/platform/linux/iw-wlan0-scan-raspi-campus-bssload-with-prompt.txt'),
};

export const CHART_RUNS: { name: string; scan: string; ssid?: string }[] = [
  { name: 'zeist, all visible', scan: SCANS.zeist },
  ...[
    'Thomson19D0C8',
    'H368NDF1690',
    'KPN Fon',
    'De Hypotheker',
    'KalkZeist',
    'Bon Soigne',
    'Sitecom1E447C',
  ].map((ssid) => ({ name: `zeist, ${ssid}`, scan: SCANS.zeist, ssid })),
  { name: 'windows, all visible', scan: SCANS.windows },
  { name: 'windows, SSID-2', scan: SCANS.windows, ssid: 'SSID-2' },
  { name: 'windows, SSID-7', scan: SCANS.windows, ssid: 'SSID-7' },
  { name: 'campus, WIFI_IUTB_IOT', scan: SCANS.campus, ssid: 'WIFI_IUTB_IOT' },
];

/** Runs the named CHART_RUNS (all by default), three at a time; the reports by run name. */
export async function chartReports(names?: string[]): Promise<Map<string, Report>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zapcheck-chart-'));
  const out = new Map<string, Report>();
  try {
    const queue = CHART_RUNS.filter((r) => !names || names.includes(r.name)).map((r, i) => ({ ...r, i }));
    const worker = async (): Promise<void> => {
      for (let r = queue.shift(); r; r = queue.shift()) {
        const file = path.join(dir, `${r.i}.json`);
        // A long deadline: on a loaded machine a 5 s run can end before the Wi-Fi check reads its scan.
        const args = [
          'site',
          'Garage Nord',
          '--lab',
          '--scan-file',
          r.scan,
          '--json',
          file,
          '--deadline',
          '120',
        ];
        if (r.ssid) args.push('--ssid', r.ssid);
        const run = await runCli(args);
        if (run.code !== 0 && run.code !== 1) throw new Error(`${r.name}: exit ${run.code}: ${run.stderr}`);
        const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
        if (report.interrupted) throw new Error(`${r.name}: the run was interrupted`);
        out.set(r.name, report);
      }
    };
    await Promise.all([worker(), worker(), worker()]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
