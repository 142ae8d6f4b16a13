import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScanText } from '../../../src/platform/wifi/detect.js';
import type { BssRecord } from '../../../src/platform/wifi/types.js';
import { ZAPTEC_GO, ZAPTEC_PRO } from '../../../src/profile/builtin.js';
import type { WifiRules } from '../../../src/profile/types.js';
import { adviseWifi } from '../../../src/checks/wifi/advice.js';
import { createTranslator } from '../../../src/i18n/index.js';

const PRO = ZAPTEC_PRO.wifi as WifiRules;
const GO = ZAPTEC_GO.wifi as WifiRules;

let n = 0;
function bss(p: Partial<BssRecord> & { ssid: string; channel: number }): BssRecord {
  n++;
  const band = p.band ?? (p.channel <= 14 ? '2.4' : '5');
  return {
    bssid: `02:00:00:00:${(n >> 8).toString(16).padStart(2, '0')}:${(n & 255).toString(16).padStart(2, '0')}`,
    band,
    frequencyMhz: band === '2.4' ? 2407 + 5 * p.channel : 5000 + 5 * p.channel,
    signalDbm: -55,
    signalSource: 'dbm',
    security: ['wpa2-personal'],
    securityRaw: 'WPA2',
    connected: false,
    hidden: false,
    ...p,
  };
}

describe('Wi-Fi advice on synthetic records', () => {
  it('passes a WPA2 network on channel 6 at -55 dBm', () => {
    const a = adviseWifi([bss({ ssid: 'Garage', channel: 6 })], PRO, { ssid: 'Garage' });
    expect(a).toMatchObject({ status: 'pass', cause: 'OK' });
    expect(a.chart.channels.find((c) => c.channel === 6)).toMatchObject({ networks: 1, target: true });
  });

  it('fails a 5 GHz-only network with WIFI_NO_24GHZ', () => {
    const a = adviseWifi([bss({ ssid: 'Garage', channel: 36 })], PRO, { ssid: 'Garage' });
    expect(a).toMatchObject({ status: 'fail', cause: 'WIFI_NO_24GHZ' });
    expect(a.summary).toContain('the charger needs 2.4 GHz');
  });

  it('says the bands as numbers of the language: "2,4 GHz" in Italian (issue 13)', () => {
    const a = adviseWifi([bss({ ssid: 'Garage', channel: 36 })], PRO, {
      ssid: 'Garage',
      t: createTranslator('it'),
    });
    expect(a.summary).toContain('trasmette solo a 5 GHz; la stazione ha bisogno di 2,4 GHz');
  });

  it('fails channel 13 with WIFI_CHANNEL_OUT_OF_RANGE naming the channel and the fix', () => {
    const a = adviseWifi([bss({ ssid: 'Garage', channel: 13 }), bss({ ssid: 'Garage', channel: 44 })], PRO, {
      ssid: 'Garage',
    });
    expect(a).toMatchObject({ status: 'fail', cause: 'WIFI_CHANNEL_OUT_OF_RANGE' });
    expect(a.summary).toContain('channel 13');
    expect(a.remediation.map((r) => r.text).join(' ')).toContain('set a fixed channel 1, 6 or 11');
  });

  it('warns between -67 and -74 dBm and fails below, with the reminder about where the chargers hang', () => {
    const warn = adviseWifi([bss({ ssid: 'G', channel: 1, signalDbm: -70 })], PRO, { ssid: 'G' });
    expect(warn).toMatchObject({ status: 'warn', cause: 'WIFI_WEAK_SIGNAL' });
    expect(warn.remediation.map((r) => r.text).join(' ')).toMatch(/where the chargers will hang/);
    const fail = adviseWifi([bss({ ssid: 'G', channel: 1, signalDbm: -80 })], PRO, { ssid: 'G' });
    expect(fail).toMatchObject({ status: 'fail', cause: 'WIFI_WEAK_SIGNAL' });
    expect(adviseWifi([bss({ ssid: 'G', channel: 1, signalDbm: -67 })], PRO, { ssid: 'G' }).status).toBe(
      'pass',
    );
  });

  it('fails WPA3-only for the Go, passes it for the Pro; mixed WPA2/WPA3 passes for both', () => {
    const wpa3 = [bss({ ssid: 'S', channel: 6, security: ['wpa3-personal'] })];
    expect(adviseWifi(wpa3, GO, { ssid: 'S', profileName: 'Zaptec Go' })).toMatchObject({
      status: 'fail',
      cause: 'WIFI_SECURITY_UNSUPPORTED',
    });
    expect(adviseWifi(wpa3, GO, { ssid: 'S', profileName: 'Zaptec Go' }).summary).toMatch(/WPA3-only/);
    expect(adviseWifi(wpa3, PRO, { ssid: 'S' }).status).toBe('pass');
    const mixed = [bss({ ssid: 'S', channel: 6, security: ['wpa2-personal', 'wpa3-personal'] })];
    expect(adviseWifi(mixed, GO, { ssid: 'S' }).status).toBe('pass');
  });

  it('fails enterprise, WEP and open networks with the reason', () => {
    for (const [sec, re] of [
      ['wpa2-enterprise', /802\.1X/],
      ['wep', /WEP/],
      ['open', /open network/],
    ] as const) {
      const a = adviseWifi([bss({ ssid: 'S', channel: 6, security: [sec] })], PRO, { ssid: 'S' });
      expect(a).toMatchObject({ status: 'fail', cause: 'WIFI_SECURITY_UNSUPPORTED' });
      expect(a.summary).toMatch(re);
    }
  });

  it('warns on 40 MHz on 2.4 GHz', () => {
    const a = adviseWifi([bss({ ssid: 'S', channel: 6, widthMhz: 40 })], PRO, { ssid: 'S' });
    expect(a).toMatchObject({ status: 'warn', cause: 'WIFI_WIDE_CHANNEL' });
  });

  it('warns when the network is hidden (its BSSID also appears without a name)', () => {
    const a = adviseWifi(
      [
        bss({ ssid: 'S', channel: 6, bssid: '02:aa:00:00:00:01' }),
        bss({ ssid: '', hidden: true, channel: 6, bssid: '02:aa:00:00:00:01' }),
      ],
      PRO,
      { ssid: 'S' },
    );
    expect(a).toMatchObject({ status: 'warn', cause: 'WIFI_HIDDEN' });
  });

  it('warns on a crowded channel and recommends the clearest of 1, 6, 11; own BSSIDs and virtual SSIDs counted once', () => {
    const neighbours = [0, 1, 2, 3].map((i) =>
      bss({ ssid: `N${i}`, channel: 6, bssid: `0a:00:00:00:0${i}:10`, signalDbm: -50 }),
    );
    // Four virtual SSIDs of one radio on channel 1 count as one radio.
    const virtual = [0, 1, 2, 3].map((i) =>
      bss({ ssid: `V${i}`, channel: 1, bssid: `0c:00:00:00:00:1${i}`, signalDbm: -50 }),
    );
    const own = [
      bss({ ssid: 'S', channel: 6, signalDbm: -50 }),
      bss({ ssid: 'S', channel: 11, signalDbm: -80 }),
    ];
    const a = adviseWifi([...own, ...neighbours, ...virtual], PRO, { ssid: 'S' });
    expect(a).toMatchObject({ status: 'warn', cause: 'WIFI_CONGESTED' });
    expect(a.chart.recommendedChannel).toBe(11);
    const ch1 = a.chart.channels.find((c) => c.channel === 1);
    expect(ch1?.score).toBe(1);
    expect(ch1?.networks).toBe(4);
    expect(a.chart.channels.find((c) => c.channel === 11)?.score).toBe(0);
  });

  it('fails an SSID that is not in the scan, mentioning hidden networks', () => {
    const a = adviseWifi(
      [bss({ ssid: 'Other', channel: 6 }), bss({ ssid: '', hidden: true, channel: 1 })],
      PRO,
      { ssid: 'Garage' },
    );
    expect(a).toMatchObject({ status: 'fail', cause: 'WIFI_SSID_NOT_FOUND' });
    expect(a.summary).toMatch(/1 of them hidden/);
  });

  it('skips an empty scan with WIFI_NO_SCAN', () => {
    expect(adviseWifi([], PRO)).toMatchObject({ status: 'skip', cause: 'WIFI_NO_SCAN' });
  });

  it('without --ssid advises on the connected network, else on all visible ones', () => {
    const recs = [bss({ ssid: 'A', channel: 13 }), bss({ ssid: 'B', channel: 6, connected: true })];
    expect(adviseWifi(recs, PRO).target).toMatchObject({ ssid: 'B', selectedBy: 'connected' });
    const all = adviseWifi([bss({ ssid: 'A', channel: 13 }), bss({ ssid: 'B', channel: 6 })], PRO);
    expect(all.target.selectedBy).toBe('all-visible');
    expect(all.networks).toHaveLength(2);
    expect(all.summary).toMatch(/1 of 2 visible networks would suit the charger: "B"/);
  });

  it('without --ssid and not connected: not checked (WIFI_NO_SSID, skip), never a pass because a neighbour suits', () => {
    const good = adviseWifi(
      [bss({ ssid: 'Neighbour', channel: 6 }), bss({ ssid: 'Cafe', channel: 13 })],
      PRO,
    );
    expect(good).toMatchObject({ status: 'skip', cause: 'WIFI_NO_SSID' });
    expect(good.summary).toContain('not checked: name the site network');
    expect(good.summary).toContain('Neighbour');
    // One visible network that suits is still not the site network.
    expect(adviseWifi([bss({ ssid: 'Neighbour', channel: 6 })], PRO)).toMatchObject({
      status: 'skip',
      cause: 'WIFI_NO_SSID',
    });
    // 0 of N suitable: the same verdict, candidates listed.
    const none = adviseWifi([bss({ ssid: 'Cafe', channel: 13 }), bss({ ssid: 'Shop', channel: 12 })], PRO);
    expect(none).toMatchObject({ status: 'skip', cause: 'WIFI_NO_SSID' });
    expect(none.summary).toMatch(/none of the 2 visible networks would suit the charger: .*Cafe/);
  });

  it('keeps the evidence JSON-safe (plain data round-trips)', () => {
    const a = adviseWifi([bss({ ssid: 'x\u001b[31m', channel: 6 })], PRO, { ssid: 'x\u001b[31m' });
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(a.summary).not.toContain('\u001b');
    expect(a.summary).toContain('\\x1b');
  });
});

describe('Wi-Fi advice on recorded scans', () => {
  const scan = (f: string): BssRecord[] =>
    parseScanText(readFileSync(new URL(`../../../fixtures/platform/${f}`, import.meta.url), 'utf8')).records;

  it('nodewifi nmcli: the connected network is 5 GHz only -> WIFI_NO_24GHZ; NERMNET on 1 passes', () => {
    expect(adviseWifi(scan('linux/nmcli-t-dev-wifi-list-nodewifi.txt'), PRO).cause).toBe('WIFI_NO_24GHZ');
    const n = adviseWifi(scan('linux/nmcli-t-dev-wifi-list-nodewifi.txt'), PRO, { ssid: 'NERMNET' });
    expect(n.networks[0]?.chosen?.channel).toBe(1);
  });

  it('accesspoints iwlist: Ziggo (802.1X on channel 13) fails on the channel first', () => {
    const a = adviseWifi(scan('linux/iwlist-scan-accesspoints.txt'), PRO, { ssid: 'Ziggo' });
    expect(a.cause).toBe('WIFI_CHANNEL_OUT_OF_RANGE');
    expect(a.networks[0]?.findings.map((f) => f.cause)).toContain('WIFI_SECURITY_UNSUPPORTED');
  });

  it('campus iw scan: eduroam is enterprise', () => {
    expect(
      adviseWifi(scan('linux/iw-wlan0-scan-raspi-campus-bssload-with-prompt.txt'), PRO, { ssid: 'eduroam' })
        .cause,
    ).toBe('WIFI_SECURITY_UNSUPPORTED');
  });

  it('netsh fragment: a WPA3-only network fails for the Go', () => {
    const a = adviseWifi(
      scan('windows/netsh-wlan-networks-bssid-en-fragment-wifi7-hash-to-element.txt'),
      GO,
      { ssid: '7-Deco-B71C-MLO' },
    );
    expect(a.status).toBe('fail');
  });

  it('sonoma system_profiler: Verizon_L7ZQ6V uses 40 MHz on channel 1', () => {
    const a = adviseWifi(
      scan('macos/system_profiler-SPAirPortDataType-tauritest-sonoma-truncated.txt'),
      PRO,
      { ssid: 'Verizon_L7ZQ6V' },
    );
    expect(a.networks[0]?.findings.map((f) => f.cause)).toContain('WIFI_WIDE_CHANNEL');
  });
});
