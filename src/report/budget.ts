import type { Translate } from '../i18n/index.js';
import type { TrafficRules } from '../profile/types.js';

/**
 * R3, the data budget: the manual's ~3 MB per charger per 24 h, plus Zaptec's help centre's ~5 MB per
 * charging session, over a month. A pure function: the numbers come from the profile (`traffic`) and
 * the sites file (chargers, sessions per charger per day, metered uplink).
 */

export interface BudgetInput {
  chargers: number;
  traffic: TrafficRules;
  /** Charging sessions per charger per day; default 1 (an assumption the report states). */
  sessionsPerChargerPerDay?: number;
  /** Days in the month the budget covers; 31, so no month is short. */
  days?: number;
}

export interface DataBudget {
  chargers: number;
  days: number;
  sessionsPerChargerPerDay: number;
  mbPerChargerPerDay: number;
  mbPerSession: number;
  /** chargers x mbPerChargerPerDay x days */
  baseMb: number;
  sessions: number;
  /** sessions x mbPerSession */
  sessionsMb: number;
  totalMb: number;
  /** The smallest common plan size that holds the total plus 50% (firmware updates, reconnections). */
  recommendedPlanMb: number;
}

/** Data plan sizes as mobile operators sell them, MB. */
const PLAN_SIZES_MB = [500, 1000, 2000, 3000, 5000, 10_000, 20_000, 30_000, 50_000, 100_000];
const MARGIN = 1.5;

export function dataBudget(input: BudgetInput): DataBudget {
  const days = input.days ?? 31;
  const perDay = input.sessionsPerChargerPerDay ?? 1;
  const chargers = Math.max(0, Math.floor(input.chargers));
  const baseMb = chargers * input.traffic.mbPerChargerPerDay * days;
  const sessions = Math.round(chargers * perDay * days);
  const sessionsMb = sessions * input.traffic.mbPerSession;
  const totalMb = baseMb + sessionsMb;
  const wanted = totalMb * MARGIN;
  const recommendedPlanMb =
    PLAN_SIZES_MB.find((size) => size >= wanted) ?? Math.ceil(wanted / 10_000) * 10_000;
  return {
    chargers,
    days,
    sessionsPerChargerPerDay: perDay,
    mbPerChargerPerDay: input.traffic.mbPerChargerPerDay,
    mbPerSession: input.traffic.mbPerSession,
    baseMb,
    sessions,
    sessionsMb,
    totalMb,
    recommendedPlanMb,
  };
}

/** "930 MB", "1.4 GB" (decimal units, as operators sell them). */
export function formatMb(mb: number, lang: 'en' | 'it' = 'en'): string {
  const gb = mb / 1000;
  const digits = mb < 1000 ? 0 : gb < 10 ? 1 : 0;
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(mb < 1000 ? mb : gb);
  return mb < 1000 ? `${n} MB` : `${n} GB`;
}

export interface BudgetLines {
  lines: string[];
  advice: string | null;
}

/** The budget in words for a report; `metered` false gives the numbers without plan advice. */
export function describeBudget(
  budget: DataBudget,
  metered: boolean,
  t: Translate,
  lang: 'en' | 'it',
): BudgetLines {
  const mb = (n: number): string => formatMb(n, lang);
  const lines = [
    t('budget.base', {
      chargers: budget.chargers,
      perDay: budget.mbPerChargerPerDay,
      days: budget.days,
      mb: mb(budget.baseMb),
    }),
    t('budget.sessions', {
      sessions: budget.sessions,
      perSession: budget.mbPerSession,
      mb: mb(budget.sessionsMb),
    }),
    t('budget.total', { total: mb(budget.totalMb) }),
    t('budget.assumption', { sessions: budget.sessionsPerChargerPerDay }),
  ];
  return {
    lines,
    advice: metered ? t('budget.advice', { plan: mb(budget.recommendedPlanMb) }) : t('budget.notmetered'),
  };
}
