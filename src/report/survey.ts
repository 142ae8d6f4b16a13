import type { Status, SurveySpot } from '../core/result.js';
import type { Lang, Translate } from '../i18n/index.js';

/**
 * The site's Wi-Fi survey in the reports: the spots table every handover format shows, the weakest spot
 * (named in the R1 row) and the advice for a spot whose signal is not enough. Pure.
 */

const SEVERITY: Record<Status, number> = { pass: 0, skip: 1, warn: 2, error: 3, fail: 4 };

/** "-73 dBm", or "not seen". */
export function surveyDbm(dbm: number | null, t: Translate): string {
  return dbm === null ? t('survey.notseen') : `${dbm} dBm`;
}

/** "2026-12-01 09:30" (UTC), short enough for a table cell. */
export function formatSurveyDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(d);
}

/** The spot that decides R1: the worst verdict, then the weakest median signal. */
export function worstSpot(spots: readonly SurveySpot[]): SurveySpot | null {
  let worst: SurveySpot | null = null;
  for (const s of spots) {
    if (
      !worst ||
      SEVERITY[s.status] > SEVERITY[worst.status] ||
      (SEVERITY[s.status] === SEVERITY[worst.status] &&
        (s.medianDbm ?? -Infinity) < (worst.medianDbm ?? -Infinity))
    ) {
      worst = s;
    }
  }
  return worst;
}

const WEAK = new Set(['WIFI_WEAK_SIGNAL', 'WIFI_SSID_NOT_FOUND']);

/** What to do about one spot, in the reader's language: a weak spot needs an access point nearer to it. */
export function spotFix(s: SurveySpot, t: Translate): string | null {
  if (s.status !== 'fail' && s.status !== 'warn') return null;
  if (WEAK.has(s.cause)) return t('survey.fix.weak', { spot: s.spot });
  return s.remediation[0]?.text ?? null;
}

/** The R1 row from the survey: status, cause and words. */
export function surveyRow(
  spots: readonly SurveySpot[],
  t: Translate,
): { status: Status; cause: string; summary: string } | null {
  const worst = worstSpot(spots);
  if (!worst) return null;
  const dbm = surveyDbm(worst.medianDbm, t);
  const spot = `"${worst.spot}"`;
  if (worst.status === 'pass') {
    return { status: 'pass', cause: 'OK', summary: t('req.R1.survey.pass', { n: spots.length, spot, dbm }) };
  }
  const fix = spotFix(worst, t) ?? worst.summary;
  return {
    status: worst.status,
    cause: worst.cause,
    summary: t('req.R1.survey.bad', { spot, dbm, cause: worst.cause, fix }),
  };
}

export interface SpotRow {
  spot: string;
  status: Status;
  verdict: string;
  median: string;
  min: string;
  channel: string;
  ssid: string;
  taken: string;
  cause: string;
}

/** The table's rows (plain text, not escaped: each format escapes for itself). */
export function spotRows(spots: readonly SurveySpot[], t: Translate, lang: Lang): SpotRow[] {
  return spots.map((s) => ({
    spot: s.spot,
    status: s.status,
    verdict: t(`status.${s.status}`),
    median: surveyDbm(s.medianDbm, t),
    min: surveyDbm(s.minDbm, t),
    channel: s.channel === null ? '-' : `${s.channel}${s.band ? ` (${s.band} GHz)` : ''}`,
    ssid: s.ssid,
    taken: formatSurveyDate(s.takenAt, lang),
    cause: s.cause,
  }));
}

export const SPOT_COLUMNS = [
  'survey.col.spot',
  'survey.col.verdict',
  'survey.col.median',
  'survey.col.min',
  'survey.col.channel',
  'survey.col.ssid',
  'survey.col.taken',
] as const;
