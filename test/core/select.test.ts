import { describe, expect, it } from 'vitest';
import { planChecks } from '../../src/core/runner.js';
import { onlyFamilies, resolveSelection, selectionNames } from '../../src/core/select.js';
import { outcome } from '../../src/core/check.js';
import { CHECK_FAMILIES } from '../../src/checks/index.js';
import { createPlanningContext } from '../../src/site/plan.js';
import { loadProfile } from '../../src/profile/load.js';

const ctx = createPlanningContext({
  site: 'test',
  profile: loadProfile('zaptec-pro'),
  options: { mqttConnect: true, strict: false, extra: {} },
  lang: 'en',
  mode: 'lab',
});
const planned = planChecks(CHECK_FAMILIES, ctx);

describe('--only: which checks a selection means', () => {
  it('splits comma lists and repeats alike', () => {
    expect(selectionNames(['dns,ntp', ' tls ', ',,'])).toEqual(['dns', 'ntp', 'tls']);
  });

  it('a kind selects every check of it, and nothing it does not need', () => {
    const { ids, unknown } = resolveSelection(['ntp'], planned);
    expect(unknown).toEqual([]);
    // NTP needs the DNS answer for its host, nothing else.
    expect([...ids].sort()).toEqual(['dns:no.pool.ntp.org', 'ntp:no.pool.ntp.org:123']);
  });

  it('a TLS check id brings its TCP and DNS checks (tls needs tcp needs dns)', () => {
    const { ids } = resolveSelection(['tls:api.zaptec.com:443'], planned);
    expect([...ids].sort()).toEqual([
      'dns:api.zaptec.com',
      'tcp:api.zaptec.com:443',
      'tls:api.zaptec.com:443',
    ]);
  });

  it('an id without its port selects that host on every port; case does not matter', () => {
    const { ids } = resolveSelection(['TCP:api.zaptec.com'], planned);
    expect(ids.has('tcp:api.zaptec.com:443')).toBe(true);
    expect(ids.has('tcp:devices.zaptec.com:443')).toBe(false);
  });

  it('names that match nothing are returned as unknown (no partial-word matches)', () => {
    const { unknown } = resolveSelection(['dns', 'tsl', 'tls:api'], planned);
    expect(unknown).toEqual(['tsl', 'tls:api']);
  });

  it('the checks left out report the given outcome at once and need nothing; ids and order stay', async () => {
    const { ids } = resolveSelection(['dns:api.zaptec.com'], planned);
    const families = onlyFamilies(CHECK_FAMILIES, ids, () => outcome('skip', 'NOT_SELECTED', 'not run'));
    const wrapped = planChecks(families, ctx);
    expect(wrapped.map((c) => c.id)).toEqual(planned.map((c) => c.id));
    const tls = wrapped.find((c) => c.id === 'tls:api.zaptec.com:443')!;
    expect(tls.needs).toEqual([]);
    const out = await tls.run({ ctx, probes: {} as never, deps: {}, budgetMs: 1 });
    expect(out).toMatchObject({ status: 'skip', cause: 'NOT_SELECTED' });
    // The selected check is the family's own (its budget and needs kept).
    const dns = wrapped.find((c) => c.id === 'dns:api.zaptec.com')!;
    const original = planned.find((c) => c.id === 'dns:api.zaptec.com')!;
    expect(dns.budgetShare).toBe(original.budgetShare);
    expect(dns.budgetShare).toBeGreaterThan(0);
  });
});
