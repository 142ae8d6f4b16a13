import { describe, expect, it } from 'vitest';
import { wifiFamily } from '../../src/checks/wifi.js';
import type { SiteContext } from '../../src/core/context.js';
import { probeFail, probeOk } from '../../src/core/errors.js';
import type { WifiScan } from '../../src/platform/wifi/types.js';
import type { Probes } from '../../src/probes/types.js';
import { normalizeProfile } from '../../src/profile/load.js';
import { ZAPTEC_PRO } from '../../src/profile/builtin.js';

function ctx(ssid?: string): SiteContext {
  return {
    profile: normalizeProfile(ZAPTEC_PRO, 'builtin'),
    options: { mqttConnect: false, strict: false, extra: {}, ...(ssid === undefined ? {} : { ssid }) },
  } as unknown as SiteContext;
}

const scan: WifiScan = {
  format: 'nmcli-terse',
  tool: 'nmcli -t device wifi list',
  notes: [],
  source: { kind: 'text' },
  records: [
    {
      ssid: 'Garage',
      bssid: '02:00:00:00:00:01',
      band: '2.4',
      channel: 13,
      frequencyMhz: 2472,
      signalDbm: -60,
      signalSource: 'dbm',
      security: ['wpa2-personal'],
      securityRaw: 'WPA2',
      connected: false,
      hidden: false,
    },
  ],
};

async function run(c: SiteContext, probes: Partial<Probes>) {
  const [check] = wifiFamily.plan(c);
  if (!check) throw new Error('no check planned');
  return { check, out: await check.run({ ctx: c, probes: probes as Probes, deps: {}, budgetMs: 1000 }) };
}

describe('wifi check family', () => {
  it('plans one check with id wifi and the SSID as host', () => {
    const [check] = wifiFamily.plan(ctx('Garage'));
    expect(check).toMatchObject({
      id: 'wifi',
      kind: 'wifi',
      target: { host: 'Garage', protocol: '802.11' },
      needs: [],
    });
    expect(wifiFamily.plan(ctx())[0]?.target).toEqual({ protocol: '802.11' });
  });

  it('skips when the site context has no wifiScan probe', async () => {
    const { out } = await run(ctx(), {});
    expect(out).toMatchObject({ status: 'skip', cause: 'WIFI_NO_SCAN' });
    expect(out.remediation[0]?.text).toMatch(/zapcheck wifi/);
  });

  it('skips with the reason and the working command when the probe cannot scan', async () => {
    let asked = 0;
    const { out } = await run(ctx('Garage'), {
      wifiScan: ({ timeoutMs }) => {
        asked = timeoutMs;
        return Promise.resolve(
          probeFail('UNREACHABLE', 'this computer has no Wi-Fi adapter', 3, {
            reason: 'NO_ADAPTER',
            hint: 'use --scan-file',
            tried: [],
          }),
        );
      },
    });
    expect(asked).toBe(1000);
    expect(out).toMatchObject({
      status: 'skip',
      cause: 'WIFI_NO_SCAN',
      evidence: { reason: 'NO_ADAPTER', hint: 'use --scan-file' },
    });
    expect(out.summary).toMatch(/no Wi-Fi adapter/);
  });

  it('turns a scan into the advice verdict with JSON-safe evidence including the chart', async () => {
    const { out } = await run(ctx('Garage'), { wifiScan: () => Promise.resolve(probeOk(scan, 5)) });
    expect(out).toMatchObject({ status: 'fail', cause: 'WIFI_CHANNEL_OUT_OF_RANGE' });
    expect(JSON.parse(JSON.stringify(out.evidence))).toEqual(out.evidence);
    expect((out.evidence.chart as { channels: unknown[] }).channels).toHaveLength(13);
  });
});
