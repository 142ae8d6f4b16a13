import type { Endpoint, Profile } from '../profile/types.js';
import type { Lang } from '../i18n/index.js';
import { createRecordingTranslator } from '../i18n/index.js';
import {
  type Clock,
  type SiteContext,
  type SiteOptions,
  type TrustSpec,
  systemClock,
} from '../core/context.js';
import type { Guard } from '../core/guard.js';
import { readPemFile } from './pem.js';

/** What every site context is built from, real or lab. */
export interface ContextInput {
  site: string;
  profile: Profile;
  deadlineMs: number;
  guard: Guard;
  options: SiteOptions;
  lang: Lang;
  /** Aborted on Ctrl-C. */
  interrupt: AbortSignal;
  clock?: Clock;
  /**
   * Monotonic time (clock.monotonic()) the deadline counts from; default: now. The CLI passes the
   * process's start, so start-up, the OS reads and the lab's set-up are inside --deadline too.
   */
  deadlineFrom?: number;
}

export interface TrustSources {
  publicRoots: readonly string[];
  publicLabel: string;
  /** Lab only: the roots that play a private CA for `{ pem }` endpoints. */
  privateRootsOverride?: readonly string[];
}

export function trustResolver(src: TrustSources): (e: Endpoint) => TrustSpec {
  const pemCache = new Map<string, string[]>();
  return (e) => {
    const trust = e.trust;
    if (trust === 'public') return { kind: 'public', roots: src.publicRoots, label: src.publicLabel };
    if (trust === 'private')
      return { kind: 'private', roots: [], label: 'private root (not available to zapcheck)' };
    if ('pem' in trust) {
      if (src.privateRootsOverride)
        return { kind: 'pem', roots: src.privateRootsOverride, label: 'lab private root' };
      let roots = pemCache.get(trust.pem);
      if (!roots) {
        roots = readPemFile(trust.pem, `profile trust for ${e.host}`);
        pemCache.set(trust.pem, roots);
      }
      return { kind: 'pem', roots, label: trust.pem };
    }
    return {
      kind: 'issuer',
      roots: src.publicRoots,
      issuer: trust.issuer,
      label: `issuer "${trust.issuer}"`,
    };
  };
}

export function baseContext(
  input: ContextInput,
): Pick<
  SiteContext,
  'site' | 'profile' | 'guard' | 'clock' | 'deadlineMs' | 'deadlineAt' | 'signal' | 'options' | 'lang' | 't'
> {
  const clock = input.clock ?? systemClock;
  const deadlineAt = (input.deadlineFrom ?? clock.monotonic()) + input.deadlineMs;
  return {
    site: input.site,
    profile: input.profile,
    guard: input.guard,
    clock,
    deadlineMs: input.deadlineMs,
    deadlineAt,
    signal: AbortSignal.any([
      input.interrupt,
      AbortSignal.timeout(Math.max(1, Math.round(deadlineAt - clock.monotonic()))),
    ]),
    options: input.options,
    lang: input.lang,
    t: createRecordingTranslator(input.lang),
  };
}
