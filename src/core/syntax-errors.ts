import type { MessageKey, Translate } from '../i18n/index.js';

/**
 * A JSON or YAML syntax error in plain words, with the line and column the user opens in an editor:
 * `zapcheck.yaml:4:3: the YAML is not valid here: the indentation is wrong ...`. Never the parser's own
 * text (V8's JSON messages quote the input; yaml's name its token types), in the run's language.
 */

export interface SyntaxProblem {
  line: number;
  column: number;
  /** What is wrong there, in the run's language. */
  problem: string;
}

/** The YAML library's error (YAMLParseError): a code and where. */
interface YamlErrorLike {
  code?: string;
  message?: string;
  linePos?: readonly { line: number; col: number }[];
}

const YAML_CODES: Record<string, MessageKey> = {
  TAB_AS_INDENT: 'syntax.yaml.tab',
  BLOCK_AS_IMPLICIT_KEY: 'syntax.yaml.twokeys',
  MULTILINE_IMPLICIT_KEY: 'syntax.yaml.twokeys',
  DUPLICATE_KEY: 'syntax.yaml.duplicate',
  UNEXPECTED_TOKEN: 'syntax.yaml.unexpected',
  BAD_DQ_ESCAPE: 'syntax.yaml.escape',
  KEY_OVER_1024_CHARS: 'syntax.yaml.longkey',
  MULTIPLE_DOCS: 'syntax.yaml.documents',
  BAD_INDENT: 'syntax.yaml.indent',
  BAD_SCALAR_START: 'syntax.yaml.start',
};

/** One YAML syntax error (yaml's YAMLParseError) in plain words. */
export function yamlSyntaxProblem(err: unknown, t: Translate): SyntaxProblem {
  const e = (err ?? {}) as YamlErrorLike;
  const pos = e.linePos?.[0];
  const message = typeof e.message === 'string' ? e.message : '';
  const closing = /end with an? ([\]}])/.exec(message)?.[1];
  let problem: string;
  if (closing !== undefined) problem = t('syntax.yaml.unclosed', { char: closing });
  else if (/closing (?:"|')quote/.test(message)) problem = t('syntax.yaml.quote');
  else if (e.code === 'BAD_SCALAR_START') {
    const char = /reserved character (\S)/.exec(message)?.[1];
    problem = char ? t('syntax.yaml.start', { char }) : t('syntax.yaml.other');
  } else if (e.code === 'MISSING_CHAR') problem = t('syntax.yaml.missing');
  // yaml refuses to expand an alias bomb in toJS(), with a plain Error and no code.
  else if (e.code === 'RESOURCE_EXHAUSTION' || (e.code === undefined && /alias/i.test(message)))
    problem = t('syntax.yaml.aliases');
  else problem = t(YAML_CODES[e.code ?? ''] ?? 'syntax.yaml.other');
  return { line: pos?.line ?? 1, column: pos?.col ?? 1, problem };
}

type JsonFault =
  | { at: number; kind: 'end' }
  | { at: number; kind: 'expected'; expected: MessageKey }
  | { at: number; kind: 'trailing' | 'single' | 'string' };

/** Ends the scan at the first fault (thrown from deep inside the recursive descent). */
class JsonFaultFound extends Error {
  constructor(readonly fault: JsonFault) {
    super('JSON fault');
  }
}

/**
 * Where JSON text first goes wrong and why (RFC 8259 grammar), for a text JSON.parse refused. V8's messages
 * differ between Node versions and quote the input, so the position is found here.
 */
export function findJsonFault(text: string): JsonFault | null {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fault = (f: JsonFault): never => {
    throw new JsonFaultFound(f);
  };
  const expect = (expected: MessageKey): never =>
    fault(
      i >= text.length
        ? { at: i, kind: 'end' }
        : text[i] === "'"
          ? { at: i, kind: 'single' }
          : { at: i, kind: 'expected', expected },
    );
  const string = (): void => {
    i++;
    for (;;) {
      if (i >= text.length) fault({ at: i, kind: 'end' });
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c < ' ') fault({ at: i, kind: 'string' });
      if (c === '\\') {
        const n = text[i + 1];
        if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (n !== undefined && '"\\/bfnrt'.includes(n)) i += 2;
        else fault(n === undefined ? { at: i + 1, kind: 'end' } : { at: i, kind: 'string' });
      } else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') {
          if (text[i] === '}' || text[i] === ']') fault({ at: i, kind: 'trailing' });
          expect('syntax.json.name');
        }
        string();
        ws();
        if (text[i] !== ':') expect('syntax.json.colon');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        expect('syntax.json.commaOrBrace');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']' || text[i] === '}') fault({ at: i, kind: 'trailing' });
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        expect('syntax.json.commaOrBracket');
      }
    }
    if (c === '"') return string();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (m && !/[\w.]/.test(text[i + m[0].length] ?? '')) {
      i += m[0].length;
      return;
    }
    expect('syntax.json.value');
  };
  try {
    value();
    ws();
    if (i < text.length) expect('syntax.json.eof');
    return null;
  } catch (err) {
    if (err instanceof JsonFaultFound) return err.fault;
    throw err;
  }
}

/** Line and column (1-based) of an offset in `text`. */
function lineColumn(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** One JSON syntax error in plain words (`text` is what JSON.parse refused). */
export function jsonSyntaxProblem(text: string, t: Translate): SyntaxProblem {
  const f = findJsonFault(text) ?? {
    at: 0,
    kind: 'expected' as const,
    expected: 'syntax.json.value' as MessageKey,
  };
  const where = lineColumn(text, f.at);
  // A word as a whole ("tru"), anything else one character.
  const found = /^[\w.+-]{1,20}/.exec(text.slice(f.at))?.[0] ?? text.slice(f.at, f.at + 1);
  const problem =
    f.kind === 'end'
      ? t('syntax.json.end')
      : f.kind === 'expected'
        ? t('syntax.json.expected', {
            expected: t(f.expected),
            // A double quote is shown in single ones ('"'), anything else in double quotes.
            found: found === '"' ? `'"'` : `"${found}"`,
          })
        : t(`syntax.json.${f.kind}`);
  return { ...where, problem };
}
