/**
 * `zapcheck wifi`: scan (or read a saved scan), advise, print the verdict and the channel chart, write JSON.
 * Imported lazily by src/cli/wifi.ts.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { CliIO } from './io.js';
import { writeOutput } from './io.js';
import { checkOutputFile, checkSsid } from './validate.js';
import { checkScanFile } from './validate-scan.js';
import { toolVersion } from './version.js';
import type { WifiCommandOptions } from './wifi.js';
import { EXIT, UsageError } from '../core/errors.js';
import { loadProfile } from '../profile/load.js';
import { runTool } from '../platform/exec.js';
import { SCAN_FORMAT_NAMES } from '../platform/wifi/detect.js';
import { widthFor } from '../report/layout.js';
import { createWifiScanProbe, type WifiScanFailureCause } from '../probes/wifi-scan.js';
import { describeScanFailure } from '../checks/wifi/scan-failure.js';
import type { Translate } from '../i18n/index.js';
import { renderWifiTerminal, wantColor, type WifiReport } from '../report/wifi-terminal.js';
import { adviseWifi } from '../checks/wifi/advice.js';
import { adviseUnreadScan, unreadScan } from '../checks/wifi/unread.js';
import { escapeForDisplay } from '../core/display.js';
import { stringifyJson } from '../core/escape.js';
import { resolveLang } from './run-options.js';

export async function runWifiCommand(opts: WifiCommandOptions, io: CliIO): Promise<number> {
  const { t } = resolveLang(opts.lang, io.env);
  if (opts.ssid !== undefined) checkSsid(opts.ssid, t);
  const timeoutMs = Number(opts.timeout ?? '20000');
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 600_000) {
    throw new UsageError(t('err.timeout', { value: String(opts.timeout) }));
  }
  const profile = loadProfile(opts.profile, t);
  if (opts.json !== undefined) checkOutputFile('--json', opts.json, io.cwd, t);
  let scanFile: string | undefined;
  const given = opts.scanFile ?? [];
  if (given.length > 1) throw new UsageError(t('err.scanfile.many'));
  if (given[0] !== undefined) {
    let isDir = false;
    try {
      isDir = statSync(path.resolve(io.cwd, given[0])).isDirectory();
    } catch {
      // checkScanFile names what is wrong with it.
    }
    if (isDir) throw new UsageError(t('err.scanfile.many'));
    scanFile = checkScanFile(given[0], io.cwd, t);
  }
  const probe = createWifiScanProbe({
    platform: process.platform,
    runTool,
    ...(scanFile !== undefined ? { scanFile } : {}),
  });
  const res = await probe({ timeoutMs });
  const failure = res.ok
    ? null
    : describeScanFailure(
        res.error.cause as Partial<WifiScanFailureCause> | undefined,
        { message: res.error.message, hint: t('wifi.hint.default') },
        t,
      );
  if (
    !res.ok &&
    scanFile !== undefined &&
    (res.error.cause as WifiScanFailureCause | undefined)?.reason === 'BAD_FILE'
  ) {
    throw new UsageError(
      t('err.scanfile.bad', { message: failure?.message ?? res.error.message }),
      t('err.scanfile.bad.hint'),
    );
  }
  const adviceOpts: { ssid?: string; profileName: string; t: Translate } = { profileName: profile.name, t };
  if (opts.ssid !== undefined) adviceOpts.ssid = opts.ssid;
  let report: WifiReport;
  if (res.ok) {
    const scan = res.value;
    const unread = unreadScan(scan);
    report = {
      schemaVersion: 1,
      tool: { name: 'zapcheck', version: toolVersion() },
      profile: profile.id,
      scan: {
        source: scan.source,
        format: scan.format,
        formatName: SCAN_FORMAT_NAMES[scan.format],
        tool: scan.tool,
        notes: scan.notes,
        ...(unread ? { unread } : {}),
      },
      networks: scan.records.map((r) => ({ ...r, ssidDisplay: r.hidden ? '' : escapeForDisplay(r.ssid) })),
      advice: adviseUnreadScan(adviseWifi(scan.records, profile.wifi, adviceOpts), scan, t),
    };
  } else {
    const cause = res.error.cause as Partial<WifiScanFailureCause> | undefined;
    const hint = failure?.hint ?? t('wifi.hint.default');
    const empty = adviseWifi([], profile.wifi, adviceOpts);
    report = {
      schemaVersion: 1,
      tool: { name: 'zapcheck', version: toolVersion() },
      profile: profile.id,
      scan: {
        source: null,
        format: 'unknown',
        formatName: 'none',
        tool: 'none',
        notes: cause?.tried ?? [],
        unavailable: {
          reason: cause?.reason ?? res.error.code,
          message: failure?.message ?? res.error.message,
          hint,
        },
      },
      networks: [],
      advice: {
        ...empty,
        status: 'skip',
        cause: 'WIFI_NO_SCAN',
        summary: t('wifi.noscan', { message: failure?.message ?? res.error.message }),
        remediation: [{ audience: 'installer', text: t('wifi.noscan.fix', { hint }) }],
      },
    };
  }
  const json = `${stringifyJson(report)}\n`;
  if (opts.json !== '-') {
    io.stdout.write(
      renderWifiTerminal(report, {
        color: wantColor(io),
        profileName: profile.name,
        t,
        width: widthFor(io.stdout, io.env),
      }),
    );
  }
  if (opts.json !== undefined) writeOutput(io, opts.json, json, { option: '--json', t });
  return report.advice.status === 'fail'
    ? EXIT.NOT_READY
    : report.advice.status === 'error'
      ? EXIT.INTERNAL
      : EXIT.READY;
}
