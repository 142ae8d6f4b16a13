import type { Check, CheckFamily, CheckOutcome } from './check.js';
import type { SiteContext } from './context.js';

/**
 * `site --only`: which planned checks a selection means, and the families that run only those. A name is
 * a kind (`dns`: every DNS check), a check id (`tls:api.zaptec.com:443`), or the start of ids up to a colon
 * (`tls:api.zaptec.com`: that host's TLS checks on every port). The checks a selected one needs (TLS needs
 * TCP needs DNS) are selected with it: a check is never run without its evidence.
 */

/** The cause of a check left out by --only: a skip of its own, listed as not checked, never passed. */
export const NOT_SELECTED = 'NOT_SELECTED';

export interface Selection {
  /** The ids to run: those named and everything they need. */
  ids: Set<string>;
  /** The names that matched no planned check. */
  unknown: string[];
}

/** The checks one name stands for. */
function matching(name: string, planned: readonly Check[]): Check[] {
  const n = name.toLowerCase();
  return planned.filter(
    (c) => c.kind.toLowerCase() === n || c.id.toLowerCase() === n || c.id.toLowerCase().startsWith(`${n}:`),
  );
}

/** Splits `--only dns,ntp --only tls` into names (commas and repeats alike, blanks dropped). */
export function selectionNames(values: readonly string[]): string[] {
  return values
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

export function resolveSelection(names: readonly string[], planned: readonly Check[]): Selection {
  const byId = new Map(planned.map((c) => [c.id, c]));
  const ids = new Set<string>();
  const unknown: string[] = [];
  const add = (c: Check): void => {
    if (ids.has(c.id)) return;
    ids.add(c.id);
    for (const need of c.needs) {
      const dep = byId.get(need);
      if (dep) add(dep);
    }
  };
  for (const name of names) {
    const found = matching(name, planned);
    if (found.length === 0) unknown.push(name);
    for (const c of found) add(c);
  }
  return { ids, unknown };
}

/**
 * The families with every check outside `ids` replaced by one that needs nothing and reports `notRun(ctx)`
 * at once (status skip: a check not run is never passed). Ids, order and titles stay, so the report lists
 * every check of the profile and says which were not run.
 */
export function onlyFamilies(
  families: readonly CheckFamily[],
  ids: ReadonlySet<string>,
  notRun: (ctx: SiteContext) => CheckOutcome,
): CheckFamily[] {
  return families.map((family) => ({
    ...family,
    plan: (ctx) =>
      family
        .plan(ctx)
        .map((check) =>
          ids.has(check.id)
            ? check
            : { ...check, needs: [], budgetShare: 0, run: ({ ctx: c }) => Promise.resolve(notRun(c)) },
        ),
  }));
}
