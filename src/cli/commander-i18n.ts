import { pickLang, type Lang, type Translate } from '../i18n/index.js';

/**
 * Commander's own words (help headings, the help and version options, the help command, "default:" and
 * "choices:", and the parse errors it writes) through the catalogue. The language has to be known before
 * commander parses anything, so it is pre-scanned from argv (`--lang it`, `--lang=it`, anywhere) and else
 * taken from the locale (LC_ALL, LC_MESSAGES, LANG), as for every other message.
 */

/** The language of help and parse errors: a supported --lang in argv, else the locale's. */
export function preScanLang(args: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    const value =
      a === '--lang' ? args[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    // An unsupported --lang is reported by the command itself (err.lang), in the locale's language.
    if (value === 'en' || value === 'it') return value;
  }
  return pickLang(undefined, env);
}

const TITLES: Record<string, Parameters<Translate>[0]> = {
  'Usage:': 'cli.help.usage',
  'Options:': 'cli.help.options',
  'Commands:': 'cli.help.commands',
  'Arguments:': 'cli.help.arguments',
  'Global Options:': 'cli.help.globalOptions',
};

/** Help headings in the user's language ("Utilizzo:", "Opzioni:", "Comandi:"). */
export function helpTitle(title: string, t: Translate): string {
  const key = TITLES[title];
  return key ? t(key) : title;
}

/** "(default: zaptec-pro)", "(choices: a, b, default: a)": the extras after an option's description. */
export function optionExtras(option: OptionLike, t: Translate): string[] {
  const extra: string[] = [];
  if (option.argChoices) extra.push(t('cli.help.choices', { list: option.argChoices.join(', ') }));
  if (option.defaultValue !== undefined && !option.negate && option.defaultValue !== false) {
    extra.push(
      t('cli.help.default', { value: option.defaultValueDescription ?? String(option.defaultValue) }),
    );
  }
  return extra;
}

interface OptionLike {
  argChoices?: string[] | undefined;
  defaultValue?: string | number | boolean | readonly string[];
  defaultValueDescription?: string | undefined;
  negate: boolean;
}

/** Commander's "\n(Did you mean --deadline?)" / "\n(Did you mean one of a, b?)" in the user's words. */
function suggestion(rest: string, t: Translate): string | null {
  if (rest === '') return '';
  const m = /^\n\(Did you mean (?:one of )?(.+)\?\)$/.exec(rest);
  return m ? `\n(${t('err.didyoumean', { names: m[1]! })})` : null;
}

type Rule = [RegExp, (m: RegExpExecArray, t: Translate) => string | null];

/** "option '--quiet'" (or an environment variable) as commander names one side of a conflict. */
const optionName = (text: string, t: Translate): string => {
  const m = /^option '(.+)'$/.exec(text);
  return m ? t('cli.err.option', { flags: m[1]! }) : text;
};

const RULES: Rule[] = [
  [
    /^error: unknown option '(.+?)'((?:\n.*)?)$/s,
    (m, t) => {
      const s = suggestion(m[2]!, t);
      return s === null ? null : t('cli.err.unknownOption', { flag: m[1]! }) + s;
    },
  ],
  [
    /^error: unknown command '(.+?)'((?:\n.*)?)$/s,
    (m, t) => {
      const s = suggestion(m[2]!, t);
      return s === null ? null : t('cli.err.unknownCommand', { name: m[1]! }) + s;
    },
  ],
  [/^error: missing required argument '(.+)'$/, (m, t) => t('cli.err.missingArgument', { name: m[1]! })],
  [/^error: option '(.+)' argument missing$/, (m, t) => t('cli.err.optionArgument', { flags: m[1]! })],
  [/^error: required option '(.+)' not specified$/, (m, t) => t('cli.err.mandatory', { flags: m[1]! })],
  [
    /^error: (option '.+?') cannot be used with (option '.+')$/,
    (m, t) => t('cli.err.conflict', { a: optionName(m[1]!, t), b: optionName(m[2]!, t) }),
  ],
  [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m, t) =>
      t(m[1] === undefined ? 'cli.err.excess' : 'cli.err.excess.for', {
        name: m[1] ?? '',
        expected: m[2]!,
        got: m[3]!,
      }),
  ],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/s,
    (m, t) => t('cli.err.choices', { flags: m[1]!, value: m[2]!, list: m[3]! }),
  ],
];

/**
 * One commander error message in the user's language. English is commander's own text, unchanged; a
 * message no rule knows (a commander update) is also left as it is rather than half translated.
 */
export function translateCommanderError(message: string, lang: Lang, t: Translate): string {
  if (lang === 'en') return message;
  for (const [re, render] of RULES) {
    const m = re.exec(message);
    if (m) return render(m, t) ?? message;
  }
  return message;
}
