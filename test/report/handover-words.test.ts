import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load.js';
import { renderReport } from '../../src/report/index.js';
import { en } from '../../src/i18n/en.js';
import { it as itCatalogue } from '../../src/i18n/it.js';
import type { SiteEntry } from '../../src/sites/types.js';
import { FIXTURES, fixture } from './helpers.js';

/**
 * The handover is read by the site's owner and IT, on paper: no configuration key ("sessionsPerChargerPerDay
 * in zapcheck.yaml"), no camelCase identifier in its words: every recorded report, in both languages and
 * every handover format, with no site, a bare site and a site with a data budget; and every catalogue
 * sentence the handover formats use. (A command for the installer, `zapcheck wifi --ssid ...`, is advice,
 * not a configuration key.)
 */

/** A camelCase identifier or the sites file's name; dBm is the one unit that looks like one. */
const CONFIG_WORDS = /\b[a-z]+[A-Z][A-Za-z]*\b|zapcheck\.ya?ml/g;

const SITES: (SiteEntry | null)[] = [
  null,
  { name: 'Garage Nord', line: 1 },
  { name: 'Garage Nord', line: 1, chargers: 4, metered: true, sessionsPerChargerPerDay: 2 },
  { name: 'Garage Nord', line: 1, chargers: 1, metered: false, sessionsPerChargerPerDay: 1 },
];

/** What a person reads: for HTML the text between tags (no CSS, no attributes). */
function words(format: string, out: string): string {
  if (format !== 'html') return out;
  return out
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('no configuration keys in the handover', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
  it('has reports to render', () => expect(files.length).toBeGreaterThan(8));
  for (const file of files) {
    it(`${file}: html, md and text in English and Italian`, () => {
      const leaks: string[] = [];
      for (const lang of ['en', 'it'] as const) {
        for (const format of ['html', 'md', 'text'] as const) {
          for (const site of SITES) {
            const out = words(
              format,
              renderReport(format, [fixture(file)], {
                lang,
                profileFor: () => loadProfile('zaptec-pro'),
                siteFor: () => site,
              }),
            );
            for (const m of out.matchAll(CONFIG_WORDS)) {
              if (m[0] === 'dBm') continue;
              const at = out.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' ');
              leaks.push(`${lang} ${format}: ${m[0]} in "${at}"`);
            }
          }
        }
      }
      expect([...new Set(leaks)]).toEqual([]);
    });
  }

  it('no handover sentence of either catalogue names a configuration key', () => {
    for (const [lang, catalogue] of [
      ['en', en],
      ['it', itCatalogue],
    ] as const) {
      const bad = Object.entries(catalogue as Record<string, string>)
        .filter(([key]) => /^(report|req|budget|allow|survey)\./.test(key))
        .filter(([, text]) =>
          [...text.replace(/\{\w+\}/g, '').matchAll(CONFIG_WORDS)].some((m) => m[0] !== 'dBm'),
        )
        .map(([key, text]) => `${lang} ${key}: ${text}`);
      expect(bad).toEqual([]);
    }
  });

  it('the data budget says its assumption in plain words, with the plural the number takes', () => {
    const render = (lang: 'en' | 'it', sessions: number): string =>
      renderReport('text', [fixture('lab-healthy.json')], {
        lang,
        profileFor: () => loadProfile('zaptec-pro'),
        siteFor: () => ({ name: 'x', line: 1, chargers: 2, sessionsPerChargerPerDay: sessions }),
      }).replace(/\s+/g, ' ');
    expect(render('en', 1)).toContain(
      'Assumes 1 charging session per charger per day; change it in the site’s settings.',
    );
    expect(render('en', 3)).toContain(
      'Assumes 3 charging sessions per charger per day; change it in the site’s settings.',
    );
    expect(render('it', 1)).toContain('Calcolato con 1 sessione di ricarica per stazione al giorno;');
    expect(render('it', 2)).toContain('Calcolato con 2 sessioni di ricarica per stazione al giorno;');
  });

  it('the plain-text requirement rows keep their columns in both languages ("non verificato" is wider)', () => {
    for (const lang of ['en', 'it'] as const) {
      const text = renderReport('text', [fixture('lab-healthy.json')], { lang });
      const rows = text.split('\n');
      const first = rows.findIndex((l) => /^ {2}R1 {2}/.test(l));
      expect(first, lang).toBeGreaterThan(0);
      // Where each row's requirement text starts, and where the lines under it start: one column.
      const starts = new Set<number>();
      for (let i = first; i < rows.length && /^( {2}R\d| {10})/.test(rows[i]!); i++) {
        const line = rows[i]!;
        const m = /^ {2}R\d {2}(.+?) {2,}\S/.exec(line);
        starts.add(m ? m[0].length - 1 : line.length - line.trimStart().length);
      }
      expect([...starts], `${lang}\n${rows.slice(first, first + 12).join('\n')}`).toHaveLength(1);
    }
  });
});
