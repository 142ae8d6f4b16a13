import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { it as italian } from '../../src/i18n/it.js';
import { createTranslator, LANGS, pickLang, placeholdersOf } from '../../src/i18n/index.js';
import { ZAPTEC_GO, ZAPTEC_PRO } from '../../src/profile/builtin.js';

/** Every key in every language, with the same {placeholders}: a translation can neither drop nor invent one. */

const placeholders = (s: string): string[] => [...new Set(placeholdersOf(s))].sort();
const CATALOGUES: Record<string, Record<string, string>> = { it: italian };

describe('message catalogue', () => {
  it('knows exactly the languages it has catalogues for', () => {
    expect([...LANGS].sort()).toEqual(['en', ...Object.keys(CATALOGUES)].sort());
  });

  for (const [lang, cat] of Object.entries(CATALOGUES)) {
    it(`${lang}: has every English key`, () => {
      const missing = Object.keys(en).filter((k) => !(k in cat));
      expect(missing, `keys missing in ${lang}.ts`).toEqual([]);
    });

    it(`${lang}: has no key English lacks`, () => {
      expect(Object.keys(cat).filter((k) => !(k in en))).toEqual([]);
    });

    it(`${lang}: every message has the same placeholders as the English one`, () => {
      const wrong = Object.entries(cat)
        .filter(
          ([k, v]) => k in en && placeholders(v).join() !== placeholders(en[k as keyof typeof en]).join(),
        )
        .map(
          ([k, v]) =>
            `${k}: ${placeholders(v).join(',')} vs ${placeholders(en[k as keyof typeof en]).join(',')}`,
        );
      expect(wrong).toEqual([]);
    });

    it(`${lang}: no message is empty or left in English by mistake`, () => {
      // Short technical labels (NTP, HTTPS, Host...) are the same in both languages on purpose.
      const words = (v: string): number => v.replace(/\{\w+\}/g, '').replace(/[^a-z]/gi, '').length;
      const same = Object.entries(cat).filter(([k, v]) => v === en[k as keyof typeof en] && words(v) > 12);
      expect(same.map(([k]) => k)).toEqual([]);
      expect(Object.entries(cat).filter(([, v]) => v.trim() === '')).toEqual([]);
    });
  }

  it('the why.* keys are the built-in profiles’ own texts, so the allow-list can translate them', () => {
    const whys = new Set(
      Object.entries(en)
        .filter(([k]) => k.startsWith('why.'))
        .map(([, v]) => v),
    );
    for (const e of [...ZAPTEC_PRO.endpoints, ...ZAPTEC_GO.endpoints]) expect(whys).toContain(e.why);
  });

  it('fills placeholders and falls back to English for a key a catalogue lacks', () => {
    const t = createTranslator('it');
    expect(t('history.saved', { file: '/x.json' })).toBe('Rapporto salvato: /x.json');
    expect(createTranslator('en')('verdict.ready')).toBe('READY');
  });

  it('picks the language from --lang, then LC_ALL, LC_MESSAGES, LANG', () => {
    expect(pickLang(undefined, { LANG: 'it_IT.UTF-8' })).toBe('it');
    expect(pickLang(undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'it_IT.UTF-8' })).toBe('en');
    expect(pickLang('it', { LANG: 'C' })).toBe('it');
    expect(pickLang(undefined, {})).toBe('en');
    // An empty LC_ALL is unset (POSIX), not English.
    expect(pickLang(undefined, { LC_ALL: '', LANG: 'it_IT.UTF-8' })).toBe('it');
  });
});
