import type { Check } from '../core/check.js';
import { UsageError } from '../core/errors.js';
import { planChecks } from '../core/runner.js';
import { resolveSelection, selectionNames } from '../core/select.js';
import { CHECK_FAMILIES } from '../checks/index.js';
import { createPlanningContext } from '../site/plan.js';
import type { SiteInputs } from './site-inputs.js';
import { didYouMean } from './suggest.js';

/**
 * What a run would check, and the name resolution of `site --only`: both plan the run from the profile
 * and the options alone (src/site/plan.ts), before anything is started or sent. No renderer here: a run
 * loads this before its first packet.
 */

/** Every check a run of these inputs plans, in report order. */
export function plannedChecks(inputs: SiteInputs, lab: boolean): Check[] {
  const ctx = createPlanningContext({
    site: inputs.site,
    profile: inputs.profile,
    options: inputs.options,
    lang: inputs.lang,
    mode: lab ? 'lab' : 'real',
  });
  return planChecks(CHECK_FAMILIES, ctx);
}

/**
 * The ids `--only` selects (and what they need), or null without --only. A name that matches no check is
 * a usage error naming the closest kinds or ids.
 */
export function onlySelection(
  inputs: SiteInputs,
  values: readonly string[] | undefined,
  planned: readonly Check[],
): Set<string> | null {
  if (values === undefined) return null;
  const { t } = inputs;
  const names = selectionNames(values);
  const kinds = [...new Set(planned.map((c) => c.kind))];
  if (names.length === 0) {
    throw new UsageError(t('err.only.empty'), t('err.only.hint', { kinds: kinds.join(', ') }));
  }
  const { ids, unknown } = resolveSelection(names, planned);
  const [bad] = unknown;
  if (bad !== undefined) {
    throw new UsageError(
      t('err.only.unknown', { name: bad, profile: inputs.profile.id }),
      didYouMean(t, bad, [...kinds, ...planned.map((c) => c.id)]) ??
        t('err.only.hint', { kinds: kinds.join(', ') }),
    );
  }
  return ids;
}
