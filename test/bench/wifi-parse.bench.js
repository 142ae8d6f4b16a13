// Benchmark (not a test): parse a 5,000-BSS scan in each major format and compare with a plain line split of
// the same text, measured in the same run. Run after `npm run build`: node test/bench/wifi-parse.bench.js
import { best, ms as fmtMs, ratioLine } from './format.js';
import { parseIwScan } from '../../dist/platform/wifi/iw.js';
import { parseNetshNetworks } from '../../dist/platform/wifi/netsh.js';
import { parseNmcliTabular, parseNmcliTerse } from '../../dist/platform/wifi/nmcli.js';
import { detectScanFormat } from '../../dist/platform/wifi/detect.js';

const N = 5000;
const mac = (i) =>
  `02:00:00:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`;
const ch = (i) => 1 + (i % 11);

const texts = {
  'nmcli -t': Array.from(
    { length: N },
    (_, i) =>
      ` :${mac(i).replace(/:/g, '\\:')}:Net\\:${i}:Infra:${ch(i)}:130 Mbit/s:${30 + (i % 70)}:▂▄▆_:WPA2`,
  ).join('\n'),
  // A Japanese table (MODE "インフラ", 8 display columns): cut by display width with string-width.
  'nmcli table': `IN-USE  BSSID              SSID                 MODE      CHAN  RATE        SIGNAL  BARS  SECURITY    \n${Array.from(
    { length: N },
    (_, i) =>
      `        ${mac(i).toUpperCase()}  ${`Net${i}`.padEnd(21)}インフラ  ${String(ch(i)).padEnd(6)}130 Mbit/s  ${String(30 + (i % 70)).padEnd(8)}▂▄▆_  WPA2        `,
  ).join('\n')}`,
  'iw scan': Array.from(
    { length: N },
    (_, i) =>
      `BSS ${mac(i)}(on wlan0)\n\tfreq: ${2407 + 5 * ch(i)}\n\tcapability: ESS Privacy (0x0411)\n\tsignal: -${40 + (i % 50)}.00 dBm\n\tSSID: Net${i}\n\tDS Parameter set: channel ${ch(i)}\n\tRSN:\t * Version: 1\n\t\t * Authentication suites: PSK\n`,
  ).join(''),
  'netsh networks': `Interface name : Wi-Fi\n${Array.from(
    { length: N },
    (_, i) =>
      `SSID ${i + 1} : Net${i}\n    Network type            : Infrastructure\n    Authentication          : WPA2-Personal\n    Encryption              : CCMP\n    BSSID 1                 : ${mac(i)}\n         Signal             : ${i % 100}%\n         Radio type         : 802.11n\n         Band               : 2.4 GHz\n         Channel            : ${ch(i)}\n`,
  ).join('\n')}`,
};
const parsers = {
  'nmcli -t': (t) => parseNmcliTerse(t),
  'nmcli table': parseNmcliTabular,
  'iw scan': parseIwScan,
  'netsh networks': parseNetshNetworks,
};

for (const [name, text] of Object.entries(texts)) {
  const parse = parsers[name];
  const n = parse(text).records.length;
  if (n !== N) throw new Error(`${name}: parsed ${n} of ${N}`);
  const split = best(() => text.split(/\r\n|\r|\n/).length);
  const parsed = best(() => parse(text));
  const detect = best(() => detectScanFormat(text));
  // One line per format in the format of npm run bench (./format.js).
  console.log(
    ratioLine(`Wi-Fi scan ${N} BSS: ${name} parse / line split`, parsed / split, {
      detail: `best of 7: ${fmtMs(parsed)} / ${fmtMs(split)} (${(text.length / 1024).toFixed(0)} KiB, detect ${fmtMs(detect)}); goal < 100 ms: ${parsed < 100 ? 'met' : 'NOT met'}`,
    }),
  );
}
