import { checkId, outcome, type CheckFamily, type CheckOutcome } from '../../core/check.js';
import type { Evidence, Json } from '../../core/result.js';
import type { WifiScanFailureCause } from '../../probes/types.js';
import { describeScanFailure } from './scan-failure.js';
import type { WifiScan } from '../../platform/wifi/types.js';
import { adviseWifi, type WifiAdvice } from './advice.js';
import { adviseUnreadScan, unreadScan } from './unread.js';
import { fromEnglish, type Translate } from '../../i18n/index.js';

/**
 * The wifi check (R1): is the site network on 2.4 GHz channel 1-11, strong, joinable and clean enough?
 * It asks `probes.wifiScan` for a scan (or the saved scan the site command was given) and hands the records
 * to the advice engine. A machine that cannot scan (no probe, no adapter, no permission, no scanner) gives
 * `skip` with the reason and the command that would work: never a failure of the site.
 */
/** The profile's channels as a person writes them: "1-11" for a run, else "1, 6, 11". */
export function channelList(channels: readonly number[]): string {
  const sorted = [...new Set(channels)].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return '';
  if (sorted.length > 2 && last - first === sorted.length - 1) return `${first}-${last}`;
  return sorted.join(', ');
}

export const wifiFamily: CheckFamily = {
  kind: 'wifi',
  plan(ctx) {
    const ssid = ctx.options.ssid;
    const channels = channelList(ctx.profile.wifi.channels);
    return [
      {
        id: checkId('wifi'),
        kind: 'wifi',
        title:
          ssid === undefined
            ? ctx.t('title.wifi', { channels })
            : ctx.t('title.wifi.ssid', { ssid, channels }),
        target: ssid === undefined ? { protocol: '802.11' } : { host: ssid, protocol: '802.11' },
        needs: [],
        budgetShare: 0.5,
        async run({ ctx: c, probes, budgetMs }): Promise<CheckOutcome> {
          const t = c.t;
          if (!probes.wifiScan) {
            return outcome('skip', 'WIFI_NO_SCAN', t('wifi.noprobe'), {}, [
              { audience: 'installer', text: t('wifi.noprobe.fix') },
            ]);
          }
          const res = await probes.wifiScan({ timeoutMs: budgetMs });
          if (!res.ok) {
            const cause = res.error.cause as Partial<WifiScanFailureCause> | undefined;
            const { message, hint } = describeScanFailure(
              cause,
              { message: res.error.message, hint: t('wifi.hint.default') },
              t,
            );
            return outcome(
              'skip',
              'WIFI_NO_SCAN',
              t('wifi.noscan', { message }),
              { reason: cause?.reason ?? res.error.code, tried: cause?.tried ?? [], hint },
              [{ audience: 'installer', text: t('wifi.noscan.fix', { hint }) }],
            );
          }
          const scan = res.value;
          const opts: { ssid?: string; profileName?: string; t: Translate } = {
            profileName: c.profile.name,
            t,
          };
          if (c.options.ssid !== undefined) opts.ssid = c.options.ssid;
          const advice = adviseUnreadScan(adviseWifi(scan.records, c.profile.wifi, opts), scan, t);
          return outcome(
            advice.status,
            advice.cause,
            advice.summary,
            // The parsers' notes are English catalogue sentences: said again in the run's language.
            wifiEvidence({ ...scan, notes: scan.notes.map((n) => fromEnglish(n, t, 'wifi.note.')) }, advice),
            advice.remediation,
          );
        },
      },
    ];
  },
};

/** JSON-safe evidence: scan source, target, per-network findings, the chosen BSS and the channel chart. */
export function wifiEvidence(scan: WifiScan, advice: WifiAdvice): Evidence {
  return {
    scan: {
      format: scan.format,
      tool: scan.tool,
      source: scan.source as unknown as Json,
      networks: scan.records.length,
      notes: scan.notes,
      ...(unreadScan(scan) ? { unread: unreadScan(scan) as unknown as Json } : {}),
    },
    target: advice.target,
    networks: advice.networks.map((n) => ({
      ssid: n.ssid,
      ssidDisplay: n.ssidDisplay,
      status: n.status,
      cause: n.cause,
      summary: n.summary,
      bssCount: n.bssCount,
      chosen: n.chosen as unknown as Json,
      findings: n.findings.map((f) => ({ status: f.status, cause: f.cause, summary: f.summary })),
    })),
    chart: advice.chart as unknown as Json,
  };
}
