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

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** A number in the language's own digits and separators ("2,4" in Italian); `digits` fixes the decimals. */
export function formatNumber(n: number, lang: Lang = 'en', digits?: number): string {
  const id = `${lang}/${digits ?? ''}`;
  let f = numberFormats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(
      lang,
      digits === undefined
        ? { maximumFractionDigits: 1 }
        : { minimumFractionDigits: digits, maximumFractionDigits: digits },
    );
    numberFormats.set(id, f);
  }
  return f.format(n);
}

function pluralForm(n: number, lang: Lang): Intl.LDMLPluralRule {
  let r = pluralRules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    pluralRules.set(lang, r);
  }
  return r.select(n);
}

/** Index of the `}` that closes the `{` at `open` (nested braces counted), or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `one {# rete} other {# reti}` -> the text for n (an exact `=n` first, then the language's rule). */
function pluralChoice(options: string, n: number, lang: Lang): string | undefined {
  const choices = new Map<string, string>();
  let i = 0;
  while (i < options.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(options.slice(i));
    if (!m?.[1]) break;
    const open = i + m[0].length - 1;
    const close = closing(options, open);
    if (close < 0) break;
    choices.set(m[1], options.slice(open + 1, close));
    i = close + 1;
  }
  return choices.get(`=${n}`) ?? choices.get(pluralForm(n, lang)) ?? choices.get('other');
}

/**
 * Fills `{name}` placeholders from `vars`, with two ICU MessageFormat forms for counts and measures:
 * `{n, plural, one {# rete visibile} other {# reti visibili}}` (the language's plural rule, Intl.PluralRules;
 * `#` is the number) and `{x, number}` / `{x, number, 1}` (Intl.NumberFormat: "2,4" in Italian; the
 * second form with exactly that many decimals); `{text, capital}` starts a sentence made of others with a
 * capital letter. Anything else in braces is text (`{pem: <file>}`).
 * A number kept as a number in a stored message then renders in the language of the report.
 */
export function fill(template: string, vars: Vars = {}, lang: Lang = 'en'): string {
  if (!template.includes('{')) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = closing(template, open);
    if (close < 0) break;
    out += template.slice(i, open);
    const inner = template.slice(open + 1, close);
    const whole = template.slice(open, close + 1);
    const m = /^(\w+)(?:\s*,\s*(plural|number|capital)\s*(?:,\s*([\s\S]*))?)?$/.exec(inner);
    const name = m?.[1];
    const has = name !== undefined && Object.prototype.hasOwnProperty.call(vars, name);
    const value = has ? vars[name] : undefined;
    const n = typeof value === 'number' ? value : Number(value);
    if (!m || !has) out += whole;
    else if (m[2] === undefined) out += String(value);
    else if (m[2] === 'capital') {
      const text = String(value);
      out += text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
    } else if (!Number.isFinite(n)) out += String(value);
    else if (m[2] === 'number') {
      const digits = m[3] !== undefined && /^\s*\d\s*$/.test(m[3]) ? Number(m[3]) : undefined;
      out += formatNumber(n, lang, digits);
    } else {
      const text = pluralChoice(m[3] ?? '', n, lang);
      out += text === undefined ? String(value) : fill(text.replace(/#/g, formatNumber(n, lang)), vars, lang);
    }
    i = close + 1;
  }
  return out + template.slice(i);
}

/** The placeholders a message uses: `{name}`, `{name, number}` and `{name, plural, ...}`. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1] ?? '');
}

export function createTranslator(lang: Lang = 'en'): Translate {
  const cat = catalogues[lang];
  return (key, vars) => fill(cat[key] ?? en[key], vars, lang);
}

const englishPatterns = new Map<string, { key: MessageKey; names: string[]; re: RegExp }[]>();

/**
 * A sentence a lower layer wrote in English from an English catalogue template (src/platform may not load
 * the catalogue, so its parsers write the template's text themselves), rendered again in the language of
 * `t`: the template whose key starts with `prefix` and that matches gives the variables back. Text no
 * template matches is returned as it is.
 */
export function fromEnglish(text: string, t: Translate, prefix: string): string {
  let patterns = englishPatterns.get(prefix);
  if (!patterns) {
    patterns = [];
    for (const [key, template] of Object.entries(en)) {
      if (!key.startsWith(prefix)) continue;
      const names: string[] = [];
      const source = template
        .split(/(\{\w+\})/)
        .map((part) => {
          const m = /^\{(\w+)\}$/.exec(part);
          if (m?.[1]) {
            names.push(m[1]);
            return '(.+?)';
          }
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      patterns.push({ key: key as MessageKey, names, re: new RegExp(`^${source}$`, 's') });
    }
    // The longest template first: a short one must not swallow a longer one's text.
    patterns.sort((a, b) => b.re.source.length - a.re.source.length);
    englishPatterns.set(prefix, patterns);
  }
  for (const p of patterns) {
    const m = p.re.exec(text);
    if (!m) continue;
    const vars: Vars = {};
    p.names.forEach((name, i) => {
      const v = m[i + 1] ?? '';
      vars[name] = /^\d+$/.test(v) ? Number(v) : v;
    });
    return t(p.key, vars);
  }
  return text;
}

/**
 * A rendered sentence kept as data: its catalogue key and the variables it was filled with. A variable
 * that was itself a catalogue sentence ("behind", "private") is kept as a MessageRef too, so the whole
 * sentence renders in another language. Stored in JSON reports beside the text.
 */
export interface MessageRef {
  key: string;
  vars?: MessageVars;
}
export type MessageVars = Record<string, string | number | MessageRef>;

/** A Translate that remembers what it rendered: messageOf(text) gives back the key and variables. */
export interface RecordingTranslate extends Translate {
  messageOf: (text: string) => MessageRef | undefined;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/**
 * The per-run translator the checks get (ctx.t). Checks need no change: the runner looks their final
 * texts up here and stores the keys in the result. A text two different sentences render alike is
 * ambiguous and is not looked up (the report keeps its text).
 */
export function createRecordingTranslator(lang: Lang = 'en'): RecordingTranslate {
  const base = createTranslator(lang);
  const seen = new Map<string, MessageRef | null>();
  /** Only the variables some catalogue's sentence uses: the same sentence then gives the same ref. */
  const asRef = (key: MessageKey, vars: Vars | undefined): MessageRef => {
    const used = new Set<string>();
    for (const cat of Object.values(catalogues)) {
      for (const name of placeholdersOf(cat[key] ?? '')) used.add(name);
    }
    const out: MessageVars = {};
    for (const [name, value] of Object.entries(vars ?? {})) {
      if (!used.has(name)) continue;
      const ref = typeof value === 'string' && value ? seen.get(value) : undefined;
      out[name] = ref ?? value;
    }
    return Object.keys(out).length ? { key, vars: out } : { key };
  };
  const t = ((key, vars) => {
    const text = base(key, vars);
    const ref = asRef(key, vars);
    const before = seen.get(text);
    if (before === undefined) seen.set(text, ref);
    else if (before !== null && JSON.stringify(before) !== JSON.stringify(ref)) seen.set(text, null);
    return text;
  }) as RecordingTranslate;
  t.messageOf = (text) => seen.get(text) ?? undefined;
  return t;
}

/**
 * Renders a stored sentence in the language of `t`; undefined when its key is not in this catalogue
 * (a report from a newer zapcheck): the caller keeps the stored text.
 */
export function renderMessage(ref: MessageRef, t: Translate): string | undefined {
  if (!isMessageKey(ref.key)) return undefined;
  const vars: Vars = {};
  for (const [name, value] of Object.entries(ref.vars ?? {})) {
    if (typeof value === 'object') {
      const inner = renderMessage(value, t);
      if (inner === undefined) return undefined;
      vars[name] = inner;
    } else vars[name] = value;
  }
  return t(ref.key, vars);
}

/** --lang wins, then LC_ALL, LC_MESSAGES, LANG; anything not Italian is English. */
export function pickLang(option: string | undefined, env: NodeJS.ProcessEnv): Lang {
  // POSIX: an empty LC_ALL / LC_MESSAGES is as good as unset.
  const raw = option ?? (env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
  return /^it([_.-]|$)/i.test(raw) ? 'it' : 'en';
}

export type { MessageKey };
