import type { Check } from '../core/check.js';
import type { SiteContext } from '../core/context.js';
import type { Endpoint } from '../profile/types.js';

/**
 * An endpoint the profile marks `required: false` (e.g. the Go's fallback NTP servers) cannot make a
 * site not ready: its failures are reported as warnings with the same cause and advice.
 */
export function softenOptional(check: Check, endpoint: Endpoint, ctx: SiteContext): Check {
  if (endpoint.required) return check;
  return {
    ...check,
    async run(input) {
      const out = await check.run(input);
      if (out.status !== 'fail') return out;
      // Dependents of a softened failure are still skipped: the runner reads `optionalFailure`.
      return {
        ...out,
        status: 'warn',
        summary: `${out.summary} ${ctx.t('optional.note')}`,
        evidence: { ...out.evidence, optionalFailure: true },
      };
    },
  };
}
