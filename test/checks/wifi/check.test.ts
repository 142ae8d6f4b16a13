import { describe, expect, it } from 'vitest';
import { wifiFamily } from '../../../src/checks/wifi/index.js';
import type { SiteContext } from '../../../src/core/context.js';
import { probeFail, probeOk } from '../../../src/core/errors.js';
import type { WifiScan } from '../../../src/platform/wifi/types.js';
import type { Probes } from '../../../src/probes/types.js';
import { normalizeProfile } from '../../../src/profile/load.js';
import { ZAPTEC_PRO } from '../../../src/profile/builtin.js';
import { createTranslator, type Lang } from '../../../src/i18n/index.js';

function ctx(ssid?: string, lang: Lang = 'en'): SiteContext {
  return {
    lang,
    t: createTranslator(lang),
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

  it('speaks Italian through ctx.t: title, summary, remediation and the not-checked reason', async () => {
    const [check] = wifiFamily.plan(ctx('Garage', 'it'));
    expect(check?.title).toBe('Wi-Fi "Garage" (2,4 GHz, canale 1-11)');
    const { out } = await run(ctx('Garage', 'it'), { wifiScan: () => Promise.resolve(probeOk(scan, 5)) });
    expect(out.summary).toMatch(/è sul canale 13 a 2,4 GHz, che la stazione non può usare/);
    expect(out.remediation[0]?.text).toMatch(/impostare per "Garage" un canale fisso/);
    const noProbe = await run(ctx(undefined, 'it'), {});
    expect(noProbe.out.summary).toBe('nessuna scansione Wi-Fi disponibile in questa verifica');
    const { createWifiScanProbe } = await import('../../../src/probes/wifi-scan.js');
    const linuxNoAdapter = createWifiScanProbe({
      platform: 'linux',
      runTool: () => Promise.reject(new Error('not run')),
      listWifiInterfaces: () => [],
    });
    const skipped = await run(ctx('Garage', 'it'), { wifiScan: linuxNoAdapter });
    expect(skipped.out.summary).toBe(
      'Wi-Fi non verificato: questo computer non ha una scheda Wi-Fi (nessuna interfaccia wireless in /sys/class/net)',
    );
    expect(skipped.out.remediation[0]?.text).toMatch(
      /^Per verificare il Wi-Fi: eseguire zapcheck wifi con un portatile/,
    );
    // The English run keeps the probe's own words.
    const en = await run(ctx('Garage'), { wifiScan: linuxNoAdapter });
    expect(en.out.summary).toBe(
      'Wi-Fi not checked: this computer has no Wi-Fi adapter (no wireless interface in /sys/class/net)',
    );
  });
});
