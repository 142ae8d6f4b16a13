import { checkId, outcome, type CheckFamily, type CheckOutcome } from '../core/check.js';
import type { Evidence, Json } from '../core/result.js';
import type { WifiScanFailureCause } from '../platform/wifi/probe.js';
import type { WifiScan } from '../platform/wifi/types.js';
import { adviseWifi, type WifiAdvice } from '../wifi/advice.js';

/**
 * The wifi check (R1): is the site network on 2.4 GHz channel 1-11, strong, joinable and clean enough?
 * It asks `probes.wifiScan` for a scan (or the saved scan the site command was given) and hands the records
 * to the advice engine. A machine that cannot scan (no probe, no adapter, no permission, no scanner) gives
 * `skip` with the reason and the command that would work: never a failure of the site.
 */
export const wifiFamily: CheckFamily = {
  kind: 'wifi',
  plan(ctx) {
    const ssid = ctx.options.ssid;
    return [
      {
        id: checkId('wifi'),
        kind: 'wifi',
        title:
          ssid === undefined ? 'Wi-Fi (2.4 GHz, channel 1-11)' : `Wi-Fi "${ssid}" (2.4 GHz, channel 1-11)`,
        target: ssid === undefined ? { protocol: '802.11' } : { host: ssid, protocol: '802.11' },
        needs: [],
        budgetShare: 0.5,
        async run({ ctx: c, probes, budgetMs }): Promise<CheckOutcome> {
          if (!probes.wifiScan) {
            return outcome('skip', 'WIFI_NO_SCAN', 'no Wi-Fi scan available in this run', {}, [
              {
                audience: 'installer',
                text: 'Run `zapcheck wifi --ssid "<site network>"` on a laptop with Wi-Fi where the chargers will hang, or pass a saved scan with --scan-file.',
              },
            ]);
          }
          const res = await probes.wifiScan({ timeoutMs: budgetMs });
          if (!res.ok) {
            const cause = res.error.cause as Partial<WifiScanFailureCause> | undefined;
            const hint = cause?.hint ?? 'run zapcheck wifi --scan-file <saved scan>';
            return outcome(
              'skip',
              'WIFI_NO_SCAN',
              `Wi-Fi not checked: ${res.error.message}`,
              { reason: cause?.reason ?? res.error.code, tried: cause?.tried ?? [], hint },
              [{ audience: 'installer', text: `To check the Wi-Fi: ${hint}.` }],
            );
          }
          const scan = res.value;
          const opts: { ssid?: string; profileName?: string } = { profileName: c.profile.name };
          if (c.options.ssid !== undefined) opts.ssid = c.options.ssid;
          const advice = adviseWifi(scan.records, c.profile.wifi, opts);
          return outcome(
            advice.status,
            advice.cause,
            advice.summary,
            wifiEvidence(scan, advice),
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
