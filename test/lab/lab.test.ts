import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load.js';
import { probeTls } from '../../src/probes/tls.js';
import {
  findScenario,
  LAB_CNAME_CHAINS,
  LAB_SCENARIOS,
  labAddresses,
  startLab,
  type Lab,
  type LabDialTarget,
} from '../../src/lab/index.js';
import {
  dnsTcp,
  dnsUdp,
  httpsGet,
  mqttConnect,
  ntpQuery,
  tcpConnect,
  tlsConnect,
  type DecodedPacket,
  type NtpReply,
} from './clients.js';
import { eventually } from '../helpers/timing.js';

const profile = loadProfile('zaptec-pro');
const HUB = 'zapcloud.azure-devices.net';
const API = 'api.zaptec.com';
const API_AZ = 'zapcloud-api.azurewebsites.net';
const DEVICES = 'devices.zaptec.com';
const NTP = 'no.pool.ntp.org';
const TLS_HOSTS = [HUB, API_AZ, DEVICES, API];
const HTTPS_HOSTS = [API_AZ, DEVICES, API];
const ADDR = labAddresses(profile.endpoints.map((e) => e.host));

let open: Lab[] = [];
async function lab(scenario: string, latencyMs = 0): Promise<Lab> {
  const l = await startLab({ profile, scenario, latencyMs });
  open.push(l);
  return l;
}
afterEach(async () => {
  await Promise.all(open.map((l) => l.close()));
  open = [];
});

const dnsPort = (l: Lab): number => l.resolvers[0]!.port;
function route(l: Lab, host: string, port: number, transport: 'tcp' | 'udp' = 'tcp'): LabDialTarget {
  const t = l.dial(ADDR.get(host)!, port, transport);
  expect(t, `dial ${host}:${port}`).not.toBeNull();
  return t!;
}
/** Roots a charger-like client uses for this host in the lab (private trust -> the lab private root). */
const rootsFor = (l: Lab, host: string): string[] => (host === DEVICES ? l.privateRoots : l.publicRoots);

function answered(p: DecodedPacket | 'timeout'): DecodedPacket {
  expect(p).not.toBe('timeout');
  return p as DecodedPacket;
}
/**
 * The lab's NTP clock is the real clock plus `offsetMs`: the server's stamps, less the offset, fall between
 * our send and our receive (1 ms for rounding). Unlike a bound on the measured offset, this holds however
 * long the loaded machine took to deliver either datagram.
 */
function expectServerClock(r: NtpReply, offsetMs: number): void {
  expect(r.t2 - offsetMs).toBeGreaterThanOrEqual(r.t1 - 1);
  expect(r.t3).toBeGreaterThanOrEqual(r.t2);
  expect(r.t3 - offsetMs).toBeLessThanOrEqual(r.t4 + 1);
}
function aRecords(p: DecodedPacket): string[] {
  return (p.answers ?? []).filter((a) => a.type === 'A').map((a) => String((a as { data: unknown }).data));
}

describe('scenario table', () => {
  const ids = new Set([
    'env:route',
    'env:proxy',
    `dns:${NTP}`,
    `ntp:${NTP}:123`,
    ...TLS_HOSTS.map((h) => `dns:${h}`),
    ...TLS_HOSTS.flatMap((h) => {
      const p = h === HUB ? 8883 : 443;
      return [`tcp:${h}:${p}`, `tls:${h}:${p}`];
    }),
    ...HTTPS_HOSTS.map((h) => `https:${h}:443`),
    `mqtt:${HUB}:8883`,
  ]);

  it('names are unique, lines are single lines, every expected id is a zaptec-pro check', () => {
    expect(new Set(LAB_SCENARIOS.map((s) => s.name)).size).toBe(LAB_SCENARIOS.length);
    expect(LAB_SCENARIOS.length).toBeGreaterThanOrEqual(24);
    for (const s of LAB_SCENARIOS) {
      expect(s.network).not.toMatch(/\n/);
      expect(s.verdict).not.toMatch(/\n/);
      const seen = new Set<string>();
      for (const e of s.expect) {
        expect(ids.has(e.id), `${s.name}: ${e.id}`).toBe(true);
        expect(seen.has(e.id), `${s.name}: ${e.id} twice`).toBe(false);
        seen.add(e.id);
        if (e.status === 'pass') expect(e.cause).toBe('OK');
        // A skip is a dependent of a failed check, or the one check the lab leaves unknown (route-unreadable).
        if (e.status === 'skip') expect(['SKIPPED', 'ENV_UNKNOWN']).toContain(e.cause);
      }
    }
    expect(findScenario('healthy')?.expect).toEqual([]);
    expect(findScenario('nope')).toBeUndefined();
  });

  it('dependents of a failed check are listed as skipped', () => {
    const tcp = findScenario('tcp-8883-refused')!.expect;
    expect(tcp).toEqual([
      { id: `tcp:${HUB}:8883`, status: 'fail', cause: 'TCP_REFUSED' },
      { id: `tls:${HUB}:8883`, status: 'skip', cause: 'SKIPPED' },
      { id: `mqtt:${HUB}:8883`, status: 'skip', cause: 'SKIPPED' },
    ]);
    const servfail = findScenario('dns-servfail')!.expect;
    expect(servfail).toContainEqual({ id: `ntp:${NTP}:123`, status: 'skip', cause: 'SKIPPED' });
    expect(servfail).toContainEqual({ id: `https:${API}:443`, status: 'skip', cause: 'SKIPPED' });
    expect(servfail.filter((e) => e.status === 'fail')).toHaveLength(5);
  });

  it('an unknown scenario is refused with the list of known ones', async () => {
    await expect(startLab({ profile, scenario: 'no-such-thing' })).rejects.toThrow(
      /unknown lab scenario "no-such-thing"; known: healthy, dns-nxdomain/,
    );
  });

  it('lab addresses are stable, distinct and in TEST-NET-2', () => {
    const again = labAddresses([...profile.endpoints.map((e) => e.host)].reverse());
    expect([...again.entries()].sort()).toEqual([...ADDR.entries()].sort());
    expect(new Set(ADDR.values()).size).toBe(ADDR.size);
    for (const ip of ADDR.values()) expect(ip).toMatch(/^198\.51\.100\.\d+$/);
  });
});

describe('every scenario', () => {
  it.each(LAB_SCENARIOS.map((s) => s.name))(
    '%s starts, closes idempotently and leaves no handles',
    async (name) => {
      const kinds = ['TCPServerWrap', 'TCPSocketWrap', 'UDPWrap', 'TLSWrap', 'Timeout'];
      const count = (): number => process.getActiveResourcesInfo().filter((r) => kinds.includes(r)).length;
      const before = count();
      const l = await startLab({ profile, scenario: name });
      const laptop = findScenario(name)!.behaviour.laptop;
      const resolver = { ip: '127.0.0.1', port: expect.any(Number), source: 'lab' };
      expect(l.scenario).toBe(name);
      expect(l.resolvers).toEqual(
        laptop?.dnsServers === 'none'
          ? []
          : name === 'dns-second-refused'
            ? [resolver, resolver]
            : [resolver],
      );
      expect(l.publicRoots[0]).toMatch(/BEGIN CERTIFICATE/);
      expect(l.privateRoots[0]).toMatch(/BEGIN CERTIFICATE/);
      expect(l.environment.ipv4DefaultRoute).toEqual(
        laptop?.ipv4Route === 'none'
          ? null
          : laptop?.ipv4Route === 'unknown'
            ? undefined
            : { interface: 'lab0', gateway: '192.0.2.1' },
      );
      // Exercise the servers once so that accepted sockets exist when closing.
      if (l.resolvers.length) await dnsUdp(dnsPort(l), API, 'A', 100);
      const hub = route(l, HUB, 8883);
      if (!hub.blackhole && !hub.unreachable) await tcpConnect(hub.port);
      await l.close();
      await l.close();
      // A closed handle leaves the list once libuv has run its close callback: wait for it (loop turns,
      // not a fixed time a loaded machine may not give).
      await eventually(() => count() <= before);
      if (count() > before) console.log(name, before, process.getActiveResourcesInfo());
      expect(count()).toBeLessThanOrEqual(before);
    },
  );
});

describe('healthy', () => {
  it('DNS answers every host over UDP and TCP, with a CNAME chain like Azure; AAAA is empty; unknown names NXDOMAIN', async () => {
    const l = await lab('healthy');
    for (const e of profile.endpoints) {
      const p = answered(await dnsUdp(dnsPort(l), e.host));
      expect(p.rcode).toBe('NOERROR');
      expect(p.flags! & (1 << 9)).toBe(0); // not truncated
      expect(aRecords(p)).toEqual([ADDR.get(e.host)]);
      const viaTcp = answered(await dnsTcp(dnsPort(l), e.host));
      expect(aRecords(viaTcp)).toEqual([ADDR.get(e.host)]);
    }
    const chain = answered(await dnsUdp(dnsPort(l), API_AZ));
    expect(
      chain.answers!.map((a) => `${a.type} ${a.name} -> ${String((a as { data: unknown }).data)}`),
    ).toEqual([
      `CNAME ${API_AZ} -> ${LAB_CNAME_CHAINS[API_AZ]![0]}`,
      `CNAME ${LAB_CNAME_CHAINS[API_AZ]![0]} -> ${LAB_CNAME_CHAINS[API_AZ]![1]}`,
      `A ${LAB_CNAME_CHAINS[API_AZ]![1]} -> ${ADDR.get(API_AZ)}`,
    ]);
    const aaaa = answered(await dnsUdp(dnsPort(l), API, 'AAAA'));
    expect(aaaa.rcode).toBe('NOERROR');
    expect(aaaa.answers).toEqual([]);
    expect(answered(await dnsUdp(dnsPort(l), 'unknown.example')).rcode).toBe('NXDOMAIN');
    expect(answered(await dnsUdp(dnsPort(l), 'API.Zaptec.com')).rcode).toBe('NOERROR');
  });

  it('NTP answers per RFC 5905: mode 4, version echoed, stratum 2, origin = our transmit, no offset', async () => {
    const l = await lab('healthy');
    const to = route(l, NTP, 123, 'udp');
    for (const version of [3, 4]) {
      const r = await ntpQuery(to.port, version);
      expect(r).not.toBe('timeout');
      const reply = r as Exclude<typeof r, 'timeout'>;
      expect(reply.mode).toBe(4);
      expect(reply.version).toBe(version);
      expect(reply.stratum).toBe(2);
      expect(reply.leap).toBe(0);
      expect(reply.origin.equals(reply.sentOrigin)).toBe(true);
      expectServerClock(reply, 0);
    }
    expect(l.clockOffsetMs).toBe(0);
  });

  it('TLS: each host verifies against its lab root by SNI; devices.zaptec.com only against the private root', async () => {
    const l = await lab('healthy');
    for (const host of TLS_HOSTS) {
      const to = route(l, host, host === HUB ? 8883 : 443);
      const r = await tlsConnect(to.port, host, rootsFor(l, host));
      expect(r, host).toMatchObject({ authorized: true, protocol: 'TLSv1.2', subject: { CN: host } });
    }
    const devices = await tlsConnect(route(l, DEVICES, 443).port, DEVICES, l.publicRoots);
    expect(devices.authorized).toBe(false);
    expect(devices.issuer.CN).toBe('Zaptec Lab Private Root');
    const api = await tlsConnect(route(l, API, 443).port, API, l.publicRoots);
    expect(api.issuer.CN).toBe('Zaptec Lab Public TLS CA 1');
    // TLS 1.3 is offered too (the default server range is 1.2-1.3).
    const v13 = await tlsConnect(route(l, API, 443).port, API, l.publicRoots, {
      minVersion: 'TLSv1.3',
      maxVersion: 'TLSv1.3',
    });
    expect(v13.protocol).toBe('TLSv1.3');
  });

  it('HTTPS answers 200 "zapcheck lab" on every 443 host', async () => {
    const l = await lab('healthy');
    for (const host of HTTPS_HOSTS) {
      const r = await httpsGet(route(l, host, 443).port, host, rootsFor(l, host));
      expect(r.status).toBe(200);
      expect(r.body).toBe('zapcheck lab\n');
    }
  });

  it('MQTT: CONNECT without a password gets CONNACK 5 (v3.1.1) / reason 0x87 (v5), then the broker closes', async () => {
    const l = await lab('healthy');
    const to = route(l, HUB, 8883);
    const v4 = await mqttConnect(to.port, HUB, l.publicRoots, 4);
    expect(v4.packet).toMatchObject({ cmd: 'connack', returnCode: 5, sessionPresent: false });
    expect(v4.closed).toBe(true);
    const v5 = await mqttConnect(to.port, HUB, l.publicRoots, 5);
    expect(v5.packet).toMatchObject({ cmd: 'connack', reasonCode: 0x87 });
    expect(v5.closed).toBe(true);
  });

  it('dial: loopback passes through, unknown and sinkhole addresses are null, UDP and TCP are distinct', async () => {
    const l = await lab('healthy');
    expect(l.dial('127.0.0.1', 5353, 'udp')).toEqual({ ip: '127.0.0.1', port: 5353 });
    expect(l.dial('203.0.113.9', 443, 'tcp')).toBeNull();
    expect(l.dial('0.0.0.0', 8883, 'tcp')).toBeNull();
    expect(l.dial(ADDR.get(HUB)!, 8883, 'udp')).toBeNull();
    expect(l.dial(ADDR.get(HUB)!, 443, 'tcp')).toBeNull();
    expect(route(l, HUB, 8883).ip).toBe('127.0.0.1');
    expect(l.environment.proxy).toEqual({});
  });
});

describe('close', () => {
  it('ends connections clients still hold open (TLS, DNS over TCP) and refuses new ones', async () => {
    const l = await startLab({ profile, scenario: 'healthy' });
    const { connect } = await import('node:tls');
    const { connect: netConnect } = await import('node:net');
    const port = route(l, API, 443).port;
    const idle = connect({ host: '127.0.0.1', port, servername: API, ca: l.publicRoots });
    await new Promise((r) => idle.once('secureConnect', r));
    const dnsIdle = netConnect(dnsPort(l), '127.0.0.1');
    await new Promise((r) => dnsIdle.once('connect', r));
    const closed = Promise.all([idle, dnsIdle].map((s) => new Promise((r) => s.once('close', r))));
    idle.on('error', () => undefined);
    dnsIdle.on('error', () => undefined);
    await l.close();
    await closed;
    expect(await tcpConnect(port)).toBe('ECONNREFUSED');
  });
});

describe('DNS faults', () => {
  it('dns-nxdomain: only api.zaptec.com is NXDOMAIN', async () => {
    const l = await lab('dns-nxdomain');
    expect(answered(await dnsUdp(dnsPort(l), API)).rcode).toBe('NXDOMAIN');
    expect(aRecords(answered(await dnsUdp(dnsPort(l), HUB)))).toEqual([ADDR.get(HUB)]);
  });

  it('dns-sinkhole: the hub resolves to 0.0.0.0', async () => {
    const l = await lab('dns-sinkhole');
    expect(aRecords(answered(await dnsUdp(dnsPort(l), HUB)))).toEqual(['0.0.0.0']);
    expect(aRecords(answered(await dnsUdp(dnsPort(l), API)))).toEqual([ADDR.get(API)]);
  });

  it('dns-servfail: every name, UDP and TCP, is SERVFAIL', async () => {
    const l = await lab('dns-servfail');
    for (const e of profile.endpoints)
      expect(answered(await dnsUdp(dnsPort(l), e.host)).rcode).toBe('SERVFAIL');
    expect(answered(await dnsTcp(dnsPort(l), API)).rcode).toBe('SERVFAIL');
  });

  it('dns-timeout: nothing comes back over UDP or TCP', async () => {
    const l = await lab('dns-timeout');
    expect(await dnsUdp(dnsPort(l), API, 'A', 300)).toBe('timeout');
    expect(await dnsTcp(dnsPort(l), API, 'A', 300)).toBe('timeout');
  });

  it('dns-filtered: *.azure-devices.net is NXDOMAIN, the rest resolves', async () => {
    const l = await lab('dns-filtered');
    expect(answered(await dnsUdp(dnsPort(l), HUB)).rcode).toBe('NXDOMAIN');
    expect(answered(await dnsUdp(dnsPort(l), 'other.azure-devices.net')).rcode).toBe('NXDOMAIN');
    for (const h of [API, API_AZ, DEVICES, NTP])
      expect(aRecords(answered(await dnsUdp(dnsPort(l), h)))).toHaveLength(1);
  });

  it('dns-private-answer: api.zaptec.com resolves to 10.20.30.40', async () => {
    const l = await lab('dns-private-answer');
    expect(aRecords(answered(await dnsUdp(dnsPort(l), API)))).toEqual(['10.20.30.40']);
  });
});

describe('dns-hijack-portal', () => {
  it('answers every name, made-up ones too, with the portal, whose 443 shows its own name and redirects', async () => {
    const l = await lab('dns-hijack-portal');
    for (const name of [API, HUB, 'zc-0123456789ab.zaptec.com']) {
      expect(aRecords(answered(await dnsUdp(dnsPort(l), name))), name).toEqual(['198.51.100.250']);
    }
    const portal = l.dial('198.51.100.250', 443, 'tcp')!;
    const r = await tlsConnect(portal.port, API, l.publicRoots);
    expect(r.error).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(r.subjectAltName).toBe('DNS:login.captive.example');
    // 8883 there is refused (a closed port), not a broker.
    expect(l.dial('198.51.100.250', 8883, 'tcp')!.port).not.toBe(route(l, HUB, 8883).port);
  });
});

describe('NTP faults', () => {
  it('ntp-blocked: the server stays silent', async () => {
    const l = await lab('ntp-blocked');
    expect(await ntpQuery(route(l, NTP, 123, 'udp').port, 4, 300)).toBe('timeout');
  });

  it("ntp-kod: kiss-o'-death RATE (stratum 0, leap 3), origin still echoed", async () => {
    const l = await lab('ntp-kod');
    const r = await ntpQuery(route(l, NTP, 123, 'udp').port);
    expect(r).not.toBe('timeout');
    const reply = r as Exclude<typeof r, 'timeout'>;
    expect(reply.stratum).toBe(0);
    expect(reply.leap).toBe(3);
    expect(reply.refId.toString('ascii')).toBe('RATE');
    expect(reply.origin.equals(reply.sentOrigin)).toBe(true);
  });

  it('clock-skew: the NTP time is 10 minutes ahead', async () => {
    const l = await lab('clock-skew');
    expect(l.clockOffsetMs).toBe(600_000);
    const r = await ntpQuery(route(l, NTP, 123, 'udp').port);
    expect(r).not.toBe('timeout');
    expectServerClock(r as NtpReply, 600_000);
  });
});

describe('TCP faults', () => {
  it('tcp-8883-refused: the hub port gets an RST; 443 still connects', async () => {
    const l = await lab('tcp-8883-refused');
    const hub = route(l, HUB, 8883);
    expect(hub.blackhole).toBeUndefined();
    expect(await tcpConnect(hub.port)).toBe('ECONNREFUSED');
    expect(await tcpConnect(route(l, API, 443).port)).toBeNull();
  });

  it('tcp-8883-dropped: the hub is a blackhole, 443 is not', async () => {
    const l = await lab('tcp-8883-dropped');
    expect(route(l, HUB, 8883).blackhole).toBe(true);
    for (const h of HTTPS_HOSTS) expect(route(l, h, 443).blackhole).toBeUndefined();
  });

  it('tcp-443-dropped: the three 443 hosts are blackholes, the hub works', async () => {
    const l = await lab('tcp-443-dropped');
    for (const h of HTTPS_HOSTS) expect(route(l, h, 443).blackhole).toBe(true);
    expect(await tcpConnect(route(l, HUB, 8883).port)).toBeNull();
  });

  it('tcp-all-dropped: every TCP destination is a blackhole; DNS and NTP answer', async () => {
    const l = await lab('tcp-all-dropped');
    for (const h of TLS_HOSTS) expect(route(l, h, h === HUB ? 8883 : 443).blackhole).toBe(true);
    expect(answered(await dnsUdp(dnsPort(l), HUB)).rcode).toBe('NOERROR');
    expect(await ntpQuery(route(l, NTP, 123, 'udp').port)).not.toBe('timeout');
  });
});

describe('TLS faults', () => {
  it('tls-intercepted: a FortiGate CA signs all four hosts, devices.zaptec.com included', async () => {
    const l = await lab('tls-intercepted');
    for (const host of TLS_HOSTS) {
      const r = await tlsConnect(route(l, host, host === HUB ? 8883 : 443).port, host, rootsFor(l, host));
      expect(r.authorized, host).toBe(false);
      expect(r.issuer, host).toMatchObject({ O: 'Fortinet', CN: 'FortiGate CA' });
      expect(r.subjectAltName).toBe(`DNS:${host}`);
    }
  });

  it('tls-expired / tls-not-yet-valid: the hub certificate dates', async () => {
    const expired = await lab('tls-expired');
    const e = await tlsConnect(route(expired, HUB, 8883).port, HUB, expired.publicRoots);
    expect(e.error).toBe('CERT_HAS_EXPIRED');
    expect((await tlsConnect(route(expired, API, 443).port, API, expired.publicRoots)).authorized).toBe(true);
    const future = await lab('tls-not-yet-valid');
    const f = await tlsConnect(route(future, HUB, 8883).port, HUB, future.publicRoots);
    expect(f.error).toBe('CERT_NOT_YET_VALID');
  });

  it('tls-wrong-host: a valid chain for another name', async () => {
    const l = await lab('tls-wrong-host');
    const r = await tlsConnect(route(l, API, 443).port, API, l.publicRoots);
    expect(r.error).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(r.subjectAltName).toBe('DNS:www.example.net');
    expect(r.issuer.CN).toBe('Zaptec Lab Public TLS CA 1');
  });

  it('tls-self-signed: api.zaptec.com serves a self-signed leaf', async () => {
    const l = await lab('tls-self-signed');
    const r = await tlsConnect(route(l, API, 443).port, API, l.publicRoots);
    expect(r.error).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('tls-1.3-only: TLS 1.2 is refused on 8883, TLS 1.3 works, 443 still takes 1.2', async () => {
    const l = await lab('tls-1.3-only');
    const port = route(l, HUB, 8883).port;
    await expect(tlsConnect(port, HUB, l.publicRoots)).rejects.toThrow(/version|alert/i);
    const ok = await tlsConnect(port, HUB, l.publicRoots, { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });
    expect(ok).toMatchObject({ authorized: true, protocol: 'TLSv1.3' });
    expect((await tlsConnect(route(l, API, 443).port, API, l.publicRoots)).protocol).toBe('TLSv1.2');
  });

  it('tls-1.0-only: TLS 1.2 is refused on 8883; a client that allows TLS 1.0 gets it', async () => {
    const l = await lab('tls-1.0-only');
    const port = route(l, HUB, 8883).port;
    await expect(tlsConnect(port, HUB, l.publicRoots, { maxVersion: 'TLSv1.3' })).rejects.toThrow(
      /version|alert/i,
    );
    const old = await tlsConnect(port, HUB, l.publicRoots, {
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1',
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
    expect(old.protocol).toBe('TLSv1');
  });
});

describe('TLS stalls after TCP connected', () => {
  const hello = (port: number, servername: string, extra: Partial<Parameters<typeof probeTls>[0]> = {}) =>
    probeTls({
      ip: '127.0.0.1',
      port,
      servername,
      ca: [],
      timeoutMs: 400,
      signal: new AbortController().signal,
      ...extra,
    });
  const refused = { minVersion: 'TLSv1', maxVersion: 'TLSv1.2', ciphers: 'eNULL:@SECLEVEL=0' } as const;

  it('tls-sni-filtered: a ClientHello naming the hub gets nothing back; another name on the same port is answered', async () => {
    const l = await lab('tls-sni-filtered');
    const port = route(l, HUB, 8883).port;
    const named = await hello(port, HUB);
    expect(named.ok ? 'ok' : [named.error.code, named.error.bytesReceived]).toEqual(['TIMEOUT', 0]);
    expect((await hello(port, 'other.example.invalid')).ok).toBe(true);
    // The other hosts are not filtered.
    expect((await hello(route(l, API, 443).port, API)).ok).toBe(true);
  });

  it('tls-mtu-blackhole: the certificate flight never arrives, a refused ClientHello gets its short alert', async () => {
    const l = await lab('tls-mtu-blackhole');
    for (const host of TLS_HOSTS) {
      const port = route(l, host, host === HUB ? 8883 : 443).port;
      const full = await hello(port, host);
      expect(full.ok ? 'ok' : full.error.code, host).toBe('TIMEOUT');
      const short = await hello(port, host, refused);
      expect(short.ok ? 'ok' : short.error.code, host).toBe('TLS_HANDSHAKE');
    }
  });
});

describe('HTTPS and MQTT faults', () => {
  it('https-captive-portal: 302 to the login page with valid TLS', async () => {
    const l = await lab('https-captive-portal');
    for (const host of HTTPS_HOSTS) {
      const r = await httpsGet(route(l, host, 443).port, host, rootsFor(l, host));
      expect(r.status).toBe(302);
      expect(r.headers.location).toBe('http://login.captive.example/');
    }
  });

  it('https-proxy-required: 407 with Proxy-Authenticate, and HTTPS_PROXY in the environment', async () => {
    const l = await lab('https-proxy-required');
    for (const host of HTTPS_HOSTS) {
      const r = await httpsGet(route(l, host, 443).port, host, rootsFor(l, host));
      expect(r.status).toBe(407);
      expect(r.headers['proxy-authenticate']).toMatch(/^Basic/);
    }
    expect(l.environment.proxy).toEqual({ HTTPS_PROXY: 'http://proxy.example:3128' });
  });

  it('mqtt-not-mqtt: TLS is fine, CONNECT gets junk and no CONNACK', async () => {
    const l = await lab('mqtt-not-mqtt');
    const port = route(l, HUB, 8883).port;
    expect((await tlsConnect(port, HUB, l.publicRoots)).authorized).toBe(true);
    const r = await mqttConnect(port, HUB, l.publicRoots);
    expect(r.packet?.cmd).not.toBe('connack');
    expect(r.raw.toString('latin1')).toMatch(/^HTTP\/1\.1 400/);
  });
});

describe('latency', () => {
  const L = 120;
  it('delays the DNS answer, the NTP reply (as path delay), each TLS flight, the HTTP answer and the CONNACK', async () => {
    const l = await lab('healthy', L);
    let t = performance.now();
    answered(await dnsUdp(dnsPort(l), API));
    expect(performance.now() - t).toBeGreaterThanOrEqual(L - 5);
    t = performance.now();
    answered(await dnsTcp(dnsPort(l), API));
    expect(performance.now() - t).toBeGreaterThanOrEqual(L - 5);

    const ntp = await ntpQuery(route(l, NTP, 123, 'udp').port);
    expect(ntp).not.toBe('timeout');
    const sample = ntp as NtpReply;
    expect(sample.delayMs).toBeGreaterThanOrEqual(L - 5);
    // No bias: the delay is split between the two directions. The server stamps the request L/2 after it
    // arrived and sends the reply L after that, so each direction takes at least L/2 (a load-independent
    // bound; the measured offset itself is half the difference of two load-dependent delays).
    expect(sample.t2 - sample.t1).toBeGreaterThanOrEqual(L / 2 - 1);
    expect(sample.t4 - sample.t3).toBeGreaterThanOrEqual(L / 2 - 1);
    expect(sample.t2).toBe(sample.t3);

    // TLS 1.2: two server flights; TLS 1.3: one.
    const v12 = await tlsConnect(route(l, API, 443).port, API, l.publicRoots);
    expect(v12.authorized).toBe(true);
    expect(v12.ms).toBeGreaterThanOrEqual(2 * L - 5);
    const v13 = await tlsConnect(route(l, API, 443).port, API, l.publicRoots, {
      minVersion: 'TLSv1.3',
      maxVersion: 'TLSv1.3',
    });
    expect(v13.ms).toBeGreaterThanOrEqual(L - 5);

    // HTTPS over TLS 1.2: two flights plus the answer.
    const https = await httpsGet(route(l, API, 443).port, API, l.publicRoots);
    expect(https.status).toBe(200);
    expect(https.ms).toBeGreaterThanOrEqual(3 * L - 5);

    // MQTT over TLS 1.3 (client default): one flight plus the CONNACK.
    const m = await mqttConnect(route(l, HUB, 8883).port, HUB, l.publicRoots);
    expect(m.packet).toMatchObject({ cmd: 'connack', returnCode: 5 });
    expect(m.ms).toBeGreaterThanOrEqual(2 * L - 5);
    expect(m.closed).toBe(true);
  });

  it('closing with delayed chunks in flight ends cleanly', async () => {
    const l = await startLab({ profile, scenario: 'healthy', latencyMs: 500 });
    const pending = tlsConnect(route(l, API, 443).port, API, l.publicRoots).catch((e: unknown) => e);
    const dns = dnsUdp(dnsPort(l), API, 'A', 300);
    await new Promise((r) => setTimeout(r, 50));
    await l.close();
    expect(await pending).toBeInstanceOf(Error);
    expect(await dns).toBe('timeout');
  });
});

describe('the network and laptop faults of issue 13 (every cause played by a lab run)', () => {
  /** One TLS handshake to a lab port: what the client's TLS layer reports. */
  const handshake = (port: number, servername: string) =>
    probeTls({
      ip: '127.0.0.1',
      port,
      servername,
      ca: [],
      timeoutMs: 1000,
      signal: new AbortController().signal,
    });
  /** After TLS, one HTTP request: the raw bytes that come back (until the server closes, or 300 ms). */
  const afterTls = (port: number, host: string, ca: string[]): Promise<string> =>
    new Promise((resolve, reject) => {
      const s = tls.connect({ host: '127.0.0.1', port, servername: host, ca }, () => {
        expect(s.authorized).toBe(true);
        s.write(`GET / HTTP/1.1\r\nhost: ${host}\r\n\r\n`);
      });
      let got = '';
      const timer = setTimeout(() => (s.destroy(), resolve(got)), 300);
      s.on('data', (d: Buffer) => (got += d.toString('latin1')));
      s.on('end', () => (clearTimeout(timer), s.destroy(), resolve(got)));
      s.on('error', (e: Error) => (clearTimeout(timer), reject(e)));
    });

  it('dns-ipv6-only: the name exists with an AAAA record and no A record', async () => {
    const l = await lab('dns-ipv6-only');
    const a = answered(await dnsUdp(dnsPort(l), API, 'A'));
    expect([a.rcode, a.answers]).toEqual(['NOERROR', []]);
    const aaaa = answered(await dnsUdp(dnsPort(l), API, 'AAAA'));
    expect(aaaa.answers?.map((r) => [r.type, String((r as { data: unknown }).data)])).toEqual([
      ['AAAA', expect.stringMatching(/^2001:db8:/)],
    ]);
    // Other hosts keep their IPv4 address.
    expect(aRecords(answered(await dnsUdp(dnsPort(l), HUB, 'A')))).toEqual([ADDR.get(HUB)]);
  });

  it('dns-second-refused: two DNS servers, the first answers, the second refuses every query', async () => {
    const l = await lab('dns-second-refused');
    expect(l.resolvers).toHaveLength(2);
    expect(aRecords(answered(await dnsUdp(l.resolvers[0]!.port, API)))).toEqual([ADDR.get(API)]);
    const second = answered(await dnsUdp(l.resolvers[1]!.port, API));
    expect([second.rcode, second.answers]).toEqual(['REFUSED', []]);
  });

  it('dhcp-no-dns: the laptop has no DNS server', async () => {
    const l = await lab('dhcp-no-dns');
    expect(l.resolvers).toEqual([]);
  });

  it('dhcp-no-router: no IPv4 default route, every cloud destination unreachable (nothing is dialled)', async () => {
    const l = await lab('dhcp-no-router');
    expect(l.environment.ipv4DefaultRoute).toBeNull();
    for (const host of TLS_HOSTS)
      expect(route(l, host, host === HUB ? 8883 : 443).unreachable, host).toBe(true);
    expect(route(l, NTP, 123, 'udp').unreachable).toBe(true);
    // The resolver is on the local network: it still answers.
    expect(aRecords(answered(await dnsUdp(dnsPort(l), API)))).toEqual([ADDR.get(API)]);
  });

  it('route-unreadable: the route is unknown, with the reason in its source', async () => {
    const l = await lab('route-unreadable');
    expect(l.environment.ipv4DefaultRoute).toBeUndefined();
    expect(l.environment.routeSource).toMatch(/could not be read/);
  });

  it('dns-outside-lab: the answer is an address the lab does not map (nothing can be dialled there)', async () => {
    const l = await lab('dns-outside-lab');
    expect(aRecords(answered(await dnsUdp(dnsPort(l), API)))).toEqual(['203.0.113.80']);
    expect(l.dial('203.0.113.80', 443, 'tcp')).toBeNull();
  });

  it('ntp-bad-reply: a mode 4 reply echoing our request, with a zero transmit timestamp', async () => {
    const l = await lab('ntp-bad-reply');
    const r = await ntpQuery(route(l, NTP, 123, 'udp').port);
    expect(r).not.toBe('timeout');
    const reply = r as NtpReply;
    expect([reply.mode, reply.stratum]).toEqual([4, 2]);
    expect(reply.origin.equals(reply.sentOrigin)).toBe(true);
    // NTP time 0 (1900-01-01) in Unix ms: a transmit timestamp of zero.
    expect(reply.t3).toBe(-2_208_988_800_000);
  });

  it('tls-alert: TCP 8883 connects, the ClientHello gets a fatal access_denied alert; 443 is untouched', async () => {
    const l = await lab('tls-alert');
    const r = await handshake(route(l, HUB, 8883).port, HUB);
    expect(r.ok ? 'ok' : [r.error.code, (r.error.cause as { reason?: string }).reason]).toEqual([
      'TLS_HANDSHAKE',
      'tlsv1 alert access denied',
    ]);
    expect((await handshake(route(l, API, 443).port, API)).ok).toBe(true);
  });

  it('tls-reset: TCP 8883 connects, the ClientHello gets a TCP reset', async () => {
    const l = await lab('tls-reset');
    const r = await handshake(route(l, HUB, 8883).port, HUB);
    expect(r.ok ? 'ok' : [r.error.code, (r.error.cause as { code?: string }).code]).toEqual([
      'RESET',
      'ECONNRESET',
    ]);
  });

  it('https-not-http / https-silent: TLS completes, then not HTTP, or nothing at all', async () => {
    const bad = await lab('https-not-http');
    for (const host of HTTPS_HOSTS) {
      expect(await afterTls(route(bad, host, 443).port, host, rootsFor(bad, host)), host).toMatch(
        /^SSH-2\.0-/,
      );
    }
    const silent = await lab('https-silent');
    for (const host of HTTPS_HOSTS) {
      expect(await afterTls(route(silent, host, 443).port, host, rootsFor(silent, host)), host).toBe('');
    }
  });
});
