import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SiteOptions } from '../core/context.js';
import { UsageError } from '../core/errors.js';
import { cleanName } from '../core/escape.js';
import type { Lang, Translate } from '../i18n/index.js';
import { loadProfile } from '../profile/load.js';
import type { Profile } from '../profile/types.js';
import { DEFAULT_SITES_FILE, type SiteEntry } from '../sites/types.js';
import type { CliIO } from './io.js';
import { parseChargers, parseInstallerOption, resolveLang } from './run-options.js';
import type { Installer } from '../core/installer.js';
import type { SiteCommandOptions } from './site.js';

/** A site name is printed and stored: one printable line, no bidi or zero-width characters. */
export function cleanSiteName(name: string, t: Translate): string {
  const cleaned = cleanName(name);
  if (!cleaned) throw new UsageError(t('err.site.empty'));
  if (cleaned.length > 120) throw new UsageError(t('err.site.long'));
  return cleaned;
}

/** What `zapcheck site` works from, the command line over the sites file's entry for the site. */
export interface SiteInputs {
  lang: Lang;
  t: Translate;
  /** The sites file's spelling of the name, so history and reports group one site under one name. */
  site: string;
  entry: SiteEntry | null;
  profile: Profile;
  options: SiteOptions;
  /** --installer, else the site's, else the sites file's `installer:`. */
  installer: Installer | undefined;
}

/**
 * The language, the site's name and entry in the sites file, its profile and the per-run options, shared
 * by a run and by `site --list-checks` / `--only` (which plan before anything runs). Only reads files.
 */
export async function siteInputs(
  name: string | undefined,
  opts: SiteCommandOptions,
  io: CliIO,
  { checkSites = false }: { checkSites?: boolean } = {},
): Promise<SiteInputs> {
  const { lang, t } = resolveLang(opts.lang, io.env);
  // No name given: the word for a site in the run's language (not the English "site" in an Italian run).
  const typed = cleanSiteName(name ?? t('site.default'), t);
  // The sites file gives per-site defaults; options on the command line win.
  // The sites-file reader (YAML with positions, a JSON Schema validator) is loaded only when there is one.
  let entry: SiteEntry | null = null;
  let sitesInstaller: Installer | undefined;
  if (opts.sites !== undefined || existsSync(path.join(io.cwd, DEFAULT_SITES_FILE))) {
    const { findSite, readSitesFile } = await import('../sites/load.js');
    const sitesFile = readSitesFile(io.cwd, opts.sites, t);
    entry = findSite(sitesFile, typed);
    sitesInstaller = sitesFile?.installer;
    // A run checks the whole sites file first (warnings; its own entry's broken profile is exit 2).
    if (sitesFile && checkSites) {
      const { checkSitesBeforeRun } = await import('./sites-check.js');
      checkSitesBeforeRun(sitesFile, entry, opts, t, io);
    }
    if (opts.sites !== undefined && sitesFile && !entry) {
      throw new UsageError(
        t('err.sites.unknown', { site: typed, file: opts.sites }),
        t('err.sites.unknown.hint', {
          file: opts.sites,
          names: sitesFile.sites.map((s) => s.name).join(', '),
        }),
      );
    }
  }
  const profile = loadProfile(!opts.profileFromCli && entry?.profile ? entry.profile : opts.profile, t);
  const options: SiteOptions = {
    mqttConnect: opts.mqttConnect !== false,
    strict: opts.strict === true,
    extra: { scanFile: opts.scanFile },
  };
  const installer = parseInstallerOption(opts.installer, t) ?? entry?.installer ?? sitesInstaller;
  const chargers = parseChargers(opts.chargers, t) ?? entry?.chargers;
  const ssid = opts.ssid ?? entry?.ssid;
  const dhcpRange = opts.dhcpRange ?? entry?.dhcpRange;
  if (chargers !== undefined) options.chargers = chargers;
  if (ssid !== undefined) options.ssid = ssid;
  if (dhcpRange !== undefined) options.dhcpRange = dhcpRange;
  return { lang, t, site: entry?.name ?? typed, entry, profile, options, installer };
}
