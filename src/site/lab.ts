import type { DialTarget, ResolverAddr, SiteContext, SiteEnvironment } from '../core/context.js';
import { baseContext, trustResolver, type ContextInput } from './base.js';

/** The lab's site context: the simulated site (src/lab) seen through the same SiteContext as the real one. */

/** What a site context needs from the lab (src/lab implements it). */
export interface LabSite {
  scenario: string;
  resolvers: ResolverAddr[];
  publicRoots: string[];
  privateRoots: string[];
  dial(ip: string, port: number, transport: 'tcp' | 'udp'): DialTarget | null;
  environment: SiteEnvironment;
}

export function createLabContext(input: ContextInput, lab: LabSite): SiteContext {
  return {
    ...baseContext(input),
    mode: 'lab',
    labScenario: lab.scenario,
    resolvers: lab.resolvers,
    useOsResolver: false,
    trustFor: trustResolver({
      publicRoots: lab.publicRoots,
      publicLabel: 'lab public root (plays the public roots)',
      privateRootsOverride: lab.privateRoots,
    }),
    dial: (ip, port, transport) => lab.dial(ip, port, transport),
    environment: lab.environment,
  };
}
