import { UsageError } from '../core/errors.js';
import { intToIpv4, parseIpv4Range } from '../core/ipv4.js';
import type { Translate } from '../i18n/index.js';
import type { Profile } from '../profile/types.js';
import type { SiteEntry, SitesFile } from './types.js';

/**
 * The sites file's sanity check (`zapcheck sites --check`, and before every `site` run that uses the file):
 * what a schema cannot see. A DHCP pool smaller than the chargers planned, a profile that does not exist
 * or does not load, and one site name given twice (exactly, or in capitals or accents only, which
 * `zapcheck site` finds as one). Each problem names the file and line.
 */

export type SitesProblemCode = 'DHCP_POOL_SMALL' | 'PROFILE' | 'DUPLICATE_NAME';

export interface SitesProblem {
  code: SitesProblemCode;
  site: string;
  /** Line of the field (or of the site) in the file. */
  line: number;
  /** The field it is about, when one is. */
  field?: 'dhcpRange' | 'profile';
  /** In the run's language, without the file:line. */
  message: string;
}

const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase().trim();

/** What loading a profile said: its message and hint, or null when it loaded. */
function profileTrouble(
  ref: string,
  load: (ref: string) => Profile,
): { text: string; profile: null } | { text: null; profile: Profile } {
  try {
    return { text: null, profile: load(ref) };
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    return { text: err.hint ? `${err.message} (${err.hint})` : err.message, profile: null };
  }
}

export function checkSitesFile(
  file: SitesFile,
  t: Translate,
  /** Loads a profile by built-in id or path (throws UsageError when it cannot). */
  loadProfile: (ref: string) => Profile,
  /** The profile of a site that names none. */
  defaultProfile: string,
): SitesProblem[] {
  const problems: SitesProblem[] = [];
  const loaded = new Map<string, ReturnType<typeof profileTrouble>>();
  const profileOf = (ref: string): ReturnType<typeof profileTrouble> => {
    let r = loaded.get(ref);
    if (!r) {
      r = profileTrouble(ref, loadProfile);
      loaded.set(ref, r);
    }
    return r;
  };
  const lineOf = (s: SiteEntry, field: string): number => file.fieldLines?.get(s.name)?.[field] ?? s.line;

  for (const d of file.duplicates ?? []) {
    problems.push({
      code: 'DUPLICATE_NAME',
      site: d.name,
      line: d.line,
      message: t('sites.duplicate', { site: d.name, first: d.first }),
    });
  }
  const byFold = new Map<string, SiteEntry>();
  for (const s of file.sites) {
    const other = byFold.get(fold(s.name));
    if (other) {
      problems.push({
        code: 'DUPLICATE_NAME',
        site: s.name,
        line: s.line,
        message: t('sites.duplicate.case', { site: s.name, other: other.name, first: other.line }),
      });
    } else byFold.set(fold(s.name), s);
  }

  for (const s of file.sites) {
    let profile: Profile | null = null;
    const trouble = profileOf(s.profile ?? defaultProfile);
    if (trouble.text !== null) {
      problems.push({
        code: 'PROFILE',
        site: s.name,
        line: lineOf(s, 'profile'),
        field: 'profile',
        message: t('sites.profile', { site: s.name, message: trouble.text }),
      });
    } else profile = trouble.profile;

    if (s.dhcpRange !== undefined && s.chargers !== undefined) {
      const r = parseIpv4Range(s.dhcpRange);
      // A range that does not parse is refused when the file is read (src/sites/load.ts).
      if (!r.ok) continue;
      const size = r.range.last - r.range.first + 1;
      const needed = s.chargers * (profile?.dhcp.addressesPerCharger ?? 1);
      if (size < needed) {
        problems.push({
          code: 'DHCP_POOL_SMALL',
          site: s.name,
          line: lineOf(s, 'dhcpRange'),
          field: 'dhcpRange',
          message: t('sites.pool.small', {
            site: s.name,
            range: `${intToIpv4(r.range.first)}-${intToIpv4(r.range.last)}`,
            size,
            chargers: s.chargers,
            needed,
          }),
        });
      }
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}
