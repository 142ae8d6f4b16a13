import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../core/errors.js';
import { BUILTIN_PROFILES, ZAPTEC_PRO } from './builtin.js';
import type { Endpoint, Profile, Trust, TlsVersion } from './types.js';

let validator: ReturnType<Ajv['compile']> | undefined;

function schemaValidator(): ReturnType<Ajv['compile']> {
  if (!validator) {
    const schema = JSON.parse(
      readFileSync(new URL('../schemas/profile.schema.json', import.meta.url), 'utf8'),
    ) as object;
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validator;
}

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
export function normalizeProfile(raw: unknown, source: string, baseDir = process.cwd()): Profile {
  const validate = schemaValidator();
  if (!validate(raw)) {
    const errors = (validate.errors ?? [])
      // oneOf errors repeat each branch; keep the most specific lines
      .filter((e) => e.keyword !== 'oneOf')
      .slice(0, 6)
      .map((e) => `  - ${describeAjvError(e, raw)}`);
    throw new UsageError(`invalid profile ${source}:\n${[...new Set(errors)].join('\n')}`);
  }
  const r = raw as Record<string, unknown> & {
    id: string;
    name: string;
    endpoints: Record<string, unknown>[];
  };
  const baseId = typeof r.extends === 'string' ? r.extends : ZAPTEC_PRO.id;
  const baseRaw = BUILTIN_PROFILES[baseId] as typeof ZAPTEC_PRO | undefined;
  if (!baseRaw)
    throw new UsageError(`invalid profile ${source}: extends: unknown built-in profile "${baseId}"`);

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
    if (seen.has(key)) throw new UsageError(`invalid profile ${source}: endpoints: ${key} is listed twice`);
    seen.add(key);
  }
  const wifi = { ...baseRaw.wifi, ...(r.wifi as object | undefined) } as Profile['wifi'];
  if (wifi.rssi.failDbm > wifi.rssi.passDbm) {
    throw new UsageError(
      `invalid profile ${source}: wifi.rssi: failDbm (${wifi.rssi.failDbm}) must be below passDbm (${wifi.rssi.passDbm})`,
    );
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
export function loadProfile(idOrPath: string | undefined): Profile {
  const ref = idOrPath ?? ZAPTEC_PRO.id;
  const builtin = BUILTIN_PROFILES[ref];
  if (builtin) return normalizeProfile(builtin, 'builtin');
  if (!/[./\\]/.test(ref)) {
    throw new UsageError(
      `unknown profile "${ref}"`,
      `built-in profiles: ${builtinProfileIds().join(', ')}; or give the path of a .json/.yaml file`,
    );
  }
  let text: string;
  try {
    text = readFileSync(ref, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'error';
    throw new UsageError(`cannot read profile file ${ref} (${code})`);
  }
  let raw: unknown;
  try {
    raw = /\.json$/i.test(ref) ? JSON.parse(text) : parseYaml(text, { prettyErrors: true });
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new UsageError(
      `profile file ${ref} is not valid ${/\.json$/i.test(ref) ? 'JSON' : 'YAML'}: ${msg}`,
    );
  }
  return normalizeProfile(raw, ref, path.dirname(path.resolve(ref)));
}
