import type { CheckFamily } from '../core/check.js';

/** The dhcp check family: placeholder until the dhcp issue lands. */
export const dhcpFamily: CheckFamily = {
  kind: 'dhcp',
  plan: () => [],
};
