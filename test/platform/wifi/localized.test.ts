import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectScanFormat, parseScanText } from '../../../src/platform/wifi/detect.js';
import { parseNetshInterfaces, parseNetshNetworks } from '../../../src/platform/wifi/netsh.js';
import { parseNmcliTabular, parseNmcliTerse } from '../../../src/platform/wifi/nmcli.js';
import { cutColumns, headerColumns } from '../../../src/platform/wifi/common.js';
import type { BssRecord } from '../../../src/platform/wifi/types.js';

const dir = new URL('../../../fixtures/platform/', import.meta.url);
const read = (f: string): string => readFileSync(new URL(f, dir), 'utf8');
const windows = readdirSync(new URL('windows/', dir)).filter((f) => f.startsWith('netsh-wlan-'));
const networks = windows.filter((f) => f.startsWith('netsh-wlan-networks-bssid-')).map((f) => `windows/${f}`);
const interfaces = windows
  .filter((f) => f.startsWith('netsh-wlan-show-interfaces-'))
  .map((f) => `windows/${f}`);

/** What structure alone must give: the networks, where they are on air and how strong. */
const placed = (r: BssRecord): unknown[] => [
  r.ssid,
  r.bssid,
  r.signalPercent,
  r.channel,
  r.band,
  r.connected,
];

describe('netsh is read by structure, in any language', () => {
  it('has localized fixtures to prove it on', () => {
    expect(networks.length).toBeGreaterThanOrEqual(10);
    expect(interfaces.length).toBeGreaterThanOrEqual(5);
  });

  for (const f of networks) {
    it(`${f}: the label tables switched off give the same SSIDs, BSSIDs, signals, channels and bands`, () => {
      const text = read(f);
      const withTables = parseNetshNetworks(text);
      const structureOnly = parseNetshNetworks(text, { labels: false });
      expect(withTables.records.length).toBeGreaterThan(0);
      expect(structureOnly.records.map(placed)).toEqual(withTables.records.map(placed));
      // Every BSSID line of the capture became a network.
      const bssidLines = text.split(/\r?\n/).filter((l) => /^\s*BSSID\w*\s+\d+\s*:/.test(l)).length;
      expect(withTables.records).toHaveLength(bssidLines);
    });
  }

  for (const f of interfaces) {
    it(`${f}: the connected network is found with the label tables switched off`, () => {
      const text = read(f);
      const withTables = parseNetshInterfaces(text);
      const structureOnly = parseNetshInterfaces(text, { labels: false });
      expect(withTables.records).toHaveLength(1);
      expect(withTables.records[0]?.connected).toBe(true);
      expect(structureOnly.records.map(placed)).toEqual(withTables.records.map(placed));
    });
  }

  it('a Japanese scan, a language with no table, yields its network', () => {
    const text = read('windows/netsh-wlan-networks-bssid-ja-fragment-go-comment.txt');
    expect(detectScanFormat(text)).toBe('netsh-networks');
    for (const labels of [true, false]) {
      const scan = parseNetshNetworks(text, { labels });
      expect(scan.records).toHaveLength(1);
      expect(scan.records[0]).toMatchObject({
        ssid: 'aterm-82aef0-g',
        bssid: 'c0:25:a2:c0:31:55',
        signalPercent: 48,
        channel: 11,
        band: '2.4',
      });
    }
  });

  it('authentication comes from its tokens; a localized Personal word only refines it', () => {
    const ja = read('windows/netsh-wlan-networks-bssid-ja-fragment-go-comment.txt');
    expect(parseNetshNetworks(ja).records[0]?.security).toEqual(['wpa2-personal']);
    // Without the word table "WPA2-パーソナル" is WPA2 of an unknown kind: not guessed.
    expect(parseNetshNetworks(ja, { labels: false }).records[0]?.security).toEqual([]);
    // An open network is told by the absence of tokens, in any language ("Offen" / "Keine").
    const de = parseNetshNetworks(read('windows/netsh-wlan-networks-bssid-de-heatmapper.txt'), {
      labels: false,
    });
    expect(de.records.find((r) => r.ssid === 'SSID-2')?.security).toEqual(['open']);
    const fr = parseNetshInterfaces(read('windows/netsh-wlan-show-interfaces-fr-heatmapper.txt'), {
      labels: false,
    });
    expect(fr.records[0]?.security).toEqual(['open']);
    const de802 = parseNetshInterfaces(read('windows/netsh-wlan-show-interfaces-de-heatmapper.txt'));
    expect(de802.records[0]?.security).toEqual(['wpa2-enterprise']);
  });

  it('says a scan-shaped text it cannot read is not "0 networks"', () => {
    // Derived from a real capture: the German scan with every line indented deeper than its BSSID lines
    // removed (signal, radio type, band, channel ...), so its 5 SSID blocks keep their shape but no network
    // can be placed on a channel.
    const full = read('windows/netsh-wlan-networks-bssid-de-heatmapper.txt').split('\n');
    const cut = full.filter((l) => !/^\s{4,}/.test(l) || /^\s{3}\S/.test(l)).join('\n');
    const scan = parseScanText(cut);
    expect(scan.format).toBe('netsh-networks');
    expect(scan.records).toHaveLength(0);
    expect(scan.unread).toEqual({ blocks: 5, why: 'language' });
    expect(scan.notes.join(' ')).toMatch(/looks like a netsh scan in a language zapcheck does not read; 5/);
    // A readable scan never carries the mark.
    expect(parseScanText(full.join('\n')).unread).toBeUndefined();
  });

  it('a netsh listing whose driver printed no BSSID sub-blocks says that, not a language problem', () => {
    const scan = parseScanText(
      read('windows/netsh-wlan-networks-en-no-bssid-blocks-nodewifiscanner-issue5.txt'),
    );
    expect(scan.format).toBe('netsh-networks');
    expect(scan.records).toHaveLength(0);
    expect(scan.unread).toEqual({ blocks: 1, why: 'no-details' });
    expect(scan.notes.join(' ')).toMatch(/1 network\(s\) without BSSID details/);
  });
});

describe('tables are cut by display width', () => {
  it('a Japanese nmcli table (インフラ in MODE) keeps every row and every column', () => {
    const text = read('linux/nmcli-dev-wifi-list-tabular-ja-wide-mode-notes.txt');
    expect(detectScanFormat(text)).toBe('nmcli-tabular');
    const scan = parseNmcliTabular(text);
    expect(scan.records).toHaveLength(12);
    expect(scan.records[0]).toMatchObject({
      ssid: 'rs500m-10f3e4-1',
      bssid: '58:52:8a:10:f3:e7',
      channel: 1,
      signalPercent: 100,
      security: ['wpa2-personal'],
    });
    expect(scan.records.find((r) => r.ssid === '0001docomo')?.security).toEqual(['wpa2-enterprise']);
    expect(scan.records.find((r) => r.ssid === '801ZTa-C6752F')).toMatchObject({
      channel: 8,
      signalPercent: 64,
    });
    expect(scan.notes).toEqual([]);
  });
});

describe('nmcli -t -f ALL in another language', () => {
  it('Polish (Infrastruktura, (brak), nie) parses into every network of both devices', () => {
    const pl = parseNmcliTerse(read('linux/nmcli-t-f-ALL-dev-wifi-list-nmtestsuite-pl_PL.txt'));
    const c = parseNmcliTerse(read('linux/nmcli-t-f-ALL-dev-wifi-list-nmtestsuite-C.txt'));
    expect(pl.records).toHaveLength(4);
    expect(pl.records.map((r) => [r.ssid, r.bssid, r.channel, r.band, r.signalPercent, r.security])).toEqual(
      c.records.map((r) => [r.ssid, r.bssid, r.channel, r.band, r.signalPercent, r.security]),
    );
    expect(pl.records.map((r) => r.ssid)).toContain('wlan1-ap-4');
    expect(pl.notes).toEqual([]);
  });
});

describe('display-width column cutting', () => {
  // Unit test of the helper on a constructed row (not an OS-output fixture): a combining accent takes no
  // column, a wide character two, so every later cell still starts where its header does.
  it('counts combining marks as zero columns and wide characters as two', () => {
    const header = 'SSID      MODE      CHAN';
    const cols = headerColumns(header);
    expect(cols.map((c) => c.start)).toEqual([0, 10, 20]);
    const row = 'Cafe\u0301      インフラ  6';
    expect(
      cutColumns(
        row,
        cols.map((c) => c.start),
      ),
    ).toEqual(['Cafe\u0301', 'インフラ', '6']);
  });
});
