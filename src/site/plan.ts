import type { SiteContext, SiteOptions } from '../core/context.js';
import { systemClock } from '../core/context.js';
import { createGuard } from '../core/guard.js';
import type { Profile } from '../profile/types.js';
import { createTranslator, type Lang } from '../i18n/index.js';

/**
 * A site context for planning only: what a run would check (`site --list-checks`, resolving `--only`
 * before anything starts). Checks plan from the profile, the options and the language alone; nothing in
 * here reaches the network (no resolvers, no destination dials, a guard that allows loopback only, a signal
 * already aborted), so a check run by mistake through it fails at once instead of sending anything.
 */
export function createPlanningContext(input: {
  site: string;
  profile: Profile;
  options: SiteOptions;
  lang: Lang;
  mode: 'lab' | 'real';
}): SiteContext {
  return {
    mode: input.mode,
    labScenario: null,
    site: input.site,
    profile: input.profile,
    resolvers: [],
    useOsResolver: false,
    trustFor: () => ({ kind: 'private', roots: [], label: 'planning only' }),
    dial: () => null,
    guard: createGuard('loopback'),
    clock: systemClock,
    deadlineMs: 0,
    deadlineAt: 0,
    signal: AbortSignal.abort(),
    environment: { proxy: {}, ipv4DefaultRoute: undefined, routeSource: 'planning only' },
    options: input.options,
    lang: input.lang,
    t: createTranslator(input.lang),
  };
}
