import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { findJsonFault, jsonSyntaxProblem, yamlSyntaxProblem } from '../../src/core/syntax-errors.js';
import { createTranslator } from '../../src/i18n/index.js';
import { runCli } from '../helpers/cli.js';

/**
 * Issue 13: a JSON or YAML syntax error of a profile, a sites file or a report is one plain line with
 * file:line:column in the user's language, never the parser's own text, and exit 2.
 */

const EN = createTranslator('en');
const IT = createTranslator('it');
const yamlError = (text: string): unknown => parseDocument(text).errors[0];

describe('YAML syntax errors in plain words', () => {
  it.each([
    [
      'sites:\n  A:\n    chargers: [1, 2\n',
      4,
      1,
      'a "]" is missing: a list or map opened with [ or { is not closed',
    ],
    ['a:\n\t- x\n', 2, 1, 'a tab is used to indent: YAML indents with spaces only'],
    ['a: "x\n', 2, 1, 'a closing quote is missing'],
    [
      'a: b: c\n',
      1,
      4,
      'two "key:" on one line, or a key over two lines: one key per line, and quote a value that contains ": "',
    ],
    ['a: 1\na: 2\n', 2, 1, 'this key is given twice in the same section'],
    ['key: @x\n', 1, 6, 'a value cannot start with @: put it in quotes'],
    [
      's:\n  A:\n    chargers: 8\n   ssid: x\n',
      4,
      1,
      'the indentation is wrong: the keys of one section must start at the same column',
    ],
  ])('%j -> %i:%i %s', (text, line, column, problem) => {
    expect(yamlSyntaxProblem(yamlError(text), EN)).toEqual({ line, column, problem });
    const italian = yamlSyntaxProblem(yamlError(text), IT);
    expect(italian.problem).not.toBe(problem);
    expect({ line: italian.line, column: italian.column }).toEqual({ line, column });
  });

  it('an alias bomb (yaml refuses to expand it) and an error of no known kind still read plainly', () => {
    expect(
      yamlSyntaxProblem(
        new ReferenceError('Excessive alias count indicates a resource exhaustion attack'),
        IT,
      ).problem,
    ).toBe('troppi alias (*nome): il file si espanderebbe in troppi dati');
    expect(yamlSyntaxProblem({ code: 'SOMETHING_NEW', message: 'x' }, EN)).toEqual({
      line: 1,
      column: 1,
      problem: 'the YAML cannot be read here (check the indentation, the quotes and the brackets)',
    });
  });
});

describe('JSON syntax errors in plain words', () => {
  it.each([
    ['{"id": ', 1, 8, 'the file ends before the JSON is complete (a bracket, brace or quote is not closed)'],
    ['{"a": 1,}', 1, 9, 'a comma before the closing bracket: JSON allows none after the last item'],
    ['[1, 2,]', 1, 7, 'a comma before the closing bracket: JSON allows none after the last item'],
    ["{'a': 1}", 1, 2, 'text in JSON needs "double quotes", not \'single\' ones'],
    ['{"a" 1}', 1, 6, 'expected ":" after the field name, found "1"'],
    ['[1 2]', 1, 4, 'expected "," or "]", found "2"'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected "," or "}", found \'"\''],
    [
      '{"a": tru}',
      1,
      7,
      'expected a value (text in "double quotes", a number, true, false, null, [ or {), found "tru"',
    ],
    ['{"a": 1} x', 1, 10, 'expected the end of the file, found "x"'],
    ['{"a": "x\ny"}', 1, 9, 'a bad \\ escape or a line break inside "double quotes"'],
    ['', 1, 1, 'the file ends before the JSON is complete (a bracket, brace or quote is not closed)'],
  ])('%j -> %i:%i %s', (text, line, column, problem) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(jsonSyntaxProblem(text, EN)).toEqual({ line, column, problem });
    expect(jsonSyntaxProblem(text, IT).problem).not.toBe(problem);
  });

  it('finds a fault exactly when JSON.parse refuses the text (seeded mutations of a real report)', () => {
    const base = JSON.stringify(
      { a: [1, -2.5e3, true, false, null], b: { 'c"d': 'é\\n\u00e9', e: [] }, f: {} },
      null,
      2,
    );
    let seed = 870657035;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = [
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      "'",
      '\\',
      'x',
      '1',
      '-',
      '.',
      'e',
      ' ',
      '\n',
      'tru',
      'null',
    ];
    for (let k = 0; k < 3000; k++) {
      let text = base;
      for (let m = 0; m <= rand(3); m++) {
        const at = rand(text.length + 1);
        text = rand(2)
          ? text.slice(0, at) + pieces[rand(pieces.length)]! + text.slice(at)
          : text.slice(0, at) + text.slice(at + 1);
      }
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(findJsonFault(text) === null, text).toBe(valid);
    }
  });
});

describe('zapcheck with a broken file: one plain line, file:line:column, exit 2', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-syntax-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const at = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('a sites file (zapcheck.yaml), in English and in Italian', async () => {
    at('zapcheck.yaml', 'sites:\n  A:\n    chargers: 8\n   ssid: x\n');
    const en = await runCli(['sites', '--check'], { cwd: dir, env: { LANG: 'C' } });
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      'zapcheck: zapcheck.yaml:4:1: the YAML is not valid here: the indentation is wrong: the keys of one section must start at the same column\n',
    );
    const it = await runCli(['site', '--lab', '--lang', 'it', '--no-history'], { cwd: dir });
    expect(it.code).toBe(2);
    expect(it.stderr).toBe(
      'zapcheck: zapcheck.yaml:4:1: il YAML non è valido in questo punto: il rientro è sbagliato: le chiavi di una stessa sezione devono iniziare alla stessa colonna\n',
    );
    rmSync(path.join(dir, 'zapcheck.yaml'));
  });

  it('a profile file, JSON and YAML', async () => {
    const json = at('p.json', '{"id": "x",\n  "name": "y",}\n');
    const run = await runCli(['site', '--lab', '-p', json, '--no-history'], { cwd: dir, env: { LANG: 'C' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `zapcheck: ${json}:2:15: the JSON is not valid here: a comma before the closing bracket: JSON allows none after the last item\n`,
    );
    const yaml = at('p.yaml', 'id: x\nendpoints: [\n  - {host: a\n');
    const it = await runCli(['profiles', 'show', yaml, '--lang', 'it'], { cwd: dir });
    expect(it.code).toBe(2);
    expect(it.stderr).toBe(
      `zapcheck: ${yaml}:4:1: il YAML non è valido in questo punto: manca un "}": una lista o una mappa aperta con [ o { non è chiusa\n`,
    );
  });

  it('a report given to `report`: no echo of the file, no parser text', async () => {
    const file = at('r.json', '{"tool": {"name": tru}, "secret": "do not echo me"}');
    const run = await runCli(['report', file, '--lang', 'it'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `zapcheck: ${file}:1:19: il JSON non è valido in questo punto: atteso un valore (testo tra "virgolette doppie", un numero, true, false, null, [ o {), trovato "tru"\n`,
    );
    expect(run.stderr).not.toMatch(/secret|Unexpected|position/);
  });
});
