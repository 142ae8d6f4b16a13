import { en } from '../i18n/en.js';
import type { Lang, MessageKey, Translate } from '../i18n/index.js';
import type { Profile } from '../profile/types.js';
import { stringifyJson } from '../core/escape.js';
import { decimalSeparator } from './localize.js';
import { DESIGN_WIDTH, displayWidth, tableRows, wrapText } from './layout.js';

/**
 * The IT allow-list: what the site's firewall must let out for the chargers, from the profile. Each
 * outbound host, port, protocol and why; allowed by host name (Azure addresses change), nothing
 * inbound (NAT is fine), no TLS inspection for these hosts, no proxy.
 */

export interface AllowRule {
  /** null for the DNS server handed out by DHCP (its address is the site's own). */
  host: string | null;
  port: number;
  transport: 'udp' | 'tcp' | 'udp+tcp';
  /** Profile protocol code: ntp, https, mqtts, tls; `dns` for the resolver row. */
  protocol: string;
  required: boolean;
  /** In the chosen language where the text is a built-in profile's; a user profile's text as written. */
  why: string;
}

export interface AllowList {
  profile: string;
  rules: AllowRule[];
  /** Whether the charger can use a proxy (Zaptec's cannot). */
  proxySupported: boolean;
  /** The four rules of engagement, in words: by host name, nothing inbound, no TLS inspection, no proxy. */
  notes: string[];
}

/** Built-in profile `why` lines have translations: found by their English text (gettext style). */
const WHY_KEYS: readonly MessageKey[] = [
  'why.zaptec.ntp',
  'why.zaptec.mqtt',
  'why.zaptec.api.azure',
  'why.zaptec.devices',
  'why.zaptec.api',
  'why.zaptec.ntp.fallback',
];

export function translateWhy(why: string, t: Translate): string {
  const key = WHY_KEYS.find((k) => en[k] === why);
  return key ? t(key) : why;
}

export function buildAllowList(profile: Profile, t: Translate): AllowList {
  const rules: AllowRule[] = [
    {
      host: null,
      port: 53,
      transport: 'udp+tcp',
      protocol: 'dns',
      required: true,
      why: t('allow.dns.why'),
    },
  ];
  for (const e of profile.endpoints) {
    rules.push({
      host: e.host,
      port: e.port,
      transport: e.protocol === 'ntp' ? 'udp' : 'tcp',
      protocol: e.protocol,
      required: e.required,
      why: translateWhy(e.why, t),
    });
  }
  const notes = [t('allow.rule.hostname'), t('allow.rule.inbound'), t('allow.rule.tls')];
  if (!profile.proxySupported) notes.push(t('allow.rule.proxy'));
  if (profile.dhcp.required) notes.push(t('allow.rule.dhcp'));
  return { profile: profile.id, rules, proxySupported: profile.proxySupported, notes };
}

const PROTO_KEYS: Record<string, MessageKey> = {
  ntp: 'allow.proto.ntp',
  https: 'allow.proto.https',
  mqtts: 'allow.proto.mqtts',
  tls: 'allow.proto.tls',
  dns: 'allow.proto.dns',
};

/** "NTP (UDP 123)", "MQTT over TLS (TCP 8883)". */
export function protocolLabel(rule: AllowRule, t: Translate): string {
  const key = PROTO_KEYS[rule.protocol];
  return key ? t(key) : rule.protocol.toUpperCase();
}

export function portLabel(rule: AllowRule): string {
  const transport = rule.transport === 'udp+tcp' ? 'UDP/TCP' : rule.transport.toUpperCase();
  return `${transport} ${rule.port}`;
}

export function hostLabel(rule: AllowRule, t: Translate): string {
  return rule.host ?? t('allow.dns.host');
}

export type AllowListFormat = 'text' | 'csv' | 'json';
export const ALLOWLIST_FORMATS: readonly AllowListFormat[] = ['text', 'csv', 'json'];

/** Plain text for an e-mail to IT: a table whose cells wrap in their columns, then the rules in words. */
export function renderAllowListText(list: AllowList, t: Translate, width = DESIGN_WIDTH): string {
  const rows = list.rules.map((r) => [
    hostLabel(r, t),
    portLabel(r),
    protocolLabel(r, t),
    r.required ? t('allow.yes') : t('allow.optional'),
  ]);
  const head = [t('allow.col.host'), t('allow.col.port'), t('allow.col.protocol'), t('allow.col.required')];
  const columns = [{ min: 16, max: 40 }, { max: 12 }, { max: 24 }, { max: 14 }];
  const [headLines = [], ...ruleLines] = tableRows([head, ...rows], columns, width);
  const out = [...wrapText(t('allow.title', { profile: list.profile }), width), '', ...headLines];
  out.push(
    '-'.repeat(
      Math.min(width, Math.max(...headLines.map(displayWidth), ...ruleLines.flat().map(displayWidth))),
    ),
  );
  list.rules.forEach((r, i) => {
    out.push(...(ruleLines[i] ?? []));
    out.push(...wrapText(r.why, width, '    '));
  });
  out.push('');
  for (const note of list.notes) out.push(...wrapText(note, width, '- ', '  '));
  return `${out.join('\n')}\n`;
}

/**
 * RFC 4180 CSV (CRLF), localized headers, for a spreadsheet: a UTF-8 byte-order mark so Excel reads the
 * accents, and `;` between cells where the language writes decimals with a comma (Excel in Italian
 * locales expects it); cells that a spreadsheet would run as a formula are quoted with '.
 */
export function renderAllowListCsv(list: AllowList, t: Translate, lang: Lang = 'en'): string {
  const sep = csvSeparator(lang);
  const cell = (v: string): string => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return safe.includes(sep) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const head = [
    t('allow.col.host'),
    t('allow.col.port'),
    'UDP/TCP',
    t('allow.col.protocol'),
    t('allow.col.required'),
    t('allow.col.why'),
  ];
  const rows = list.rules.map((r) => [
    hostLabel(r, t),
    String(r.port),
    r.transport === 'udp+tcp' ? 'UDP/TCP' : r.transport.toUpperCase(),
    protocolLabel(r, t),
    r.required ? t('allow.yes') : t('allow.optional'),
    r.why,
  ]);
  return `\uFEFF${[head, ...rows].map((r) => r.map(cell).join(sep)).join('\r\n')}\r\n`;
}

/** Language-neutral codes plus the texts in the chosen language. */
export function renderAllowListJson(list: AllowList): string {
  return `${stringifyJson({
    schemaVersion: 1,
    profile: list.profile,
    rules: list.rules,
    policy: {
      allowBy: 'hostname',
      inbound: 'none',
      tlsInspection: 'off',
      proxy: list.proxySupported ? 'allowed' : 'none',
    },
    notes: list.notes,
  })}\n`;
}

/** `;` where the decimal separator is a comma (it: 1,5), else `,`. */
export function csvSeparator(lang: Lang): ',' | ';' {
  return decimalSeparator(lang) === ',' ? ';' : ',';
}

/** The format a file name asks for: .csv, .json, .txt; anything else is not decided by the name. */
export function allowListFormatOf(file: string | undefined): AllowListFormat | undefined {
  const ext = file && file !== '-' ? /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase() : undefined;
  return ext === 'csv' ? 'csv' : ext === 'json' ? 'json' : ext === 'txt' ? 'text' : undefined;
}

export function renderAllowList(
  list: AllowList,
  format: AllowListFormat,
  t: Translate,
  lang: Lang = 'en',
): string {
  switch (format) {
    case 'csv':
      return renderAllowListCsv(list, t, lang);
    case 'json':
      return renderAllowListJson(list);
    default:
      return renderAllowListText(list, t);
  }
}
