import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { detectScanFormat, parseScanText } from '../../../src/platform/wifi/detect.js';
import type { BssRecord, ScanFormat } from '../../../src/platform/wifi/types.js';

const read = (f: string): string =>
  readFileSync(new URL(`../../../fixtures/platform/${f}`, import.meta.url), 'utf8');

type Want = Partial<BssRecord> & { ssid: string };

/** Each fixture: the format it must be detected as, how many networks a reader counts, and some of them. */
const CASES: { file: string; format: ScanFormat; count: number; want: Want[] }[] = [
  {
    file: 'linux/nmcli-t-dev-wifi-list-heatmapper-escaped-backslash-colon.txt',
    format: 'nmcli-terse',
    count: 11,
    want: [
      {
        ssid: 'SSID-1',
        bssid: 'fe:dc:ba:09:87:01',
        channel: 6,
        band: '2.4',
        signalPercent: 100,
        signalDbm: -40,
      },
      { ssid: 'SSID-2-\\foo:bar', channel: 6, band: '2.4', security: ['wpa2-personal'] },
      {
        ssid: 'SSID-11',
        channel: 11,
        signalPercent: 15,
        signalDbm: -91,
        security: ['wpa2-personal', 'wpa3-personal'],
      },
      { ssid: 'SSID-3', channel: 1, connected: true, signalDbm: -48, security: ['open'] },
    ],
  },
  {
    file: 'linux/nmcli-t-dev-wifi-list-heatmapper-single-line-colon-ssid.txt',
    format: 'nmcli-terse',
    count: 1,
    want: [
      {
        ssid: 'GL-MT300N-V2-3e5-\\foo:Guest',
        bssid: 'e6:95:6e:55:b3:e5',
        channel: 6,
        band: '2.4',
        signalDbm: -40,
      },
    ],
  },
  {
    file: 'linux/nmcli-t-dev-wifi-list-heatmapper-single-line-backslashes.txt',
    format: 'nmcli-terse',
    count: 1,
    want: [{ ssid: '\\H\\B\\T\\L', channel: 1, connected: true }],
  },
  {
    file: 'linux/nmcli-t-dev-wifi-list-nmtestsuite-common-C.txt',
    format: 'nmcli-terse',
    count: 4,
    want: [
      { ssid: 'wlan0-ap-2', band: '5', channel: 44, frequencyMhz: 5220, signalPercent: 92 },
      { ssid: 'wlan0-ap-1', band: '2.4', channel: 6, security: ['wpa'] },
      { ssid: 'wlan0-ap-3', band: '6', channel: 129, security: ['wpa3-personal'] },
      { ssid: 'wlan1-ap-4', band: '2.4', channel: 1, signalPercent: 48 },
    ],
  },
  {
    file: 'linux/nmcli-t-f-ALL-dev-wifi-list-nmtestsuite-C.txt',
    format: 'nmcli-terse',
    count: 4,
    want: [
      { ssid: 'wlan0-ap-1', ssidHex: '776C616E302D61702D31', channel: 6, frequencyMhz: 2437, widthMhz: 40 },
      { ssid: 'wlan0-ap-3', band: '6', frequencyMhz: 6595, channel: 129 },
    ],
  },
  {
    file: 'linux/nmcli-t-dev-wifi-list-nodewifi.txt',
    format: 'nmcli-terse',
    count: 14,
    want: [
      { ssid: 'Linksys01777-invité', channel: 11, band: '2.4', security: ['open'] },
      { ssid: 'Linksys01777_5GHz', channel: 36, band: '5', connected: true },
      { ssid: 'NERMNET', channel: 13, frequencyMhz: 2472, bssid: '91:48:27:4b:7c:5a' },
      { ssid: '', hidden: true, channel: 100, band: '5' },
    ],
  },
  {
    file: 'linux/nmcli-dev-wifi-list-nmtestsuite-tabular-C-6ghz.txt',
    format: 'nmcli-tabular',
    count: 4,
    want: [
      { ssid: 'wlan0-ap-1', channel: 6, band: '2.4', signalPercent: 81 },
      { ssid: 'wlan0-ap-3', channel: 129, band: '6' },
    ],
  },
  {
    file: 'linux/nmcli-dev-wifi-list-nmtestsuite-tabular-pl_PL-thinspace.txt',
    format: 'nmcli-tabular',
    count: 4,
    want: [{ ssid: 'wlan1-ap-4', channel: 1, band: '2.4', signalPercent: 48, bssid: '94:2b:e8:f6:d2:86' }],
  },
  {
    file: 'linux/nmcli-pretty-dev-wifi-list-nmtestsuite-C.txt',
    format: 'nmcli-tabular',
    count: 4,
    want: [{ ssid: 'wlan0-ap-2', channel: 44, band: '5', security: ['wpa', 'wpa2-personal'] }],
  },
  {
    file: 'linux/iw-dev-scan-jc-scan0.txt',
    format: 'iw-scan',
    count: 2,
    want: [
      { ssid: 'Cisco1240', channel: 1, band: '2.4', signalDbm: -45, security: ['open'] },
      { ssid: 'Cisco1250', channel: 11, signalDbm: -70, bssid: 'd0:d0:fd:69:ca:70' },
    ],
  },
  {
    file: 'linux/iw-dev-scan-jc-scan2-wifi6.txt',
    format: 'iw-scan',
    count: 1,
    want: [
      { ssid: 'Troubleshooting', channel: 1, signalDbm: -54, widthMhz: 20, security: ['wpa2-personal'] },
    ],
  },
  {
    file: 'linux/iw-wlan0-scan-raspi-campus-bssload-with-prompt.txt',
    format: 'iw-scan',
    count: 18,
    want: [
      {
        ssid: 'WIFI_IUTB_IOT',
        bssid: '70:f0:96:d2:e0:62',
        channel: 1,
        signalDbm: -64,
        security: ['wpa2-personal'],
      },
      {
        ssid: 'eduroam',
        bssid: 'cc:db:93:d1:06:c0',
        channel: 1,
        signalDbm: -83,
        security: ['wpa2-enterprise'],
      },
      { ssid: 'UM-net', bssid: '70:f0:96:d2:d8:01', channel: 11, signalDbm: -84, security: ['open'] },
    ],
  },
  {
    file: 'linux/iwlist-scan-accesspoints.txt',
    format: 'iwlist-scan',
    count: 9,
    want: [
      { ssid: 'Thomson19D0C8', channel: 10, signalDbm: -53, security: ['wpa2-personal', 'wpa'] },
      { ssid: 'Ziggo', channel: 13, frequencyMhz: 2472, security: ['wpa2-enterprise'] },
      { ssid: 'Free Wi-Fi Zeist ', channel: 13, security: ['open'] },
    ],
  },
  {
    file: 'linux/iwlist-scan-nodewifiscanner-raspi-02.txt',
    format: 'iwlist-scan',
    count: 3,
    want: [
      { ssid: 'gsy-97796', channel: 6, signalDbm: -76 },
      { ssid: 'Raupo', channel: 9, signalDbm: -74 },
    ],
  },
  {
    file: 'linux/iwlist-scan-nodewifiscanner-ubuntu1404.txt',
    format: 'iwlist-scan',
    count: 29,
    want: [{ ssid: 'TEST Training', channel: 6, security: ['wpa'] }],
  },
  {
    file: 'linux/iwlist-scan-ntc-percent-signal-5ghz-no-channel.txt',
    format: 'iwlist-scan',
    count: 5,
    want: [
      { ssid: 'Awdin', channel: 3, signalPercent: 56, signalDbm: -72, signalSource: 'percent-generic' },
      { ssid: 'Some-SSID', band: '5', channel: 161, frequencyMhz: 5805 },
      { ssid: '', hidden: true, channel: 3 },
    ],
  },
  {
    file: 'linux/iwlist-scan-ntc-usb-hidden-ssids.txt',
    format: 'iwlist-scan',
    count: 11,
    want: [
      { ssid: 'MOVISTAR_9880', channel: 1, signalDbm: -87 },
      { ssid: 'qwdnqwod', channel: 3, signalDbm: -52 },
      { ssid: '', hidden: true, channel: 1, signalDbm: -89 },
    ],
  },
  {
    file: 'macos/airport-s-jc-10.14.6.txt',
    format: 'airport-scan',
    count: 14,
    want: [
      { ssid: 'DIRECT-4A-HP OfficeJet 3830', channel: 6, signalDbm: -91, bssid: '00:68:eb:2b:b7:3b' },
      { ssid: 'XFINITY', channel: 36, band: '5', security: ['wpa2-enterprise'] },
      { ssid: 'SnazzleDazzle', channel: 3, widthMhz: 40, signalDbm: -62 },
    ],
  },
  {
    file: 'macos/airport-s-nodewifi-unicode-shifted.txt',
    format: 'airport-scan',
    count: 4,
    want: [
      { ssid: 'Linksys02787-invité', channel: 11, signalDbm: -33, security: ['open'] },
      { ssid: 'NERMNET', channel: 1, widthMhz: 40, signalDbm: -53 },
    ],
  },
  {
    file: 'macos/airport-s-nodewifi-ssid-space.txt',
    format: 'airport-scan',
    count: 3,
    want: [{ ssid: 'Terminus 1', channel: 4, signalDbm: -26 }],
  },
  {
    file: 'macos/airport-s-nodewifi-monterey-no-bssid.txt',
    format: 'airport-scan',
    count: 4,
    want: [{ ssid: 'XXXX-2.4GHz', bssid: null, channel: 11, signalDbm: -27 }],
  },
  {
    file: 'macos/airport-s-nodewifi-01.txt',
    format: 'airport-scan',
    count: 4,
    want: [{ ssid: 'NERMNET', channel: 1, signalDbm: -55, security: ['wpa', 'wpa2-personal'] }],
  },
  {
    file: 'macos/airport-s-nodewifiscanner-01.txt',
    format: 'airport-scan',
    count: 36,
    want: [
      { ssid: 'OurTest', bssid: null, channel: 112, band: '5' },
      { ssid: 'TEST Training', channel: 6, signalDbm: -71 },
    ],
  },
  {
    file: 'macos/airport-s-accesspoints-masked.txt',
    format: 'airport-scan',
    count: 5,
    want: [{ ssid: 'XXXXXXXXX', channel: 8, signalDbm: -52, security: ['wpa'] }],
  },
  {
    file: 'macos/airport-s-accesspoints-monterey-masked.txt',
    format: 'airport-scan',
    count: 5,
    want: [{ ssid: 'XX-XXX', channel: 10, signalDbm: -75, bssid: null }],
  },
  {
    file: 'macos/airport-I-jc-10.14.6.txt',
    format: 'airport-info',
    count: 1,
    want: [{ ssid: 'SnazzleDazzle', channel: 48, widthMhz: 80, signalDbm: -66, connected: true }],
  },
  {
    file: 'macos/airport-I-nodewifi.txt',
    format: 'airport-info',
    count: 1,
    want: [{ ssid: 'Linksys01227_5GHz', channel: 36, bssid: '31:23:03:1a:9f:1d', connected: true }],
  },
  {
    file: 'macos/wdutil-info-heatmapper-macos12-2.4ghz.txt',
    format: 'wdutil-info',
    count: 1,
    want: [
      {
        ssid: 'SomeSSID-2.4',
        bssid: 'fe:dc:ba:09:87:65',
        channel: 1,
        band: '2.4',
        widthMhz: 20,
        signalDbm: -55,
        security: ['open'],
        connected: true,
      },
    ],
  },
  {
    file: 'macos/wdutil-info-heatmapper-macos12-5ghz-dfs.txt',
    format: 'wdutil-info',
    count: 1,
    want: [
      {
        ssid: 'SomeSSID-5',
        channel: 144,
        band: '5',
        widthMhz: 40,
        signalDbm: -61,
        security: ['wpa2-personal'],
      },
    ],
  },
  {
    file: 'macos/wdutil-info-heatmapper-macos15-2.4ghz-redacted.txt',
    format: 'wdutil-info',
    count: 1,
    want: [
      { ssid: '', bssid: null, hidden: false, channel: 1, band: '2.4', signalDbm: -63, security: ['open'] },
    ],
  },
  {
    file: 'macos/wdutil-info-heatmapper-macos15-5ghz.txt',
    format: 'wdutil-info',
    count: 1,
    want: [{ channel: 44, band: '5', widthMhz: 40, signalDbm: -79, security: ['wpa2-personal'], ssid: '' }],
  },
  {
    file: 'macos/wdutil-info-heatmapper-not-associated.txt',
    format: 'wdutil-info',
    count: 0,
    want: [],
  },
  {
    file: 'linux/nmcli-t-f-ALL-dev-wifi-list-nmtestsuite-pl_PL.txt',
    format: 'nmcli-terse',
    count: 4,
    want: [
      { ssid: 'wlan0-ap-1', bssid: '61:95:77:ac:1e:4c', channel: 6, widthMhz: 40, security: ['wpa'] },
      { ssid: 'wlan1-ap-4', channel: 1, band: '2.4', signalPercent: 48 },
    ],
  },
  {
    file: 'linux/nmcli-dev-wifi-list-tabular-ja-wide-mode-notes.txt',
    format: 'nmcli-tabular',
    count: 12,
    want: [{ ssid: 'elecom-a4639b', bssid: '04:ab:18:a4:63:9d', channel: 3, signalPercent: 64 }],
  },
  {
    file: 'windows/netsh-wlan-networks-bssid-fr-heatmapper.txt',
    format: 'netsh-networks',
    count: 8,
    want: [
      { ssid: 'SSID-1', bssid: 'fe:dc:ba:09:87:01', channel: 149, band: '5', signalPercent: 40 },
      { ssid: 'SSID-3', bssid: 'fe:dc:ba:09:87:08', channel: 11, band: '2.4', security: ['open'] },
    ],
  },
  {
    file: 'windows/netsh-wlan-networks-bssid-de-fragment-particle-cli-issue118.txt',
    format: 'netsh-networks',
    count: 1,
    want: [
      { ssid: 'Photon-U8BS', bssid: '6c:0b:84:1b:22:92', channel: 11, signalPercent: 59, security: ['open'] },
    ],
  },
  {
    file: 'windows/netsh-wlan-networks-bssid-ja-fragment-go-comment.txt',
    format: 'netsh-networks',
    count: 1,
    want: [{ ssid: 'aterm-82aef0-g', channel: 11, signalPercent: 48, signalDbm: -76 }],
  },
  {
    file: 'macos/system_profiler-SPAirPortDataType-tauritest-sonoma-truncated.txt',
    format: 'system-profiler-text',
    count: 21,
    want: [
      { ssid: 'G-HOME', channel: 64, band: '5', connected: true, signalDbm: -53 },
      { ssid: 'Router?  I hardly know her!', channel: 11, band: '2.4', signalDbm: -49 },
      { ssid: 'Verizon_L7ZQ6V', channel: 1, widthMhz: 40, signalDbm: -61 },
    ],
  },
  {
    file: 'macos/system_profiler-json-SPAirPortDataType-heatmapper-10.15.7.json',
    format: 'system-profiler-json',
    count: 18,
    want: [
      { ssid: 'SSID-6', channel: 6, connected: true, signalDbm: -55 },
      { ssid: 'SSID-16', channel: 11, widthMhz: 40, signalDbm: -88 },
      { ssid: 'SSID-9', channel: 149, band: '5' },
    ],
  },
  {
    file: 'macos/system_profiler-json-SPAirPortDataType-heatmapper-15.5.json',
    format: 'system-profiler-json',
    count: 6,
    want: [
      { ssid: 'SSID-1', channel: 4, signalDbm: null, security: ['wpa2-personal'] },
      { ssid: 'SSID-2', channel: 6, connected: true, signalDbm: -40 },
    ],
  },
  {
    file: 'macos/system_profiler-json-SPAirPortDataType-heatmapper-15.5-wifi-off.json',
    format: 'system-profiler-json',
    count: 0,
    want: [],
  },
  {
    file: 'windows/netsh-wlan-networks-bssid-en-heatmapper.txt',
    format: 'netsh-networks',
    count: 8,
    want: [
      { ssid: 'SSID-1', bssid: 'fe:dc:ba:09:87:03', channel: 6, signalPercent: 88, signalDbm: -56 },
      { ssid: 'SSID-3', channel: 4, security: ['wpa2-personal'] },
    ],
  },
  {
    file: 'windows/netsh-wlan-networks-bssid-en-heatmapper-hidden-ssid.txt',
    format: 'netsh-networks',
    count: 15,
    want: [
      { ssid: '', hidden: true, channel: 11, signalPercent: 14 },
      { ssid: 'SSID-2', channel: 1, signalPercent: 81, security: ['open'] },
    ],
  },
  {
    file: 'windows/netsh-wlan-networks-bssid-en-win11-wifi7.txt',
    format: 'netsh-networks',
    count: 10,
    want: [
      { ssid: 'MyOfficeWifi', channel: 10, band: '2.4', signalPercent: 96 },
      { ssid: 'HouseWiFi', channel: 1, signalPercent: 88 },
    ],
  },
  {
    file: 'windows/netsh-wlan-networks-bssid-en-fragment-wifi7-hash-to-element.txt',
    format: 'netsh-networks',
    count: 1,
    want: [
      { ssid: '7-Deco-B71C-MLO', channel: 48, band: '5', signalPercent: 90, security: ['wpa3-personal'] },
    ],
  },
  {
    file: 'windows/netsh-wlan-networks-bssid-de-heatmapper.txt',
    format: 'netsh-networks',
    count: 9,
    want: [
      { ssid: 'SSID-1', channel: 6, band: '2.4', signalPercent: 13, security: ['wpa2-personal'] },
      { ssid: 'SSID-2', channel: 149, band: '5', security: ['open'] },
      { ssid: 'SSID-5', channel: 4, signalPercent: 87 },
    ],
  },
  {
    file: 'windows/netsh-wlan-networks-bssid-de-nodewifiscanner.txt',
    format: 'netsh-networks',
    count: 86,
    want: [
      { ssid: '', hidden: true, bssid: '00:f2:8b:8c:a6:88', channel: 1, signalPercent: 23 },
      { ssid: 'Network-1', channel: 6, security: ['wpa'] },
    ],
  },
  {
    file: 'windows/netsh-wlan-networks-bssid-it-heatmapper.txt',
    format: 'netsh-networks',
    count: 11,
    want: [{ ssid: 'SSID-1', channel: 11, band: '2.4', signalPercent: 16 }],
  },
  {
    file: 'windows/netsh-wlan-networks-bssid-es-heatmapper.txt',
    format: 'netsh-networks',
    count: 7,
    want: [
      { ssid: 'SSID-1', channel: 149, band: '5', signalPercent: 53, security: ['open'] },
      { ssid: 'SSID-2', channel: 4, signalPercent: 82 },
    ],
  },
  {
    file: 'windows/netsh-wlan-networks-bssid-es-mojibake-nodewifiscanner.txt',
    format: 'netsh-networks',
    count: 8,
    want: [
      { ssid: 'CARAMANZANAS_BAJA', channel: 9, signalPercent: 28, security: ['wpa'] },
      { ssid: 'EZCastec-59A02EBA', channel: 8, signalPercent: 74 },
    ],
  },
  {
    file: 'windows/netsh-wlan-show-interfaces-en-heatmapper.txt',
    format: 'netsh-interfaces',
    count: 1,
    want: [{ ssid: 'SSID-1', bssid: 'fe:dc:ba:09:87:02', channel: 44, signalPercent: 42, connected: true }],
  },
  {
    file: 'windows/netsh-wlan-show-interfaces-de-heatmapper.txt',
    format: 'netsh-interfaces',
    count: 1,
    want: [{ ssid: 'SSID-1', channel: 116, band: '5', connected: true, security: ['wpa2-enterprise'] }],
  },
  {
    file: 'windows/netsh-wlan-show-interfaces-fr-heatmapper.txt',
    format: 'netsh-interfaces',
    count: 1,
    want: [
      {
        ssid: 'SSID-1',
        bssid: 'fe:dc:ba:09:87:02',
        channel: 11,
        band: '2.4',
        signalPercent: 80,
        security: ['open'],
      },
    ],
  },
  {
    file: 'windows/netsh-wlan-show-interfaces-it-heatmapper.txt',
    format: 'netsh-interfaces',
    count: 1,
    want: [{ ssid: 'SSID-1', channel: 4, signalPercent: 85, connected: true }],
  },
  {
    file: 'windows/netsh-wlan-show-interfaces-es-heatmapper.txt',
    format: 'netsh-interfaces',
    count: 1,
    want: [{ ssid: 'SSID-1', channel: 11, band: '2.4', connected: true }],
  },
];

describe('Wi-Fi scan fixtures parse into the networks a reader would list', () => {
  for (const c of CASES) {
    it(c.file, () => {
      const text = read(c.file);
      expect(detectScanFormat(text)).toBe(c.format);
      const scan = parseScanText(text);
      expect(scan.records).toHaveLength(c.count);
      for (const w of c.want) {
        const match = scan.records.find((r) =>
          Object.entries(w).every(([k, v]) => isDeepStrictEqual(r[k as keyof BssRecord], v)),
        );
        expect(
          match,
          `${c.file}: ${JSON.stringify(w)} in ${JSON.stringify(scan.records.map((r) => [r.ssid, r.channel, r.signalDbm]))}`,
        ).toBeDefined();
      }
    });
  }

  it('a terse nmcli list without channel fields is recognised and says why it cannot place the networks', () => {
    const text = read('linux/nmcli-t-dev-wifi-list-accesspoints-masked.txt');
    expect(detectScanFormat(text)).toBe('nmcli-terse');
    const scan = parseScanText(text);
    expect(scan.records).toHaveLength(0);
    expect(scan.notes.join(' ')).toMatch(/9 network\(s\) without channel/);
  });

  it('repairs CP850 mojibake in the Spanish netsh capture', () => {
    const scan = parseScanText(read('windows/netsh-wlan-networks-bssid-es-mojibake-nodewifiscanner.txt'));
    expect(scan.tool).toMatch(/Spanish/);
    expect(scan.notes.join(' ')).toMatch(/CP850/);
  });

  it('names the language of localized netsh output', () => {
    expect(parseScanText(read('windows/netsh-wlan-networks-bssid-de-heatmapper.txt')).tool).toMatch(/German/);
    expect(parseScanText(read('windows/netsh-wlan-networks-bssid-it-heatmapper.txt')).tool).toMatch(
      /Italian/,
    );
    expect(parseScanText(read('windows/netsh-wlan-show-interfaces-fr-heatmapper.txt')).tool).toMatch(
      /French/,
    );
  });

  it('does not take non-Wi-Fi outputs for scans', () => {
    expect(detectScanFormat('hello\nworld\n')).toBe('unknown');
    expect(detectScanFormat('')).toBe('unknown');
  });
});
