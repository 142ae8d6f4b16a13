/**
 * The one definition of the report's shape (`zapcheck site --json`, the run history, `zapcheck dhcp --json`).
 * The TypeScript types in src/core/result.ts are `Static<>` of these TypeBox schemas, and the shipped
 * src/schemas/report.schema.json is `reportJsonSchema()` written out (`npm run schema`); a test fails when
 * the shipped file differs from it, so the types and the schema cannot drift.
 *
 * Only the schema writer and the tests load this module: result.ts imports it for types only, so running
 * zapcheck never loads TypeBox (a devDependency).
 *
 * A new report field goes here, with its constraints; then `npm run schema`.
 */
import { Type, type Static, type TUnsafe } from '@sinclair/typebox';
import type { Evidence } from './result.js';
import type { MessageVars } from '../i18n/index.js';

/** `{ enum: [...] }`, typed as the union of its values (TypeBox's own union would write anyOf/const). */
function StringEnum<const T extends readonly string[]>(values: T): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}

/** `{ type: [<type>, 'null'] }` for a string that may be null. */
function NullableString(): TUnsafe<string | null> {
  return Type.Unsafe<string | null>({ type: ['string', 'null'] });
}

const Count = Type.Integer({ minimum: 0 });

export const StatusShape = StringEnum(['pass', 'warn', 'fail', 'skip', 'error'] as const);
export const AudienceShape = StringEnum(['installer', 'it'] as const);
export const VerdictShape = StringEnum(['ready', 'not-ready'] as const);

export const TargetShape = Type.Object(
  {
    host: Type.Optional(Type.String()),
    port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
    protocol: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/**
 * The catalogue key and variables a text was rendered from (src/i18n), so `zapcheck report --lang` can
 * render it in another language; a variable that is itself a sentence is `{ key, vars }`. Absent in
 * reports of older versions and for texts that are not one catalogue sentence: the text is then kept.
 */
export const MessageKeyShape = Type.String({ pattern: '^[a-z0-9]+(\\.[a-zA-Z0-9_-]+)*$' });
export const MessageVarsShape = Type.Unsafe<MessageVars>({
  type: 'object',
  additionalProperties: {
    anyOf: [
      { type: 'string' },
      { type: 'number' },
      {
        type: 'object',
        required: ['key'],
        properties: { key: { type: 'string' }, vars: { type: 'object' } },
      },
    ],
  },
});

export const RemediationShape = Type.Object(
  {
    /** Who can act on it: the electrician on site, or the site's IT department. */
    audience: AudienceShape,
    /** One or two sentences, exact hosts and ports, no jargon beyond what IT needs. */
    text: Type.String({ minLength: 1 }),
    key: Type.Optional(MessageKeyShape),
    vars: Type.Optional(MessageVarsShape),
  },
  { additionalProperties: false },
);

export const CheckResultShape = Type.Object(
  {
    /** Unique within a report, e.g. `tls:zapcloud.azure-devices.net:8883`. */
    id: Type.String({ minLength: 1 }),
    /** The check family: dns, ntp, tcp, tls, https, mqtt, env, wifi, dhcp. */
    kind: Type.String({ minLength: 1 }),
    title: Type.String(),
    target: TargetShape,
    status: StatusShape,
    /** Stable machine code, e.g. DNS_NXDOMAIN, TCP_DROPPED; `OK` on pass. */
    cause: Type.String({ pattern: '^[A-Z0-9_]+$' }),
    /** One line in plain words. */
    summary: Type.String({ pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]*$' }),
    summaryKey: Type.Optional(MessageKeyShape),
    summaryVars: Type.Optional(MessageVarsShape),
    titleKey: Type.Optional(MessageKeyShape),
    titleVars: Type.Optional(MessageVarsShape),
    /** JSON-safe evidence: plain data only. */
    evidence: Type.Unsafe<Evidence>({ type: 'object' }),
    remediation: Type.Array(RemediationShape),
    durationMs: Count,
  },
  { additionalProperties: false },
);

export const ReportEnvironmentShape = Type.Object(
  {
    os: Type.String(),
    osRelease: Type.String(),
    arch: Type.String(),
    node: Type.String(),
    /** Interface carrying the IPv4 default route, when known. */
    interface: NullableString(),
    /** Resolvers the checks used, `ip:port`. */
    resolvers: Type.Array(Type.String()),
    /** `lab` (built-in simulated site) or `real`. */
    mode: StringEnum(['lab', 'real'] as const),
    labScenario: NullableString(),
  },
  { additionalProperties: false },
);

export const RequirementIdShape = StringEnum(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'] as const);

/** One of the manual's requirements as the handover states it (src/report/requirements.ts decides it). */
export const RequirementVerdictShape = Type.Object(
  {
    id: RequirementIdShape,
    /** `skip` = not checked (nothing could test it); `info` for R3 (data budget) and R9 (no inbound ports). */
    status: StringEnum(['pass', 'warn', 'fail', 'skip', 'error', 'info'] as const),
    /** The deciding check's cause (TLS_INTERCEPTED, WIFI_NO_SCAN ...); OK on pass; INFO for R3 and R9. */
    cause: Type.String({ pattern: '^[A-Z0-9_]+$' }),
    /** The other requirement whose failure decided this one ("fails because of R4"), or null. */
    because: Type.Unsafe<Static<typeof RequirementIdShape> | null>({
      enum: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', null],
    }),
    /** In plain words, in the report's language: what holds, what broke, or what would test it. */
    summary: Type.String({ pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]*$' }),
  },
  { additionalProperties: false },
);

/** One charger position of the site's Wi-Fi survey (`zapcheck survey`): its newest reading. */
export const SurveySpotShape = Type.Object(
  {
    /** The position as the installer named it ("Bay 3"). */
    spot: Type.String({ minLength: 1 }),
    takenAt: Type.String({ format: 'date-time' }),
    ssid: Type.String(),
    bssid: NullableString(),
    channel: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    band: Type.Union([StringEnum(['2.4', '5', '6'] as const), Type.Null()]),
    /** Every sample's signal in dBm, in the order taken; null where the network was not seen. */
    samples: Type.Array(Type.Union([Type.Number(), Type.Null()]), { minItems: 1 }),
    minDbm: Type.Union([Type.Number(), Type.Null()]),
    medianDbm: Type.Union([Type.Number(), Type.Null()]),
    status: StatusShape,
    /** The wifi check's cause for the median sample (WIFI_WEAK_SIGNAL ...); OK on pass. */
    cause: Type.String({ pattern: '^[A-Z0-9_]+$' }),
    summary: Type.String({ pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]*$' }),
    remediation: Type.Array(RemediationShape),
  },
  { additionalProperties: false },
);

/** Who handed the site over (`--installer "<name>, <company>"` or the sites file's `installer:`). */
export const InstallerShape = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120, pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]*$' }),
    company: Type.Unsafe<string | null>({
      type: ['string', 'null'],
      maxLength: 120,
      pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]*$',
    }),
  },
  { additionalProperties: false },
);

export const ReportShape = Type.Object(
  {
    schemaVersion: Type.Literal(1),
    tool: Type.Object(
      { name: Type.Literal('zapcheck'), version: Type.String() },
      { additionalProperties: false },
    ),
    site: Type.String(),
    profile: Type.String(),
    startedAt: Type.String({ format: 'date-time' }),
    finishedAt: Type.String({ format: 'date-time' }),
    durationMs: Count,
    verdict: VerdictShape,
    strict: Type.Boolean(),
    interrupted: Type.Boolean(),
    deadlineMs: Type.Integer({ minimum: 1 }),
    environment: ReportEnvironmentShape,
    counts: Type.Object(
      { pass: Count, warn: Count, fail: Count, skip: Count, error: Count },
      { additionalProperties: false },
    ),
    checks: Type.Array(CheckResultShape),
    /** R1-R9 as the handover prints them; absent in reports written before they were added. */
    requirements: Type.Optional(Type.Array(RequirementVerdictShape)),
    /** The site's Wi-Fi survey (newest reading of each spot) when one was taken. */
    survey: Type.Optional(Type.Array(SurveySpotShape)),
    /** The installer who ran the check, for the handover's signature lines; absent when not given. */
    installer: Type.Optional(InstallerShape),
  },
  { additionalProperties: false },
);

/** The JSON Schema document shipped as src/schemas/report.schema.json (plain JSON, no TypeBox symbols). */
export function reportJsonSchema(): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(ReportShape)) as Record<string, unknown>;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://zapcheck.dev/schemas/report.schema.json',
    title: 'zapcheck site report',
    ...plain,
  };
}

/** The file's text: two-space JSON with a trailing newline (what prettier keeps as it is). */
export function reportJsonSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}
