import { createTranslator, LANGS, type Translate } from '../i18n/index.js';

/**
 * A run given no site name stores the word for "site" in the run's language ("site", "sito") as its
 * name (the JSON `site` field). Renderers then say nothing rather than `sito "sito"`, or the word in the
 * language they render in.
 */
const DEFAULT_NAMES = new Set(LANGS.map((lang) => createTranslator(lang)('site.default')));

/** True when the report's site name is the default one of some language: no name was given. */
export function isUnnamedSite(site: string): boolean {
  return DEFAULT_NAMES.has(site);
}

/** The site's name as a heading shows it: the default name in the language rendered. */
export function siteHeading(site: string, t: Translate): string {
  return isUnnamedSite(site) ? t('site.default') : site;
}
