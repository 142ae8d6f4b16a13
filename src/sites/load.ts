import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { schemaValidator as validatorFor } from '../schemas/standalone.js';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { UsageError } from '../core/errors.js';
import { checkNesting, InputFileError, readInputFile } from '../core/input-file.js';
import type { Translate } from '../i18n/index.js';
import { DEFAULT_SITES_FILE, type SiteEntry, type SitesFile } from './types.js';

/**
 * The sites file (zapcheck.yaml in the working directory, or --sites <file>), validated against
 * schemas/sites.schema.json. YAML is parsed keeping positions (parseDocument + LineCounter) so every
 * mistake is reported as file:line and the field's path, then exit 2 (UsageError).
 */

export { DEFAULT_SITES_FILE };

/** The sites schema's validator, generated at build time (src/schemas/standalone.ts). */
const schemaValidator = (): ValidateFunction => validatorFor('sites');

const decodePointer = (p: string): string[] =>
  p
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

/** Line (1-based) of the node at `segments`, or of its nearest ancestor that exists. */
function lineOf(doc: Document, lc: LineCounter, segments: string[], key?: string): number {
  for (let n = segments.length; n >= 0; n--) {
    const node = (n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true)) as Node | null | undefined;
    if (!node) continue;
    if (key !== undefined && n === segments.length && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      const range = (pair?.key as Node | undefined)?.range;
      if (range) return lc.linePos(range[0]).line;
    }
    if (n < segments.length && isMap(node)) {
      // The value may be null (`Garage Nord:` with nothing under it): point at its key.
      const want = segments[n];
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === want);
      const range = (pair?.key as Node | undefined)?.range;
      if (range) return lc.linePos(range[0]).line;
    }
    if (node.range) return lc.linePos(node.range[0]).line;
  }
  return 1;
}

function shown(value: unknown): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function describe(e: ErrorObject, value: unknown, t: Translate): string {
  const v = shown(value);
  switch (e.keyword) {
    case 'additionalProperties':
      return t('err.field.unknown', { name: String(e.params.additionalProperty) });
    case 'required':
      return t('err.field.required', { name: String(e.params.missingProperty) });
    case 'type':
      return t('err.field.type', { type: String(e.params.type), value: v });
    case 'minimum':
      return t('err.field.min', { limit: String(e.params.limit), value: v });
    case 'maximum':
      return t('err.field.max', { limit: String(e.params.limit), value: v });
    case 'minLength':
      return t('err.field.length');
    case 'pattern':
      return t('err.field.pattern', { value: v });
    default:
      return t('err.field.invalid', { value: v });
  }
}

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
  if (!doc.errors.length) {
    visit(doc, {
      Map(_key, map) {
        const seen = new Set<string>();
        for (const pair of map.items) {
          if (!isScalar(pair.key)) continue;
          const k = String(pair.key.value);
          if (seen.has(k)) {
            const line = pair.key.range ? lc.linePos(pair.key.range[0]).line : 1;
            throw new UsageError(
              t('err.sites.yaml', { file: shownFile, line, message: 'Map keys must be unique' }),
            );
          }
          seen.add(k);
        }
        return undefined;
      },
    });
  }
  if (doc.errors.length) {
    const err = doc.errors[0];
    const line = err?.linePos?.[0].line ?? 1;
    const message = (err?.message ?? 'error').split('\n')[0] ?? '';
    throw new UsageError(
      t('err.sites.yaml', { file: shownFile, line, message: message.replace(/ at line \d+.*$/, '') }),
    );
  }
  let data: unknown;
  try {
    // yaml refuses alias expansion past maxAliasCount (an alias bomb) here, not while parsing.
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
    throw new UsageError(t('err.sites.yaml', { file: shownFile, line: 1, message }));
  }
  const validate = schemaValidator();
  if (!validate(data)) {
    const messages = (validate.errors ?? [])
      .filter((e) => e.keyword !== 'if')
      .slice(0, 6)
      .map((e) => {
        const segments = decodePointer(e.instancePath);
        const key =
          e.keyword === 'additionalProperties'
            ? String(e.params.additionalProperty)
            : e.keyword === 'propertyNames'
              ? String(e.params.propertyName)
              : undefined;
        const line = lineOf(doc, lc, segments, key);
        const field = [
          ...segments,
          ...(key !== undefined && e.keyword === 'additionalProperties' ? [key] : []),
        ]
          .join('.')
          .replace(/^$/, '(top level)');
        let value: unknown = data;
        for (const s of segments) value = (value as Record<string, unknown> | null | undefined)?.[s];
        return t('err.sites.field', { file: shownFile, line, field, problem: describe(e, value, t) });
      });
    const [first, ...rest] = [...new Set(messages)];
    throw new UsageError(first ?? shownFile, rest.length ? rest.join('\n  ') : undefined);
  }
  const raw = data as { sites: Record<string, Record<string, unknown> | null> };
  const dir = path.dirname(absPath);
  // Each site's line, from one pass over the `sites` map (a lookup per site was quadratic).
  const lines = new Map<string, number>();
  const sitesNode = doc.get('sites', true) as Node | undefined;
  if (sitesNode && isMap(sitesNode)) {
    for (const pair of sitesNode.items) {
      const range = (pair.key as Node | undefined)?.range;
      if (isScalar(pair.key) && range) lines.set(String(pair.key.value), lc.linePos(range[0]).line);
    }
  }
  const sites: SiteEntry[] = Object.entries(raw.sites).map(([name, fields]) => {
    const entry: SiteEntry = { name, line: lines.get(name) ?? lineOf(doc, lc, ['sites'], name) };
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
    return entry;
  });
  return { path: absPath, sites };
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
