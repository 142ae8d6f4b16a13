import ipaddr from 'ipaddr.js';
import type { ResolverAddr } from '../core/context.js';
import { UsageError } from '../core/errors.js';
import { INSTALLER_MAX, parseInstaller, type Installer } from '../core/installer.js';
import { createTranslator, LANGS, pickLang, type Lang, type Translate } from '../i18n/index.js';
import { CHARGERS_MAX } from './options.js';

/**
 * Option parsers that speak the user's language, shared by every command's run (site, wifi, dhcp, sites,
 * history, report, allowlist). They need the catalogues, so they are loaded with a command's work, not
 * with the option declarations (src/cli/options.ts), which `zapcheck --version` loads.
 */

/** --lang, else the locale (pickLang); a --lang zapcheck does not speak is a usage error, said in the locale's language. */
export function resolveLang(
  option: string | undefined,
  env: NodeJS.ProcessEnv,
): { lang: Lang; t: Translate } {
  const lang = pickLang(option, env);
  if (option !== undefined && !(LANGS as readonly string[]).includes(option)) {
    const t = createTranslator(lang);
    throw new UsageError(t('err.lang', { lang: option }), t('err.lang.hint'));
  }
  return { lang, t: createTranslator(lang) };
}

/** `--chargers <n>`: a whole number from 0 to CHARGERS_MAX. */
export function parseChargers(text: string | undefined, t: Translate): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) > CHARGERS_MAX) {
    throw new UsageError(
      t('err.chargers', { value: JSON.stringify(text) }),
      t('err.chargers.hint', { max: CHARGERS_MAX }),
    );
  }
  return Number(text);
}

/** `--dns-server ip[:port]`: IPv4 only (the charger is IPv4 only). */
export function parseResolver(text: string, t: Translate = createTranslator('en')): ResolverAddr {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/.exec(text.trim());
  const port = m?.[2] === undefined ? 53 : Number(m[2]);
  if (!m?.[1] || !ipaddr.IPv4.isValidFourPartDecimal(m[1]) || port < 1 || port > 65535) {
    throw new UsageError(t('err.dnsserver', { value: text }), t('err.dnsserver.hint'));
  }
  return { ip: m[1], port, source: 'user' };
}

/** `--installer "<name>, <company>"` (site, report): printed on the handover with signature lines. */
export function parseInstallerOption(text: string | undefined, t: Translate): Installer | undefined {
  if (text === undefined) return undefined;
  const i = parseInstaller(text);
  if (i === 'long')
    throw new UsageError(t('err.installer.long', { max: INSTALLER_MAX }), t('err.installer.hint'));
  if (i === 'empty') throw new UsageError(t('err.installer.empty'), t('err.installer.hint'));
  return i;
}
