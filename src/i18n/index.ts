import { en, type MessageKey } from './en.js';
import { it } from './it.js';

/**
 * One message catalogue for everything a person reads. Keys are stable; `{name}` placeholders are
 * filled from the variables given. JSON reports stay language-neutral (codes), with the summary and
 * remediation text in the chosen language.
 */

export type Lang = 'en' | 'it';
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;
export type Catalogue = Record<MessageKey, string>;
/** A translation may lack a key: it falls back to English at run time (test/i18n names missing keys). */
const catalogues: Record<Lang, Partial<Catalogue>> = { en, it };

export const LANGS: readonly Lang[] = ['en', 'it'];

export function fill(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

export function createTranslator(lang: Lang = 'en'): Translate {
  const cat = catalogues[lang];
  return (key, vars) => fill(cat[key] ?? en[key], vars);
}

/** --lang wins, then LC_ALL, LC_MESSAGES, LANG; anything not Italian is English. */
export function pickLang(option: string | undefined, env: NodeJS.ProcessEnv): Lang {
  // POSIX: an empty LC_ALL / LC_MESSAGES is as good as unset.
  const raw = option ?? (env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
  return /^it([_.-]|$)/i.test(raw) ? 'it' : 'en';
}

export type { MessageKey };
