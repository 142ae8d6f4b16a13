import { createRequire } from 'node:module';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import type * as YamlModule from 'yaml';
import type { ValidateFunction } from 'ajv';
import { readAsset } from '../core/assets.js';
import { UsageError } from '../core/errors.js';
import { schemaValidator as validatorFor } from '../schemas/standalone.js';
import { checkNesting, readInputFile } from '../core/input-file.js';
import { createTranslator, type Translate } from '../i18n/index.js';
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

function describeAjvError(e: ErrorObject, data: unknown): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
  let value: unknown = data;
  for (const part of e.instancePath.split('/').slice(1)) {
    value = (value as Record<string, unknown> | undefined)?.[part];
  }
  const shown = value === undefined ? '' : ` (got ${JSON.stringify(value)?.slice(0, 80)})`;
  if (e.keyword === 'additionalProperties') {
    return `${where}: unknown field "${String(e.params.additionalProperty)}"`;
  }
  if (e.keyword === 'enum') {
    return `${where}: must be one of ${JSON.stringify(e.params.allowedValues)}${shown}`;
  }
  return `${where}: ${e.message ?? 'is invalid'}${shown}`;
}

/** Validates raw profile data and fills in defaults. Throws UsageError naming the bad field and value. */
export function normalizeProfile(
  raw: unknown,
  source: string,
  baseDir = process.cwd(),
  /** Built-in profiles are our own data, validated by the test suite, not at every run. */
  trusted = false,
  /** The language of the messages (the field lines from the schema stay English). */
  t: Translate = createTranslator('en'),
): Profile {
  const validate = trusted ? () => true : schemaValidator();
  if (!validate(raw)) {
    const errors = (schemaValidator().errors ?? [])
      // oneOf errors repeat each branch; keep the most specific lines
      .filter((e) => e.keyword !== 'oneOf')
      .slice(0, 6)
      .map((e) => `  - ${describeAjvError(e, raw)}`);
    throw new UsageError(t('err.profile.invalid', { source, errors: [...new Set(errors)].join('\n') }));
  }
  const r = raw as Record<string, unknown> & {
    id: string;
    name: string;
    endpoints: Record<string, unknown>[];
  };
  const baseId = typeof r.extends === 'string' ? r.extends : ZAPTEC_PRO.id;
  const baseRaw = BUILTIN_PROFILES[baseId] as typeof ZAPTEC_PRO | undefined;
  if (!baseRaw) throw new UsageError(t('err.profile.extends', { source, base: baseId }));

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
  const seen = new Set<string>();
  for (const e of endpoints) {
    const key = `${e.host}:${e.port}`;
    if (seen.has(key)) throw new UsageError(t('err.profile.twice', { source, key }));
    seen.add(key);
  }
  const wifi = { ...baseRaw.wifi, ...(r.wifi as object | undefined) } as Profile['wifi'];
  if (wifi.rssi.failDbm > wifi.rssi.passDbm) {
    throw new UsageError(t('err.profile.rssi', { source, fail: wifi.rssi.failDbm, pass: wifi.rssi.passDbm }));
  }
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
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new UsageError(
      t('err.profile.syntax', {
        file: ref,
        format: /\.json$/i.test(ref) ? 'JSON' : 'YAML',
        message: msg ?? '',
      }),
    );
  }
  return normalizeProfile(raw, ref, path.dirname(path.resolve(ref)), false, t);
}
