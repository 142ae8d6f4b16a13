import type { WifiBand, WifiSecurity } from '../../profile/types.js';

/**
 * One BSS (one radio, one SSID) as a scanner reported it, normalized across tools.
 * JSON-safe: every field is plain data. `ssid` is the exact name as text (C0/C1 control characters kept as
 * they are: JSON escapes them); `ssidHex` is the exact bytes when the tool gave them (nmcli SSID-HEX, iw/iwlist
 * \xNN escapes), so an SSID that is not valid UTF-8 survives exactly. Display code must escape `ssid`
 * (see escapeSsidForDisplay) before printing it.
 */
export interface BssRecord {
  ssid: string;
  ssidHex?: string;
  /** Lowercase colon-separated MAC; null when the tool hides it (macOS without Location permission). */
  bssid: string | null;
  band: WifiBand;
  /** Primary channel. */
  channel: number;
  /** Centre frequency of the primary channel, MHz (derived from channel and band when the tool omits it). */
  frequencyMhz: number;
  /** Channel width in MHz when the tool says it (20, 40, 80, 160, 320). */
  widthMhz?: number;
  /** Signal at this spot in dBm; converted from percent where the tool only gives percent (see signalSource). */
  signalDbm: number | null;
  /** How signalDbm was obtained: measured dBm, or converted from a percentage by a documented formula. */
  signalSource: 'dbm' | 'percent-nmcli' | 'percent-windows' | 'percent-generic' | 'none';
  /** The percentage as the tool printed it, when it printed one. */
  signalPercent?: number;
  /** Normalized security modes the BSS offers (mixed WPA2/WPA3 lists both). Empty = unknown. */
  security: WifiSecurity[];
  /** The tool's own security text, for evidence. */
  securityRaw: string;
  /** The laptop is associated with this BSS (or, without a BSSID, with this SSID on this channel). */
  connected: boolean;
  /** The SSID is not broadcast (empty, or all NUL bytes). */
  hidden: boolean;
}

/** Which tool produced a scan text. */
export type ScanFormat =
  | 'nmcli-terse'
  | 'nmcli-tabular'
  | 'iw-scan'
  | 'iwlist-scan'
  | 'airport-scan'
  | 'airport-info'
  | 'wdutil-info'
  | 'system-profiler-text'
  | 'system-profiler-json'
  | 'netsh-networks'
  | 'netsh-interfaces'
  | 'unknown';

export interface ParsedScan {
  format: ScanFormat;
  /** The tool as a person would name it, e.g. "nmcli (terse)", "netsh wlan show networks mode=bssid (German)". */
  tool: string;
  records: BssRecord[];
  /** Things worth knowing about the parse: skipped lines, repaired mojibake, hidden BSSIDs. */
  notes: string[];
  /**
   * Set when the text has this tool's structure (e.g. netsh `SSID <n>` blocks) but no network could be read
   * from it: how many blocks were skipped. The caller says so and asks for the file instead of "0 networks".
   */
  unread?: {
    blocks: number;
    /** 'language': blocks with details zapcheck could not read; 'no-details': the tool gave no BSSID details. */
    why: 'language' | 'no-details';
  };
}

/** What the wifiScan probe returns. */
export interface WifiScan extends ParsedScan {
  /** Where it came from: the command run, or the file read. */
  source: { kind: 'command'; command: string } | { kind: 'file'; path: string } | { kind: 'text' };
}
