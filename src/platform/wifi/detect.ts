/**
 * `--scan-file`: which tool produced a saved scan, and its parse. Detection looks for each tool's unmistakable
 * markers (headers, block starts); terse nmcli, which has none, is tried last.
 */
import { parseIwScan } from './iw.js';
import { parseIwlistScan } from './iwlist.js';
import {
  parseAirportInfo,
  parseAirportScan,
  parseSystemProfilerJson,
  parseSystemProfilerText,
  parseWdutilInfo,
} from './macos.js';
import { parseNetshInterfaces, parseNetshNetworks } from './netsh.js';
import { parseNmcliTabular, parseNmcliTerse } from './nmcli.js';
import type { ParsedScan, ScanFormat } from './types.js';

export const SCAN_FORMAT_NAMES: Record<ScanFormat, string> = {
  'nmcli-terse': 'nmcli -t device wifi list (Linux, NetworkManager)',
  'nmcli-tabular': 'nmcli device wifi list (Linux, NetworkManager, table)',
  'iw-scan': 'iw dev <if> scan (Linux)',
  'iwlist-scan': 'iwlist <if> scan (Linux, wireless extensions)',
  'airport-scan': 'airport -s (macOS up to 14.3)',
  'airport-info': 'airport -I (macOS, current connection only)',
  'wdutil-info': 'wdutil info (macOS, current connection only)',
  'system-profiler-text': 'system_profiler SPAirPortDataType (macOS)',
  'system-profiler-json': 'system_profiler -json SPAirPortDataType (macOS)',
  'netsh-networks': 'netsh wlan show networks mode=bssid (Windows)',
  'netsh-interfaces': 'netsh wlan show interfaces (Windows, current connection only)',
  unknown: 'unknown',
};

/** Which tool produced `text`; 'unknown' when nothing matches. Pure and cheap: regex tests only. */
export function detectScanFormat(text: string): ScanFormat {
  const head = text.slice(0, 200_000);
  const trimmed = head.trimStart();
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && head.includes('SPAirPortDataType')) {
    return 'system-profiler-json';
  }
  if (/^\s*SSID BSSID\s+RSSI\s+CHANNEL/m.test(head)) return 'airport-scan';
  if (/^\s*agrCtlRSSI:/m.test(head)) return 'airport-info';
  if (/^WIFI\s*$/m.test(head) && /^\s+Op Mode\s+:/m.test(head)) return 'wdutil-info';
  if (/^\s*(?:Current Network Information|Other Local Wi-Fi Networks):\s*$/m.test(head))
    return 'system-profiler-text';
  if (/^\s*(?:Wi-Fi|AirPort):\s*$/m.test(head) && /^\s*Interfaces:\s*$/m.test(head))
    return 'system-profiler-text';
  if (/^BSS [0-9a-fx]{1,2}(?::[0-9a-fx]{1,2}){5}/im.test(head)) return 'iw-scan';
  if (/^\s*Cell \d+ - Address:/m.test(head)) return 'iwlist-scan';
  if (/^\s{0,2}SSID \d+\s*:/m.test(head)) return 'netsh-networks';
  if (/^\s+SSID\s+:/m.test(head) && /^\s+GUID\s+:/m.test(head)) return 'netsh-interfaces';
  if (/^\s*IN-USE\s+BSSID\s+SSID\s/m.test(head) || /^\s*\*?\s+SSID\s+MODE\s+CHAN\s/m.test(head))
    return 'nmcli-tabular';
  const terse = parseNmcliTerse(head);
  if (terse.records.length > 0 || terse.notes.some((n) => n.includes('cannot be placed')))
    return 'nmcli-terse';
  return 'unknown';
}

const PARSERS: Record<Exclude<ScanFormat, 'unknown'>, (text: string) => ParsedScan> = {
  'nmcli-terse': (t) => parseNmcliTerse(t),
  'nmcli-tabular': parseNmcliTabular,
  'iw-scan': parseIwScan,
  'iwlist-scan': parseIwlistScan,
  'airport-scan': parseAirportScan,
  'airport-info': parseAirportInfo,
  'wdutil-info': parseWdutilInfo,
  'system-profiler-text': parseSystemProfilerText,
  'system-profiler-json': parseSystemProfilerJson,
  'netsh-networks': parseNetshNetworks,
  'netsh-interfaces': parseNetshInterfaces,
};

/** Detects the format and parses; never throws. */
export function parseScanText(text: string, format: ScanFormat = detectScanFormat(text)): ParsedScan {
  if (format === 'unknown') {
    return {
      format,
      tool: 'unknown',
      records: [],
      notes: ['not the output of a Wi-Fi scanner zapcheck knows'],
    };
  }
  try {
    return PARSERS[format](text);
  } catch (err) {
    // A parser bug must not break the run: report it as a note (fuzz tests keep this path unused).
    return { format, tool: SCAN_FORMAT_NAMES[format], records: [], notes: [`parser error: ${String(err)}`] };
  }
}
