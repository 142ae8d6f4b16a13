import type { ErrorObject } from 'ajv';
import type { MessageKey, Translate } from '../i18n/index.js';

/**
 * JSON-Schema errors (ajv) in plain words, for the profile and sites files: one problem per bad field,
 * naming the field, the value and what is allowed, in the run's language. Never the schema's own text:
 * no regular expressions, no "must match pattern", and one problem for a field whose value fits none of
 * the forms of a `oneOf` (ajv reports every branch).
 */

export interface FieldProblem {
  /** Where the bad value is: the object path, then (for a missing or unknown field) the field's name. */
  segments: string[];
  /** Set for a missing or unknown field and for a bad map key: the name, also the last of `segments`. */
  key?: string;
  /** "endpoints.0.host" ("(top level)" for the document itself). */
  field: string;
  /** "\"a..b\" is not a valid DNS name ...", in the run's language. */
  problem: string;
}

export interface DescribeOptions {
  /** The schema the errors come from (for the bounds, the allowed fields and the forms of a oneOf). */
  schema: unknown;
  /**
   * Field name (the last `properties/<name>` of the failing schema) -> the catalogue sentence that says
   * what the field allows, with `{value}`: used for pattern, oneOf and format errors of that field.
   */
  help?: Readonly<Record<string, MessageKey>>;
  /** Help for a bad map key (a `propertyNames` error), with `{value}`. */
  keyHelp?: MessageKey;
}

export const decodePointer = (p: string): string[] =>
  p
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

/** A value as the user wrote it, short: strings quoted, lists and maps as JSON. */
export function shownValue(value: unknown): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let value: unknown = data;
  for (const s of segments) value = (value as Record<string, unknown> | null | undefined)?.[s];
  return value;
}

/** The schema node at a `#/a/b` schema path (undefined when the path leaves the schema). */
function schemaAt(schema: unknown, schemaPath: string): Record<string, unknown> | undefined {
  let node: unknown = schema;
  for (const s of decodePointer(schemaPath.replace(/^#/, ''))) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

/** The field a schema path describes: its last `properties/<name>`. */
function fieldName(schemaPath: string): string | undefined {
  const parts = decodePointer(schemaPath.replace(/^#/, ''));
  for (let i = parts.length - 2; i >= 0; i--) if (parts[i] === 'properties') return parts[i + 1];
  return undefined;
}

const TYPE_WORDS: Record<string, MessageKey> = {
  integer: 'schema.type.integer',
  number: 'schema.type.number',
  string: 'schema.type.string',
  boolean: 'schema.type.boolean',
  array: 'schema.type.array',
  object: 'schema.type.object',
  null: 'schema.type.null',
};

function typeWords(type: unknown, t: Translate): string {
  const types = (Array.isArray(type) ? type : [type]).map(String);
  const words = types.map((ty) => (TYPE_WORDS[ty] ? t(TYPE_WORDS[ty]) : ty));
  return words.length > 1
    ? t('schema.or', { a: words.slice(0, -1).join(', '), b: words.at(-1) ?? '' })
    : (words[0] ?? '');
}

const list = (values: readonly unknown[]): string => values.map((v) => String(v)).join(', ');

function describeOne(e: ErrorObject, data: unknown, opts: DescribeOptions, t: Translate): string {
  const segments = decodePointer(e.instancePath);
  const v = shownValue(valueAt(data, segments));
  const parent = schemaAt(opts.schema, e.schemaPath.replace(/\/[^/]*$/, ''));
  const help = opts.help?.[fieldName(e.schemaPath) ?? ''];
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return t('schema.type', { value: v, type: typeWords(p.type, t) });
    case 'enum':
      return t('schema.enum', { value: v, allowed: list((p.allowedValues as unknown[] | undefined) ?? []) });
    case 'const':
      return t('schema.const', { value: v, allowed: shownValue(p.allowedValue) });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const min = parent?.minimum;
      const max = parent?.maximum;
      if (typeof min === 'number' && typeof max === 'number')
        return t('schema.between', { value: v, min, max });
      if (e.keyword === 'minimum') return t('schema.min', { value: v, limit: String(p.limit) });
      if (e.keyword === 'maximum') return t('schema.max', { value: v, limit: String(p.limit) });
      return t('schema.invalid', { value: v });
    }
    case 'minLength':
      return Number(p.limit) <= 1
        ? t('schema.empty')
        : t('schema.short', { value: v, limit: String(p.limit) });
    case 'maxLength':
      return t('schema.long', { limit: String(p.limit), n: String(valueAt(data, segments)).length });
    case 'minItems':
      return Number(p.limit) <= 1
        ? t('schema.items.empty')
        : t('schema.items.few', { limit: String(p.limit) });
    case 'maxItems':
      return t('schema.items.many', {
        limit: String(p.limit),
        n: (valueAt(data, segments) as unknown[] | undefined)?.length ?? 0,
      });
    case 'uniqueItems': {
      const items = valueAt(data, segments) as unknown[] | undefined;
      return t('schema.items.twice', { value: shownValue(items?.[Number(p.i)]) });
    }
    case 'pattern':
    case 'format':
      return help ? t(help, { value: v }) : t('schema.form', { value: v });
    default:
      return help ? t(help, { value: v }) : t('schema.invalid', { value: v });
  }
}

/** ajv's errors (allErrors) as one problem per bad field, in the order of the file. */
export function describeSchemaErrors(
  errors: readonly ErrorObject[],
  data: unknown,
  opts: DescribeOptions,
  t: Translate,
): FieldProblem[] {
  const out: FieldProblem[] = [];
  const done = new Set<string>();
  const add = (segments: string[], problem: string, key?: string): void => {
    const id = segments.join('\u0000');
    // One problem per field: the first (most specific) error wins; a oneOf is one problem.
    if (done.has(id)) return;
    done.add(id);
    const item: FieldProblem = { segments, field: segments.join('.') || t('schema.top'), problem };
    if (key !== undefined) item.key = key;
    out.push(item);
  };
  // A value that fits none of the forms of a oneOf: ajv reports each branch's complaint, then the oneOf.
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const inOneOf = (e: ErrorObject): ErrorObject | undefined =>
    oneOfs.find(
      (o) =>
        o !== e &&
        e.schemaPath.startsWith(`${o.schemaPath}/`) &&
        (e.instancePath === o.instancePath || e.instancePath.startsWith(`${o.instancePath}/`)),
    );
  for (const e of errors) {
    const outer = inOneOf(e);
    const err = outer ?? e;
    const segments = decodePointer(err.instancePath);
    const p = err.params as Record<string, unknown>;
    if (err.keyword === 'oneOf' || err.keyword === 'anyOf') {
      const help = opts.help?.[fieldName(err.schemaPath) ?? ''];
      const v = shownValue(valueAt(data, segments));
      add(segments, help ? t(help, { value: v }) : t('schema.invalid', { value: v }));
    } else if (err.keyword === 'additionalProperties') {
      const name = String(p.additionalProperty);
      const known = Object.keys(
        (schemaAt(opts.schema, err.schemaPath.replace(/\/[^/]*$/, ''))?.properties as object | undefined) ??
          {},
      ).filter((k) => k !== '$schema');
      add(
        [...segments, name],
        known.length
          ? t('schema.unknown.known', { name, known: known.join(', ') })
          : t('schema.unknown', { name }),
        name,
      );
    } else if (err.keyword === 'required') {
      const name = String(p.missingProperty);
      // Said at the object that lacks it (one problem per missing field, so the name is in the id).
      if (!done.has([...segments, `\u0001${name}`].join('\u0000'))) {
        done.add([...segments, `\u0001${name}`].join('\u0000'));
        out.push({
          segments,
          field: segments.join('.') || t('schema.top'),
          problem: t('schema.required', { name }),
        });
      }
    } else if (err.keyword === 'propertyNames') {
      const name = String(p.propertyName);
      add(
        [...segments, name],
        opts.keyHelp
          ? t(opts.keyHelp, { value: shownValue(name) })
          : t('schema.form', { value: shownValue(name) }),
        name,
      );
    } else if ((err as { propertyName?: string }).propertyName !== undefined) {
      // The complaint about a map key that comes with its propertyNames error: said once, above.
      continue;
    } else {
      add(segments, describeOne(err, data, opts, t));
    }
  }
  return out;
}
