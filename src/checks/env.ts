import type { Check, CheckFamily } from '../core/check.js';
import { outcome } from '../core/check.js';
import { fromEnglish } from '../i18n/index.js';
import { installer, it } from './shared.js';

/**
 * The charger's own constraints, checked on this machine's view of the site: it speaks IPv4 only
 * (an IPv6-only network cannot carry it) and cannot use a proxy.
 */

const routeCheck: Check = {
  id: 'env:route',
  kind: 'env',
  title: 'IPv4 default route',
  target: { protocol: 'ipv4' },
  needs: [],
  budgetShare: 0.1,
  run({ ctx }) {
    const t = ctx.t;
    const route = ctx.environment.ipv4DefaultRoute;
    const evidence = { source: ctx.environment.routeSource, route: route ?? null };
    if (route === undefined) {
      return Promise.resolve(
        outcome(
          'skip',
          'ENV_UNKNOWN',
          // The site context says where it looked in English (src/site, src/lab); said again here in the
          // run's language (env.source.* templates), a path or tool list as it is.
          t('env.route.unknown', { source: fromEnglish(ctx.environment.routeSource, t, 'env.source.') }),
          evidence,
        ),
      );
    }
    if (route === null) {
      return Promise.resolve(
        outcome('fail', 'ENV_NO_IPV4', t('env.route.none'), evidence, [
          it(t('env.route.none.fix')),
          installer(t('env.route.none.installer')),
        ]),
      );
    }
    return Promise.resolve(
      outcome(
        'pass',
        'OK',
        t('env.route.ok', { iface: route.interface, gateway: route.gateway ?? '-' }),
        evidence,
      ),
    );
  },
};

const proxyCheck: Check = {
  id: 'env:proxy',
  kind: 'env',
  title: 'No proxy needed',
  target: { protocol: 'http' },
  needs: [],
  budgetShare: 0.1,
  run({ ctx }) {
    const t = ctx.t;
    const vars = Object.entries(ctx.environment.proxy);
    const evidence = { proxyVariables: Object.fromEntries(vars) };
    if (vars.length === 0 || ctx.profile.proxySupported) {
      return Promise.resolve(outcome('pass', 'OK', t('env.proxy.ok'), evidence));
    }
    const list = vars.map(([k, v]) => `${k}=${v}`).join(', ');
    return Promise.resolve(
      outcome('warn', 'ENV_PROXY', t('env.proxy', { list }), evidence, [it(t('env.proxy.fix'))]),
    );
  },
};

export const envFamily: CheckFamily = {
  kind: 'env',
  plan: (ctx) => [
    { ...routeCheck, title: ctx.t('title.env.route') },
    { ...proxyCheck, title: ctx.t('title.env.proxy') },
  ],
};
