import { createRequire } from 'node:module';
import type * as Tldts from 'tldts';
import type { CheckResult, Remediation } from '../core/result.js';
import type { SiteContext } from '../core/context.js';
import type { Endpoint } from '../profile/types.js';
import { createTranslator, type Translate } from '../i18n/index.js';

const EN = createTranslator('en');

// A plain require() the executable's bundler can see (bin/sea/build.js strips this line; the npm build keeps
// it and finds node_modules).
const require = createRequire(import.meta.url);
/**
 * tldts carries the whole Public Suffix List: loading it took 50-80 ms of start-up on the 2-core machine, and
 * only a TLS or HTTPS fault asks for a registrable domain, so it is loaded then (a healthy run never does).
 */
let tldts: typeof Tldts | undefined;

/** Helpers the check families share: where a host's addresses are, and uniform wording. */

export function dnsCheckId(host: string): string {
  return `dns:${host}`;
}

/** The IPv4 addresses a passed DNS check found for its host (its evidence.addresses). */
export function addressesFrom(dep: CheckResult | undefined): string[] {
  const a = dep?.evidence.addresses;
  return Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * The hand-off key of an endpoint's connection (src/probes/handoff.ts): the TCP check leaves its
 * socket under it for the TLS check, which leaves its verified TLS socket for the HTTPS or MQTT check.
 */
export function connectionKey(e: Pick<Endpoint, 'host' | 'port'>): string {
  return `${e.host}:${e.port}`;
}

export function tcpEndpoints(ctx: SiteContext): Endpoint[] {
  return ctx.profile.endpoints.filter((e) => e.protocol !== 'ntp');
}

export function uniqueHosts(ctx: SiteContext): string[] {
  return [...new Set(ctx.profile.endpoints.map((e) => e.host))];
}

/**
 * Whether the run found no IPv4 default route (env:route failed ENV_NO_IPV4): then nothing beyond the local
 * network is reachable, and an "unreachable" TCP or NTP result is that one fault, not one of its own.
 */
export function noIpv4Route(all: readonly CheckResult[] | undefined): boolean {
  return (all ?? []).some((r) => r.id === 'env:route' && r.cause === 'ENV_NO_IPV4');
}

export function it(text: string): Remediation {
  return { audience: 'it', text };
}

export function installer(text: string): Remediation {
  return { audience: 'installer', text };
}

/** "2 s", "1.5 s" ("1,5 s" in Italian: Intl.NumberFormat through the catalogue), "250 ms". */
export function seconds(ms: number, t: Translate = EN): string {
  return ms >= 1000 ? t('unit.s', { x: ms / 1000 }) : t('unit.ms', { x: Math.round(ms) });
}

/**
 * The organisation a host belongs to: its registrable domain under the Public Suffix List, private
 * suffixes included (so two *.azurewebsites.net apps are two different sites, as they are).
 */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  tldts ??= require('tldts') as typeof Tldts;
  return tldts.getDomain(h, { allowPrivateDomains: true }) ?? h;
}

/**
 * A certificate date as a person reads it: `2026-11-30 08:57 UTC` (never a raw ISO timestamp). Text
 * that is not a date is returned as it is; no date at all is `?`.
 */
export function plainUtc(iso: string | undefined): string {
  if (!iso) return '?';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
