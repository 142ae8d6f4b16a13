import type { CheckResult, Report } from '../core/result.js';
import {
  createTranslator,
  renderMessage,
  type Lang,
  type MessageRef,
  type MessageVars,
} from '../i18n/index.js';

/**
 * A saved report in another language: every text stored with its catalogue key (summaryKey,
 * titleKey, remediation key) is rendered again from the catalogue of `lang`; a text without a key (an
 * older report, a user profile's own words) stays as it was written. Numbers with a unit that the
 * checks formatted in English ("2.5 s", "10.0 min") get the language's decimal separator.
 */

const UNIT_NUMBER = /^(-?\d+)\.(\d+)( ?(?:ms|s|min|h|%|dBm|MHz|GHz|MB|GB|kB))$/;

function localizeVars(vars: MessageVars | undefined, decimal: string): MessageVars | undefined {
  if (!vars || decimal === '.') return vars;
  const out: MessageVars = {};
  for (const [name, v] of Object.entries(vars)) {
    if (typeof v === 'string') {
      const m = UNIT_NUMBER.exec(v);
      out[name] = m ? `${m[1]}${decimal}${m[2]}${m[3]}` : v;
    } else if (typeof v === 'object')
      out[name] = { key: v.key, ...(v.vars ? { vars: localizeVars(v.vars, decimal) } : {}) };
    else out[name] = v;
  }
  return out;
}

/**
 * The decimal separator of each report language (CLDR: en ".", it ","). A table, not Intl.NumberFormat:
 * the first NumberFormat pages ICU's number data in, 5-7 MB of a run's peak RSS (measured), for one
 * character of a closed set of languages.
 */
const DECIMAL_SEPARATOR: Readonly<Record<Lang, string>> = { en: '.', it: ',' };

export function decimalSeparator(lang: Lang): string {
  return DECIMAL_SEPARATOR[lang];
}

/** A number with at most one decimal, in the language's notation: 1.5 / 1,5, 2 (no trailing zero). */
export function formatTenths(n: number, lang: Lang): string {
  const tenths = Math.round(n * 10) / 10;
  const text = Number.isInteger(tenths) ? String(tenths) : tenths.toFixed(1);
  return text.replace('.', DECIMAL_SEPARATOR[lang]);
}

export function localizeResult(r: CheckResult, lang: Lang): CheckResult {
  const t = createTranslator(lang);
  const dec = decimalSeparator(lang);
  const render = (key: string | undefined, vars: MessageVars | undefined, text: string): string => {
    if (!key) return text;
    const ref: MessageRef = { key, ...(vars ? { vars: localizeVars(vars, dec) } : {}) };
    return renderMessage(ref, t) ?? text;
  };
  return {
    ...r,
    title: render(r.titleKey, r.titleVars, r.title),
    summary: render(r.summaryKey, r.summaryVars, r.summary),
    remediation: r.remediation.map((fix) => ({ ...fix, text: render(fix.key, fix.vars, fix.text) })),
  };
}

export function localizeReport(report: Report, lang: Lang): Report {
  return { ...report, checks: report.checks.map((c) => localizeResult(c, lang)) };
}
