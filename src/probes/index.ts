import type { TLSSocket } from 'node:tls';
import type { DialTarget, SiteContext } from '../core/context.js';
import { probeFail } from '../core/errors.js';
import type { ProbeResult } from '../core/errors.js';
import type { Transport } from '../core/guard.js';
import { probeDns, probeOsLookup } from './dns.js';
import { describeError, exchange, ProbeTimeout } from './exchange.js';
import { ConnectionShelf } from './handoff.js';
import type { Probes } from './types.js';
import type * as SntpProbe from './sntp.js';
import type * as TcpProbe from './tcp.js';
import type * as TlsProbe from './tls.js';
import type * as HttpsProbe from './https.js';
import type * as MqttProbe from './mqtt.js';

/**
 * Binds the raw probes to a site context. For every exchange: the logical destination goes through
 * `ctx.dial` (the lab maps public addresses onto loopback), then through `ctx.guard` (nothing is sent
 * to a refused destination), and the probe runs on the run's signal combined with its own time limit.
 * Messages keep the logical address and show where the socket really went when that differs.
 */

/**
 * The probes that need an address first (NTP, TCP, TLS, HTTPS, MQTT), with node:http and mqtt's framing:
 * loaded while the first DNS queries are in flight (issue 14: packets out first), not before them.
 */
interface AddressProbes {
  probeSntp: typeof SntpProbe.probeSntp;
  probeTcp: typeof TcpProbe.probeTcp;
  probeTls: typeof TlsProbe.probeTls;
  probeHttps: typeof HttpsProbe.probeHttps;
  probeMqtt: typeof MqttProbe.probeMqtt;
}
let addressProbes: Promise<AddressProbes> | undefined;
export function loadAddressProbes(): Promise<AddressProbes> {
  addressProbes ??= Promise.all([
    import('./sntp.js'),
    import('./tcp.js'),
    import('./tls.js'),
    import('./https.js'),
    import('./mqtt.js'),
  ]).then(([sntp, tcp, tls, https, mqtt]) => ({
    probeSntp: sntp.probeSntp,
    probeTcp: tcp.probeTcp,
    probeTls: tls.probeTls,
    probeHttps: https.probeHttps,
    probeMqtt: mqtt.probeMqtt,
  }));
  return addressProbes;
}

type Routed = { ok: true; target: DialTarget; label: string } | { ok: false; result: ProbeResult<never> };

export function createProbes(ctx: SiteContext): Probes {
  // Connections one check leaves for the next check of the same endpoint (./handoff.ts).
  const shelf = new ConnectionShelf();
  const route = (ip: string, port: number, transport: Exclude<Transport, 'lookup'>): Routed => {
    const d = ctx.dial(ip, port, transport);
    if (!d) {
      return { ok: false, result: probeFail('BLOCKED', `no route to ${ip}:${port} in this site context`, 0) };
    }
    const refusal = ctx.guard.refuse(transport, d.ip, d.port);
    if (refusal !== null) return { ok: false, result: probeFail('BLOCKED', refusal, 0) };
    const logical = `${ip}:${port}`;
    const real = `${d.ip}:${d.port}`;
    if (d.unreachable) {
      return {
        ok: false,
        result: probeFail('UNREACHABLE', `no route to ${logical} (ENETUNREACH, simulated by the lab)`, 0),
      };
    }
    const label = logical === real ? logical : `${logical} (${ctx.mode === 'lab' ? 'lab' : 'via'} ${real})`;
    return { ok: true, target: d, label };
  };

  /** Runs a probe on the run's signal plus its own limit; the limit's timer is always cleared. */
  const limited = async <T>(timeoutMs: number, run: (signal: AbortSignal) => Promise<ProbeResult<T>>) => {
    const own = new AbortController();
    const timer = setTimeout(() => own.abort(new ProbeTimeout(timeoutMs)), Math.max(1, timeoutMs));
    try {
      return await run(AbortSignal.any([ctx.signal, own.signal]));
    } catch (err) {
      // Raw probes do not throw; a throw here is a bug in zapcheck, reported as such.
      return probeFail<T>('INTERNAL', `probe failed: ${describeError(err)}`, 0, err);
    } finally {
      clearTimeout(timer);
    }
  };

  const keepTls =
    (key: string, ip: string, port: number, servername: string) =>
    (socket: TLSSocket): void =>
      shelf.putTls(key, ip, port, servername, socket);

  /**
   * The TLS check's socket for an HTTPS or MQTT request: only when it was verified against these very
   * roots whenever the request verifies (it always was: the TLS check and the request read the same
   * trust), so the request sees what a new connection would have shown it.
   */
  const takeTls = (q: {
    reuse?: string;
    ip: string;
    port: number;
    servername: string;
    verify: boolean;
  }): TLSSocket | undefined => {
    if (!q.reuse) return undefined;
    const socket = shelf.takeTls(q.reuse, q.ip, q.port, q.servername);
    if (socket && q.verify && !socket.authorized) {
      socket.destroy();
      return undefined;
    }
    return socket;
  };

  /** A simulated drop: nothing is sent; the probe waits out its limit exactly like a dropped packet. */
  const dropped = <T>(what: string, timeoutMs: number, signal: AbortSignal): Promise<ProbeResult<T>> =>
    exchange<T>({ signal, timeoutMs, what }, () => undefined);

  const probes: Probes = {
    dns: ({ name, type, server, timeoutMs }) => {
      const r = route(server.ip, server.port, 'udp');
      if (!r.ok) return Promise.resolve(r.result);
      // The first query is on its way (its socket connects and sends within this turn's ticks): now load
      // the probes its answer leads to.
      setImmediate(() => void loadAddressProbes());
      return limited(timeoutMs, (signal) => {
        if (r.target.blackhole) return dropped(`DNS answer from ${r.label}`, timeoutMs, signal);
        return probeDns({
          name,
          type,
          server: { ip: r.target.ip, port: r.target.port },
          label: r.label,
          timeoutMs,
          signal,
          tcpServer: () => {
            const t = route(server.ip, server.port, 'tcp');
            return t.ok ? t.target : t.result.ok ? 'refused' : t.result.error.message;
          },
        });
      });
    },

    osLookup: ({ name, timeoutMs }) => {
      const refusal = ctx.guard.refuse('lookup', name, 0);
      if (refusal !== null) return Promise.resolve(probeFail('BLOCKED', refusal, 0));
      if (!ctx.useOsResolver) {
        return Promise.resolve(probeFail('BLOCKED', 'the OS resolver is not used in this site context', 0));
      }
      return limited(timeoutMs, (signal) => probeOsLookup({ name, timeoutMs, signal }));
    },

    ntp: ({ ip, port, timeoutMs }) => {
      const r = route(ip, port, 'udp');
      if (!r.ok) return Promise.resolve(r.result);
      return limited(timeoutMs, async (signal) =>
        r.target.blackhole
          ? dropped(`NTP answer from ${r.label}`, timeoutMs, signal)
          : (await loadAddressProbes()).probeSntp({
              ip: r.target.ip,
              port: r.target.port,
              label: r.label,
              timeoutMs,
              signal,
              clock: ctx.clock,
            }),
      );
    },

    tcp: ({ ip, port, timeoutMs, keepAs }) => {
      const r = route(ip, port, 'tcp');
      if (!r.ok) return Promise.resolve(r.result);
      return limited(timeoutMs, async (signal) =>
        r.target.blackhole
          ? dropped(`TCP answer (SYN-ACK) from ${r.label}`, timeoutMs, signal)
          : (await loadAddressProbes()).probeTcp({
              ip: r.target.ip,
              port: r.target.port,
              label: r.label,
              timeoutMs,
              signal,
              ...(keepAs ? { keep: (socket) => shelf.putTcp(keepAs, ip, port, socket) } : {}),
            }),
      );
    },

    tls: (q) => {
      const r = route(q.ip, q.port, 'tcp');
      if (!r.ok) return Promise.resolve(r.result);
      return limited(q.timeoutMs, async (signal) =>
        r.target.blackhole
          ? dropped(`answer from ${r.label}`, q.timeoutMs, signal)
          : (await loadAddressProbes()).probeTls({
              ...q,
              ip: r.target.ip,
              port: r.target.port,
              label: r.label,
              signal,
              socket: q.reuse ? shelf.takeTcp(q.reuse, q.ip, q.port) : undefined,
              ...(q.keepAs ? { keep: keepTls(q.keepAs, q.ip, q.port, q.servername) } : {}),
            }),
      );
    },

    https: (q) => {
      const r = route(q.ip, q.port, 'tcp');
      if (!r.ok) return Promise.resolve(r.result);
      return limited(q.timeoutMs, async (signal) =>
        r.target.blackhole
          ? dropped(`answer from ${r.label}`, q.timeoutMs, signal)
          : (await loadAddressProbes()).probeHttps({
              ...q,
              ip: r.target.ip,
              port: r.target.port,
              urlPort: q.port,
              label: r.label,
              signal,
              socket: takeTls(q),
            }),
      );
    },

    mqtt: (q) => {
      const r = route(q.ip, q.port, 'tcp');
      if (!r.ok) return Promise.resolve(r.result);
      return limited(q.timeoutMs, async (signal) =>
        r.target.blackhole
          ? dropped(`answer from ${r.label}`, q.timeoutMs, signal)
          : (await loadAddressProbes()).probeMqtt({
              ...q,
              ip: r.target.ip,
              port: r.target.port,
              label: r.label,
              signal,
              socket: takeTls(q),
            }),
      );
    },

    release: () => shelf.clear(),
  };

  // The laptop's own Wi-Fi scan and DHCP facts belong to the real site; the lab simulates the cloud side
  // only, so there the wifi check reads a saved scan when given one (--scan-file) and dhcp is skipped. Both
  // run on the run's signal and keep to the time limit they are given; the DHCP sweep and DISCOVER go through
  // the site's guard. Their modules (the OS readers and every Wi-Fi parser) are loaded on first use, never by
  // a lab run without a saved scan.
  const caught = async <T>(run: () => Promise<ProbeResult<T>>): Promise<ProbeResult<T>> => {
    try {
      return await run();
    } catch (err) {
      return probeFail<T>('INTERNAL', `probe failed: ${describeError(err)}`, 0, err);
    }
  };
  // (Optional chaining: hand-made test contexts may carry no options.)
  if (ctx.mode === 'real' || typeof ctx.options?.extra?.scanFile === 'string') {
    probes.wifiScan = (q) =>
      caught(async () => {
        const { wifiScanProbeFor } = await import('./wifi-scan.js');
        return wifiScanProbeFor(ctx)(q);
      });
  }
  if (ctx.mode === 'real') {
    probes.dhcpFacts = (q) =>
      caught(async () => {
        const { createDhcpFactsProbe } = await import('./dhcp/facts.js');
        return createDhcpFactsProbe({ guard: ctx.guard, signal: ctx.signal })(q);
      });
  }
  return probes;
}

export { probeDns, probeOsLookup };
export { sanitizeNetworkText } from './sanitize.js';
export { ProbeTimeout } from './exchange.js';
