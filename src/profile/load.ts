import { createRequire } from 'node:module';
import path from 'node:path';
import type * as YamlModule from 'yaml';
import type { ValidateFunction } from 'ajv';
import { readAsset } from '../core/assets.js';
import { UsageError } from '../core/errors.js';
import { schemaValidator as validatorFor } from '../schemas/standalone.js';
import { checkNesting, readInputFile } from '../core/input-file.js';
import { createTranslator, type MessageKey, type Translate } from '../i18n/index.js';
import { describeSchemaErrors, shownValue, type FieldProblem } from '../core/schema-errors.js';
import { lineOf } from '../core/yaml-lines.js';
import { jsonSyntaxProblem, yamlSyntaxProblem } from '../core/syntax-errors.js';
import { BUILTIN_PROFILES, ZAPTEC_PRO } from './builtin.js';
import type { Endpoint, Profile, Trust, TlsVersion } from './types.js';

// The validator and yaml are loaded only when a profile file is read: a run with a built-in profile (the usual
// case) does not pay their start-up time and memory. Both ship CommonJS, so a lazy require is sync.
const require = createRequire(import.meta.url);

export function profileSchema(): object {
  return JSON.parse(readAsset('schemas/profile.schema.json')) as object;
}

/** The profile schema's validator, generated at build time (src/schemas/standalone.ts). */
const schemaValidator = (): ValidateFunction => validatorFor('profile');

/** What a field with a pattern or several forms allows, said in words (never the schema's regex). */
const FIELD_HELP: Readonly<Record<string, MessageKey>> = {
  id: 'profile.help.id',
  host: 'profile.help.host',
  trust: 'profile.help.trust',
  path: 'profile.help.path',
};

/** 5 GHz channel numbers (20 MHz channels, every regulatory domain). */
const CHANNELS_5GHZ = new Set<number>([
  ...Array.from({ length: 10 }, (_, i) => 32 + 4 * i), // 32-68
  ...Array.from({ length: 13 }, (_, i) => 96 + 4 * i), // 96-144
  ...Array.from({ length: 8 }, (_, i) => 149 + 4 * i), // 149-177
]);

/**
 * `wifi.channels` lists the 2.4 GHz channels the charger may use (1-13 in Europe). Channel 14 is Japan's,
 * 802.11b only; a 5 or 6 GHz number there is a mix-up of bands. One problem for the whole list.
 */
function channelProblem(channels: unknown, t: Translate): string | undefined {
  if (!Array.isArray(channels)) return undefined;
  const bad: string[] = [];
  for (const c of channels) {
    if (typeof c !== 'number' || !Number.isInteger(c) || (c >= 1 && c <= 13)) continue;
    if (c === 14) bad.push(t('profile.channel.14'));
    else if (CHANNELS_5GHZ.has(c)) bad.push(t('profile.channel.5ghz', { channel: c }));
    else if (c > 13 && c <= 233 && (c - 1) % 4 === 0) bad.push(t('profile.channel.6ghz', { channel: c }));
    else bad.push(t('profile.channel.none', { channel: c }));
  }
  return bad.length ? t('profile.channels', { bad: bad.join('; ') }) : undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The checks a schema cannot say: built-in base, duplicate endpoints, RSSI order, channels of the band. */
function meaningProblems(raw: unknown, t: Translate): FieldProblem[] {
  if (!isRecord(raw)) return [];
  const out: FieldProblem[] = [];
  const at = (segments: string[], problem: string): void => {
    out.push({ segments, field: segments.join('.'), problem });
  };
  if (typeof raw.extends === 'string' && !BUILTIN_PROFILES[raw.extends]) {
    at(
      ['extends'],
      t('profile.extends', { value: shownValue(raw.extends), ids: builtinProfileIds().join(', ') }),
    );
  }
  if (Array.isArray(raw.endpoints)) {
    const seen = new Map<string, number>();
    raw.endpoints.forEach((e: unknown, i) => {
      if (!isRecord(e) || typeof e.host !== 'string' || typeof e.port !== 'number') return;
      const key = `${e.host.replace(/\.$/, '').toLowerCase()}:${e.port}`;
      const first = seen.get(key);
      if (first !== undefined)
        at(['endpoints', String(i)], t('profile.twice', { key, first: `endpoints.${first}` }));
      else seen.set(key, i);
    });
  }
  const wifi = isRecord(raw.wifi) ? raw.wifi : {};
  const rssi = isRecord(wifi.rssi) ? wifi.rssi : {};
  if (typeof rssi.failDbm === 'number' && typeof rssi.passDbm === 'number' && rssi.failDbm > rssi.passDbm) {
    at(['wifi', 'rssi', 'failDbm'], t('profile.rssi', { fail: rssi.failDbm, pass: rssi.passDbm }));
  }
  const channels = channelProblem(wifi.channels, t);
  if (channels) at(['wifi', 'channels'], channels);
  return out;
}

/** Where the problems are, one line each: "file:line: field: problem" (line when the text is known). */
function problemLines(problems: readonly FieldProblem[], source: string, text: string | undefined): string[] {
  let lineFor: ((p: FieldProblem) => number) | undefined;
  if (text !== undefined) {
    try {
      const Y = require('yaml') as typeof YamlModule;
      const lc = new Y.LineCounter();
      const doc = Y.parseDocument(text, { lineCounter: lc, uniqueKeys: false });
      if (!doc.errors.length) {
        lineFor = (p) =>
          lineOf(Y, doc, lc, p.key !== undefined ? p.segments.slice(0, -1) : p.segments, p.key);
      }
    } catch {
      // No line numbers then: the field path still says where.
    }
  }
  const lines = problems.map((p) => ({ line: lineFor?.(p), p }));
  // In the order of the file, so they read top to bottom beside it.
  if (lineFor) lines.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return lines.map(
    ({ line, p }) => `  - ${line !== undefined ? `${source}:${line}: ` : ''}${p.field}: ${p.problem}`,
  );
}

/** At most this many problems are listed; the rest are counted. */
const MAX_PROBLEMS = 20;

/** Validates raw profile data and fills in defaults. Throws UsageError naming each bad field and value. */
export function normalizeProfile(
  raw: unknown,
  source: string,
  baseDir = process.cwd(),
  /** Built-in profiles are our own data, validated by the test suite, not at every run. */
  trusted = false,
  /** The language of the messages. */
  t: Translate = createTranslator('en'),
  /** The file's text, for the line of each problem. */
  text?: string,
): Profile {
  if (!trusted) {
    const validate = schemaValidator();
    const problems = validate(raw)
      ? []
      : describeSchemaErrors(validate.errors ?? [], raw, { schema: profileSchema(), help: FIELD_HELP }, t);
    const fields = new Set(problems.map((p) => p.field));
    for (const p of meaningProblems(raw, t)) if (!fields.has(p.field)) problems.push(p);
    if (problems.length) {
      const lines = problemLines(problems, source, text).slice(0, MAX_PROBLEMS);
      if (problems.length > MAX_PROBLEMS)
        lines.push(`  - ${t('profile.more', { n: problems.length - MAX_PROBLEMS })}`);
      throw new UsageError(t('err.profile.invalid', { source, errors: lines.join('\n') }));
    }
  }
  const r = raw as Record<string, unknown> & {
    id: string;
    name: string;
    endpoints: Record<string, unknown>[];
  };
  const baseId = typeof r.extends === 'string' ? r.extends : ZAPTEC_PRO.id;
  const baseRaw = BUILTIN_PROFILES[baseId] as typeof ZAPTEC_PRO;

  const endpoints: Endpoint[] = r.endpoints.map((e) => {
    let trust = (e.trust ?? 'public') as Trust;
    if (typeof trust === 'object' && 'pem' in trust) {
      trust = { pem: path.resolve(baseDir, trust.pem) };
    }
    const endpoint: Endpoint = {
      host: (e.host as string).replace(/\.$/, '').toLowerCase(),
      port: e.port as number,
      protocol: e.protocol as Endpoint['protocol'],
      trust,
      tlsVersions: (e.tlsVersions as TlsVersion[] | undefined) ?? ['TLSv1.2'],
      required: (e.required as boolean | undefined) ?? true,
      why: (e.why as string | undefined) ?? '',
    };
    if (typeof e.path === 'string') endpoint.path = e.path;
    return endpoint;
  });
  const wifi = { ...baseRaw.wifi, ...(r.wifi as object | undefined) } as Profile['wifi'];
  return {
    id: r.id,
    name: r.name,
    description: (r.description as string | undefined) ?? '',
    source,
    endpoints,
    wifi,
    dhcp: { ...baseRaw.dhcp, ...(r.dhcp as object | undefined) },
    traffic: { ...baseRaw.traffic, ...(r.traffic as object | undefined) },
    mqttKeepAliveSec: (r.mqttKeepAliveSec as number | undefined) ?? baseRaw.mqttKeepAliveSec,
    proxySupported: (r.proxySupported as boolean | undefined) ?? baseRaw.proxySupported,
  };
}

export function builtinProfileIds(): string[] {
  return Object.keys(BUILTIN_PROFILES);
}

/** `--profile <id|path>`: a built-in id, or a JSON/YAML file. */
export function loadProfile(idOrPath: string | undefined, t: Translate = createTranslator('en')): Profile {
  const ref = idOrPath ?? ZAPTEC_PRO.id;
  const builtin = BUILTIN_PROFILES[ref];
  if (builtin) return normalizeProfile(builtin, 'builtin', process.cwd(), true);
  if (!/[./\\]/.test(ref)) {
    throw new UsageError(
      t('err.profile.unknown', { ref }),
      t('err.profile.unknown.hint', { ids: builtinProfileIds().join(', ') }),
    );
  }
  const text = readInputFile(ref, 'profile', { t });
  checkNesting(text, ref, t('input.what.profile'), t);
  let raw: unknown;
  try {
    raw = /\.json$/i.test(ref)
      ? JSON.parse(text)
      : (require('yaml') as typeof YamlModule).parse(text, { prettyErrors: true });
  } catch (err) {
    // One plain line with file:line:column, never the parser's own text (V8's JSON message quotes the input).
    const json = /\.json$/i.test(ref);
    const where = json ? jsonSyntaxProblem(text, t) : yamlSyntaxProblem(err, t);
    throw new UsageError(t('err.syntax', { file: ref, format: json ? 'JSON' : 'YAML', ...where }));
  }
  return normalizeProfile(raw, ref, path.dirname(path.resolve(ref)), false, t, text);
}
