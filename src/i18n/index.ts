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
      for (const m of (cat[key] ?? '').matchAll(/\{(\w+)\}/g)) if (m[1]) used.add(m[1]);
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
