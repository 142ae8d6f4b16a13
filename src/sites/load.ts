import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { readAsset } from '../core/assets.js';
import { describeSchemaErrors } from '../core/schema-errors.js';
import { lineOf } from '../core/yaml-lines.js';
import { yamlSyntaxProblem } from '../core/syntax-errors.js';
import { schemaValidator as validatorFor } from '../schemas/standalone.js';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { UsageError } from '../core/errors.js';
import { parseInstaller, type Installer } from '../core/installer.js';
import { checkNesting, InputFileError, readInputFile } from '../core/input-file.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import { parseIpv4Range } from '../core/ipv4.js';
import { DEFAULT_SITES_FILE, type DuplicateSite, type SiteEntry, type SitesFile } from './types.js';

/**
 * The sites file (zapcheck.yaml in the working directory, or --sites <file>), validated against
 * schemas/sites.schema.json. YAML is parsed keeping positions (parseDocument + LineCounter) so every
 * mistake is reported as file:line and the field's path, then exit 2 (UsageError).
 */

export { DEFAULT_SITES_FILE };

/** The sites schema's validator, generated at build time (src/schemas/standalone.ts). */
const schemaValidator = (): ValidateFunction => validatorFor('sites');

/** What a field with a pattern allows, in words (never the schema's regex). */
const FIELD_HELP = { dhcpRange: 'sites.help.dhcpRange' } as const;

const lines = (doc: Document, lc: LineCounter, segments: readonly string[], key?: string): number =>
  lineOf({ isMap, isScalar }, doc, lc, segments, key);

/** Parses and validates sites-file text; `file` is used in messages and to resolve profile paths. */
export function parseSitesFile(
  text: string,
  file: string,
  t: Translate,
  absPath: string = path.resolve(file),
): SitesFile {
  checkNesting(text, file, t('input.what.sites'), t);
  const lc = new LineCounter();
  // yaml's own uniqueKeys check compares every key with every other (8 s for 20,000 sites): duplicates
  // are found below with one Set per map instead.
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: true });
  const shownFile = file;
  // Two sites of one name are kept for the sanity check (src/sites/check.ts), which says both lines; the
  // same key twice anywhere else (two `chargers:` in one site) is an error here.
  const duplicates: DuplicateSite[] = [];
  if (!doc.errors.length) {
    const sitesMap = doc.get('sites', true);
    visit(doc, {
      Map(_key, map) {
        const seen = new Map<string, number>();
        for (const pair of map.items) {
          if (!isScalar(pair.key)) continue;
          const k = String(pair.key.value);
          const line = pair.key.range ? lc.linePos(pair.key.range[0]).line : 1;
          const first = seen.get(k);
          if (first === undefined) seen.set(k, line);
          else if (map === sitesMap) duplicates.push({ name: k, line, first });
          else throw new UsageError(t('err.sites.twice', { file: shownFile, line, key: k, first }));
        }
        return undefined;
      },
    });
  }
  if (doc.errors.length) {
    const where = yamlSyntaxProblem(doc.errors[0], t);
    throw new UsageError(t('err.syntax', { file: shownFile, format: 'YAML', ...where }));
  }
  let data: unknown;
  try {
    // yaml refuses alias expansion past maxAliasCount (an alias bomb) here, not while parsing.
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (err) {
    throw new UsageError(t('err.syntax', { file: shownFile, format: 'YAML', ...yamlSyntaxProblem(err, t) }));
  }
  const validate = schemaValidator();
  if (!validate(data)) {
    const schema = JSON.parse(readAsset('schemas/sites.schema.json')) as object;
    const problems = describeSchemaErrors(
      validate.errors ?? [],
      data,
      { schema, help: FIELD_HELP, keyHelp: 'sites.help.name' },
      t,
    ).map((p) => ({
      line: lines(doc, lc, p.key !== undefined ? p.segments.slice(0, -1) : p.segments, p.key),
      p,
    }));
    problems.sort((x, y) => x.line - y.line);
    const messages = problems
      .slice(0, 20)
      .map(({ line, p }) =>
        t('err.sites.field', { file: shownFile, line, field: p.field, problem: p.problem }),
      );
    const [first, ...rest] = messages;
    throw new UsageError(first ?? shownFile, rest.length ? rest.join('\n  ') : undefined);
  }
  const raw = data as { sites: Record<string, Record<string, unknown> | null> };
  const installerOf = (v: unknown): Installer | undefined => {
    const i = typeof v === 'string' ? parseInstaller(v) : null;
    return i && typeof i === 'object' ? i : undefined;
  };
  const fileInstaller = installerOf((data as { installer?: unknown }).installer);
  const dir = path.dirname(absPath);
  // Each site's line and its fields' lines, from one pass over the `sites` map (a lookup per site was
  // quadratic). Of two sites of one name, a run uses the later (as YAML readers do): its lines are kept.
  const siteLines = new Map<string, number>();
  const fieldLines = new Map<string, Partial<Record<string, number>>>();
  const sitesNode = doc.get('sites', true) as Node | undefined;
  if (sitesNode && isMap(sitesNode)) {
    for (const pair of sitesNode.items) {
      const range = (pair.key as Node | undefined)?.range;
      if (!isScalar(pair.key) || !range) continue;
      const name = String(pair.key.value);
      siteLines.set(name, lc.linePos(range[0]).line);
      const fields: Partial<Record<string, number>> = {};
      if (isMap(pair.value)) {
        for (const f of pair.value.items) {
          const r = (f.key as Node | undefined)?.range;
          if (isScalar(f.key) && r) fields[String(f.key.value)] = lc.linePos(r[0]).line;
        }
      }
      fieldLines.set(name, fields);
    }
  }
  // The pattern of the schema lets through what only arithmetic can refuse (300.1.1.1, a backwards range).
  const rangeErrors: string[] = [];
  for (const [name, fields] of Object.entries(raw.sites)) {
    const text = fields?.dhcpRange;
    if (typeof text !== 'string') continue;
    const r = parseIpv4Range(text);
    if (r.ok) continue;
    const line = fieldLines.get(name)?.dhcpRange ?? siteLines.get(name) ?? 1;
    const problem = t(`sites.range.${r.problem}` as MessageKey, { value: JSON.stringify(text) });
    rangeErrors.push(
      t('err.sites.field', { file: shownFile, line, field: `sites.${name}.dhcpRange`, problem }),
    );
  }
  if (rangeErrors.length) {
    const [first, ...rest] = rangeErrors;
    throw new UsageError(first ?? shownFile, rest.length ? rest.slice(0, 19).join('\n  ') : undefined);
  }
  const sites: SiteEntry[] = Object.entries(raw.sites).map(([name, fields]) => {
    const entry: SiteEntry = { name, line: siteLines.get(name) ?? lines(doc, lc, ['sites'], name) };
    const f = fields ?? {};
    if (typeof f.address === 'string') entry.address = f.address;
    if (typeof f.chargers === 'number') entry.chargers = f.chargers;
    if (typeof f.ssid === 'string') entry.ssid = f.ssid;
    if (typeof f.profile === 'string') {
      // A path (has a dot or slash) is relative to the sites file; a bare id is a built-in profile.
      entry.profile = /[./\\]/.test(f.profile) ? path.resolve(dir, f.profile) : f.profile;
    }
    if (typeof f.dhcpRange === 'string') entry.dhcpRange = f.dhcpRange.replace(/\s+/g, '');
    if (typeof f.metered === 'boolean') entry.metered = f.metered;
    if (typeof f.sessionsPerChargerPerDay === 'number')
      entry.sessionsPerChargerPerDay = f.sessionsPerChargerPerDay;
    if (typeof f.notes === 'string') entry.notes = f.notes;
    const installer = installerOf(f.installer) ?? fileInstaller;
    if (installer) entry.installer = installer;
    return entry;
  });
  return {
    path: absPath,
    sites,
    fieldLines,
    duplicates,
    ...(fileInstaller ? { installer: fileInstaller } : {}),
  };
}

/**
 * Reads the sites file: `explicit` (--sites) must exist; otherwise zapcheck.yaml in `cwd` is used when
 * present, and null means there is none.
 */
export function readSitesFile(cwd: string, explicit: string | undefined, t: Translate): SitesFile | null {
  const file = path.resolve(cwd, explicit ?? DEFAULT_SITES_FILE);
  let text: string;
  try {
    text = readInputFile(file, 'sites', { t });
  } catch (err) {
    if (err instanceof InputFileError && err.refusal === 'NOT_FOUND' && explicit === undefined) return null;
    if (err instanceof InputFileError) {
      // Name the file as the user wrote it.
      throw new InputFileError(
        err.refusal,
        err.message.replace(file, explicit ?? DEFAULT_SITES_FILE),
        err.hint,
      );
    }
    throw err;
  }
  return parseSitesFile(text, explicit ?? DEFAULT_SITES_FILE, t, file);
}

/** The entry for a site name: exact, else ignoring case and Unicode form. */
export function findSite(file: SitesFile | null, name: string): SiteEntry | null {
  if (!file) return null;
  const exact = file.sites.find((s) => s.name === name);
  if (exact) return exact;
  const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase().trim();
  return file.sites.find((s) => fold(s.name) === fold(name)) ?? null;
}
