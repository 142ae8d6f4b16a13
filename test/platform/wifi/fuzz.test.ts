import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectScanFormat, parseScanText } from '../../../src/platform/wifi/detect.js';
import { parseIwScan } from '../../../src/platform/wifi/iw.js';
import { parseIwlistScan } from '../../../src/platform/wifi/iwlist.js';
import {
  parseAirportScan,
  parseSystemProfilerJson,
  parseSystemProfilerText,
  parseWdutilInfo,
} from '../../../src/platform/wifi/macos.js';
import { parseNetshInterfaces, parseNetshNetworks } from '../../../src/platform/wifi/netsh.js';
import { parseNmcliTabular, parseNmcliTerse } from '../../../src/platform/wifi/nmcli.js';
import { ZAPTEC_PRO } from '../../../src/profile/builtin.js';
import type { WifiRules } from '../../../src/profile/types.js';
import { adviseWifi } from '../../../src/checks/wifi/advice.js';
import { escapeForDisplay, isDisplaySafe } from '../../../src/core/display.js';

const runs = process.env.ZAPCHECK_FUZZ === 'full' ? 5000 : 300;
const parsers = [
  parseNmcliTerse,
  parseNmcliTabular,
  parseIwScan,
  parseIwlistScan,
  parseAirportScan,
  parseSystemProfilerText,
  parseSystemProfilerJson,
  parseNetshNetworks,
  parseNetshInterfaces,
  parseWdutilInfo,
  (t: string) => parseNetshNetworks(t, { labels: false }),
  (t: string) => parseNetshInterfaces(t, { labels: false }),
  (t: string) => parseScanText(t),
];

/** Hostile SSID material: control characters, ESC sequences, NUL, bidi overrides, lone surrogates. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u001b[2J\u001b]0;pwned\u0007',
    '\u0000\u0000\u0000',
    '\u202eevil',
    '\ud800',
    'a\rb\nc',
    '\u009b31m',
  ),
);

describe('fuzz: Wi-Fi parsers and display', () => {
  it('parsers never throw on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        for (const p of parsers) p(text);
        detectScanFormat(text);
      }),
      { numRuns: runs },
    );
  });

  it('parsers never throw on mutated real-looking lines', () => {
    const lines = fc.array(
      fc.oneof(
        hostile.map(
          (s) =>
            ` :02\\:00\\:00\\:00\\:00\\:01:${s.replace(/[:\\]/g, (m) => `\\${m}`)}:Infra:6:130 Mbit/s:80:▂▄▆_:WPA2`,
        ),
        hostile.map(
          (s) => `BSS 02:00:00:00:00:01(on wlan0)\n\tfreq: 2437\n\tsignal: -50.00 dBm\n\tSSID: ${s}`,
        ),
        hostile.map(
          (s) =>
            `          Cell 01 - Address: 02:00:00:00:00:01\n                    Channel:6\n                    ESSID:"${s}"`,
        ),
        hostile.map(
          (s) =>
            `SSID 1 : ${s}\n    Authentication : WPA2-Personal\n    Encryption : CCMP\n    BSSID 1 : 02:00:00:00:00:01\n         Signal : 80%\n         Channel : 6`,
        ),
        hostile.map((s) => `${s.padStart(32)} 02:00:00:00:00:01 -50  6       Y  -- WPA2(PSK/AES/AES)`),
      ),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(lines, (ls) => {
        const text = ls.join('\n');
        for (const p of parsers) {
          const scan = p(text);
          const advice = adviseWifi(scan.records, ZAPTEC_PRO.wifi as WifiRules);
          // Everything a person reads is free of control characters.
          expect(isDisplaySafe(advice.summary)).toBe(true);
          for (const n of advice.networks) {
            expect(isDisplaySafe(n.ssidDisplay)).toBe(true);
            for (const f of n.findings) expect(isDisplaySafe(f.summary)).toBe(true);
          }
          // JSON keeps plain data.
          expect(() => JSON.stringify(scan)).not.toThrow();
        }
      }),
      { numRuns: runs },
    );
  });

  it('escapeForDisplay never emits raw control, bidi or surrogate characters', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(isDisplaySafe(escapeForDisplay(s, 1000))).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('iw \\xNN escapes keep the exact bytes; invalid UTF-8 shows as \\xNN', () => {
    const scan = parseIwScan(
      'BSS 02:00:00:00:00:01(on wlan0)\n\tfreq: 2412\n\tsignal: -50.00 dBm\n\tSSID: a\\xff\\x1b[31mb\n',
    );
    expect(scan.records[0]).toMatchObject({ ssidHex: '61FF1B5B33316D62', ssid: 'a\\xff\u001b[31mb' });
    expect(escapeForDisplay(scan.records[0]?.ssid ?? '')).toBe('a\\xff\\x1b[31mb');
  });
});
