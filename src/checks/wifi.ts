import type { CheckFamily } from '../core/check.js';

/** The wifi check family: placeholder until the wifi issue lands. */
export const wifiFamily: CheckFamily = {
  kind: 'wifi',
  plan: () => [],
};
