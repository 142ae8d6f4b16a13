import type { Installer } from '../core/installer.js';
import { installerText } from '../core/installer.js';
import type { Report } from '../core/result.js';
import { notCheckedLabels } from '../core/result.js';
import { createTranslator, type Lang, type Translate } from '../i18n/index.js';
import type { Profile } from '../profile/types.js';
import type { SiteEntry } from '../sites/types.js';
import { buildAllowList, type AllowList } from './allowlist.js';
import { dataBudget, describeBudget, type DataBudget } from './budget.js';
import { budgetDetail as describeR3, requirementRows, type RequirementRow } from './requirements.js';
import { spotFix, spotRows, type SpotRow } from './survey.js';
import { remediationList } from './terminal.js';
import { chartFromReport, type ChannelChart } from './wifi-chart.js';

/**
 * What every handover format (HTML, Markdown, text) says about one report, computed once: the R1-R9 rows,
 * what to change, the allow-list, the data budget and the Wi-Fi chart. Reporters only lay it out.
 */

export interface RenderOptions {
  lang: Lang;
  /** The profile a report was made with (for the allow-list and budget); null when it cannot be loaded. */
  profileFor?: (report: Report) => Profile | null;
  /** The report's site in the sites file, when there is one. */
  siteFor?: (report: Report) => SiteEntry | null;
  /** Overrides the sites file's number of chargers. */
  chargers?: number;
  /** Who hands the site over, when the command line or the sites file says (else the report's own). */
  installerFor?: (report: Report) => Installer | null;
}

export interface Handover {
  report: Report;
  lang: Lang;
  t: Translate;
  site: SiteEntry | null;
  profile: Profile | null;
  chargers: number | null;
  rows: RequirementRow[];
  fixes: { it: string[]; installer: string[] };
  /** The site's Wi-Fi survey, one row per spot ([] when none was taken). */
  spots: SpotRow[];
  allow: AllowList | null;
  budget: { data: DataBudget; metered: boolean; lines: string[]; advice: string | null } | null;
  chart: ChannelChart | null;
  /** Who hands the site over, or null (the signature lines are printed either way). */
  installer: Installer | null;
}

export function buildHandover(report: Report, opts: RenderOptions): Handover {
  const t = createTranslator(opts.lang);
  const site = opts.siteFor?.(report) ?? null;
  const profile = opts.profileFor?.(report) ?? null;
  const chargers = opts.chargers ?? site?.chargers ?? null;
  let budget: Handover['budget'] = null;
  let budgetDetail: string | null = null;
  if (profile && chargers !== null) {
    const data = dataBudget({
      chargers,
      traffic: profile.traffic,
      ...(site?.sessionsPerChargerPerDay !== undefined
        ? { sessionsPerChargerPerDay: site.sessionsPerChargerPerDay }
        : {}),
    });
    const metered = site?.metered === true;
    budget = { data, metered, ...describeBudget(data, metered, t, opts.lang) };
    budgetDetail = describeR3(
      {
        chargers,
        traffic: profile.traffic,
        metered,
        ...(site?.sessionsPerChargerPerDay !== undefined
          ? { sessionsPerChargerPerDay: site.sessionsPerChargerPerDay }
          : {}),
      },
      t,
      opts.lang,
    );
  }
  return {
    installer: opts.installerFor?.(report) ?? report.installer ?? site?.installer ?? null,
    report,
    lang: opts.lang,
    t,
    site,
    profile,
    chargers,
    rows: requirementRows(report, t, { budgetDetail }),
    fixes: withSurveyFixes(remediationList(report.checks), report, t),
    spots: spotRows(report.survey ?? [], t, opts.lang),
    allow: profile ? buildAllowList(profile, t) : null,
    budget,
    chart: chartFromReport(
      report,
      profile ? { allowedChannels: profile.wifi.channels, thresholds: profile.wifi.rssi } : {},
    ),
  };
}

/** The installer's list gains one line per spot whose signal is not enough (the same fault, the same words). */
function withSurveyFixes(
  fixes: { it: string[]; installer: string[] },
  report: Report,
  t: Translate,
): { it: string[]; installer: string[] } {
  const installer = [...fixes.installer];
  for (const s of report.survey ?? []) {
    const fix = spotFix(s, t);
    if (fix && !installer.includes(fix)) installer.push(fix);
  }
  return { it: fixes.it, installer };
}

/** "2025-06-01 14:03" in the reader's language and the machine's time zone, plus the zone name. */
export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(d);
}

/**
 * The verdict as the handover formats print it. A READY stands only for what was tested: `notChecked`
 * ("(not checked: Wi-Fi, DHCP)") goes next to its label.
 */
export function verdictText(
  report: Report,
  t: Translate,
): { label: string; line: string; notChecked: string | null } {
  if (report.interrupted) {
    return { label: t('verdict.interrupted'), line: t('report.verdict.interrupted'), notChecked: null };
  }
  if (report.verdict === 'ready') {
    const list = notCheckedLabels(report.checks);
    return {
      label: t('verdict.ready'),
      line: report.counts.warn ? t('report.verdict.ready.warn') : t('report.verdict.ready'),
      notChecked: list.length ? t('verdict.notchecked', { list: list.join(', ') }) : null,
    };
  }
  return { label: t('verdict.notready'), line: t('report.verdict.notready'), notChecked: null };
}

/** A blank to write on, as long on every format. */
export const SIGN_BLANK = '_'.repeat(22);
export const DATE_BLANK = '_'.repeat(12);

/**
 * The handover's sign-off: one line for the installer (named when known, with the date the network was
 * checked) and one for the site's IT, each with a blank for the signature and the date.
 */
export function signoff(h: Handover): { role: string; who: string | null; note: string | null }[] {
  const { t } = h;
  return [
    {
      role: t('report.signoff.installer'),
      who: h.installer ? installerText(h.installer) : null,
      note: t('report.signoff.checked', { date: formatDate(h.report.startedAt, h.lang) }),
    },
    { role: t('report.signoff.it'), who: null, note: null },
  ];
}

/** "Signature: ______  Date: ______" in the reader's language. */
export function signatureLine(t: Translate): string {
  return `${t('report.signoff.signature')}: ${SIGN_BLANK}  ${t('report.signoff.date')}: ${DATE_BLANK}`;
}
