import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScanText, SCAN_FORMAT_NAMES } from '../../../src/platform/wifi/detect.js';
import { parseIwScan } from '../../../src/platform/wifi/iw.js';
import { parseIwlistScan } from '../../../src/platform/wifi/iwlist.js';
import { en } from '../../../src/i18n/en.js';
import { it as italian } from '../../../src/i18n/it.js';
import { createTranslator, fromEnglish } from '../../../src/i18n/index.js';
import { ROOT, runCli } from '../../helpers/cli.js';

/**
 * Issue 13: the Wi-Fi parsers' notes are English catalogue sentences (src/platform may not load the
 * catalogue), said again in the user's language by fromEnglish. Every note the recorded scans produce has
 * its template, so an Italian `wifi` or site run shows no English note.
 */

const IT = createTranslator('it');
const FIXTURES = path.join(ROOT, 'fixtures/platform');

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (!/PROVENANCE|\.md$/i.test(e.name)) yield p;
  }
}

/** [fixture, note] for every note a recorded real scan gives. */
const NOTES: [string, string][] = [...files(FIXTURES)].flatMap((f) => {
  const scan = parseScanText(readFileSync(f, 'utf8'));
  return scan.format === 'unknown'
    ? []
    : scan.notes.map((n): [string, string] => [path.relative(FIXTURES, f), n]);
});

describe('Wi-Fi parser notes in the user’s language', () => {
  it('the recorded scans give notes of several kinds (the test has something to check)', () => {
    expect(new Set(NOTES.map(([, n]) => n.replace(/\d+/g, '#'))).size).toBeGreaterThanOrEqual(10);
  });

  it.each(NOTES)('%s: "%s" has a template and reads in Italian', (_file, note) => {
    const said = fromEnglish(note, IT, 'wifi.note.');
    expect(said).not.toBe(note);
    // English is the note itself: the template is the parser's text.
    expect(fromEnglish(note, createTranslator('en'), 'wifi.note.')).toBe(note);
  });

  it('counts read with the Italian plural ("1 rete", "5 reti") from the parsers’ "(s)" forms', () => {
    expect(
      fromEnglish(
        '1 network(s) without BSSID (macOS hides them without Location permission)',
        IT,
        'wifi.note.',
      ),
    ).toMatch(/^1 rete senza BSSID /);
    expect(
      fromEnglish(
        '5 network(s) without BSSID (macOS hides them without Location permission)',
        IT,
        'wifi.note.',
      ),
    ).toMatch(/^5 reti senza BSSID /);
  });

  it('notes no recorded scan gives (cut blocks, unknown text) have templates too', () => {
    const iw = parseIwScan('BSS 00:11:22:33:44:55(on wlan0)\n\tSSID: x\n');
    const iwlist = parseIwlistScan(
      'wlan0     Scan completed :\n          Cell 01 - Address: 00:11:22:33:44:55\n                    ESSID:"x"\n',
    );
    const unknown = parseScanText('hello', 'unknown');
    const notes = [...iw.notes, ...iwlist.notes, ...unknown.notes];
    expect(notes.length).toBeGreaterThanOrEqual(2);
    for (const n of notes) expect(fromEnglish(n, IT, 'wifi.note.'), n).not.toBe(n);
  });

  it('the scan format names with words have them in the catalogue, English as detect.ts says', () => {
    for (const [format, name] of Object.entries(SCAN_FORMAT_NAMES)) {
      const key = `wifi.format.${format}` as keyof typeof en;
      if (key in en) {
        expect(en[key]).toBe(name);
        expect(italian[key]).not.toBe(name);
      }
    }
  });

  it('zapcheck wifi --lang it and the site run’s Wi-Fi check say a note in Italian', async () => {
    const file = path.join(FIXTURES, 'macos/airport-s-accesspoints-monterey-masked.txt');
    const wifi = await runCli(['wifi', '--scan-file', file, '--lang', 'it']);
    expect(wifi.stdout.replace(/\s+/g, ' ')).toContain(
      'nota: 5 reti senza BSSID (macOS nasconde il BSSID senza il permesso di accesso alla posizione)',
    );
    expect(wifi.stdout).not.toMatch(/macOS hides|up to 14\.3/);
    const site = await runCli([
      'site',
      '--lab',
      '--lang',
      'it',
      '--no-history',
      '--scan-file',
      file,
      '--json',
      '-',
    ]);
    const report = JSON.parse(site.stdout) as {
      checks: { kind: string; evidence: { scan: { notes: string[] } } }[];
    };
    const notes = report.checks.find((c) => c.kind === 'wifi')!.evidence.scan.notes;
    expect(notes).toEqual([
      '5 reti senza BSSID (macOS nasconde il BSSID senza il permesso di accesso alla posizione)',
    ]);
  });
});
