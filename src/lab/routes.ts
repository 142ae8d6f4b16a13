import type { DialTarget } from '../core/context.js';

/**
 * Where the lab's logical destinations really are: plain data, so the lab can run in a worker thread
 * (./worker.ts) and the client's thread still maps every address itself (./remote.ts). No server code
 * here: the client's thread loads this, never the lab's servers or its X.509 library.
 */

export interface LabDialTarget extends DialTarget {
  /** The destination drops everything: the probe must not connect and waits its timeout (TCP_DROPPED). */
  blackhole?: boolean;
  /** No route to the destination: the probe must not connect and fails at once (ENETUNREACH, TCP_UNREACHABLE). */
  unreachable?: boolean;
}

/** `"<tcp|udp> <ip>:<port>"` -> the loopback socket that plays it. */
export type LabRoutes = ReadonlyMap<string, LabDialTarget>;

export const routeKey = (transport: 'tcp' | 'udp', ip: string, port: number): string =>
  `${transport} ${ip}:${port}`;

/** Logical (DNS-answered ip, port) -> 127.0.0.1:<ephemeral>; loopback passes through; unknown -> null. */
export function dialThrough(
  routes: LabRoutes,
): (ip: string, port: number, transport: 'tcp' | 'udp') => LabDialTarget | null {
  return (ip, port, transport) => {
    if (/^127\./.test(ip)) return { ip, port };
    const route = routes.get(routeKey(transport, ip, port));
    return route ? { ...route } : null;
  };
}
