/* eslint-disable @typescript-eslint/no-explicit-any -- fake contexts and probes are partial objects */
import { describe, expect, it } from 'vitest';
import { evaluateDhcp, dhcpCheck } from '../../../src/checks/dhcp/index.js';
import { computeHeadroom, judgeHeadroom, parseDhcpRange } from '../../../src/checks/dhcp/headroom.js';
import { intToIpv4, ipv4ToInt } from '../../../src/core/ipv4.js';
import type { DhcpFacts, DhcpOffer } from '../../../src/probes/dhcp/types.js';
import { emptyFacts, type Neighbour } from '../../../src/platform/net/types.js';
import { UsageError } from '../../../src/core/errors.js';
import { createTranslator } from '../../../src/i18n/index.js';

const rules = { required: true, addressesPerCharger: 1, ipv4Only: true };

function facts(
  over: Partial<DhcpFacts['network']> = {},
  neighbours: Neighbour[] = [],
  extra: Partial<DhcpFacts> = {},
): DhcpFacts {
  return {
    network: {
      ...emptyFacts('linux'),
      interface: 'wlan0',
      address: '192.168.1.20',
      prefixLength: 24,
      gateway: '192.168.1.1',
      addressing: 'dhcp',
      dhcpServer: '192.168.1.1',
      lease: { obtained: null, expires: null, durationSec: 86400 },
      dnsServers: ['192.168.1.1'],
      ...over,
    },
    neighbours: { source: 'ip -j -4 neigh show', entries: neighbours, error: null },
    sweep: null,
    discover: null,
    ...extra,
  };
}

const seen = (n: number, from = 100): Neighbour[] =>
  Array.from({ length: n }, (_, i) => ({
    ip: `192.168.1.${from + i}`,
    mac: `02:00:00:00:00:${(i + 16).toString(16)}`,
    interface: 'wlan0',
    state: 'REACHABLE',
  }));

const offerFrom = (server: string, router: string): DhcpOffer => ({
  server,
  from: server,
  address: '192.168.1.150',
  subnetMask: '255.255.255.0',
  routers: [router],
  dnsServers: [router],
  leaseSec: 3600,
  domainName: null,
});

describe('headroom', () => {
  it('parses ranges and refuses nonsense with a usage error', () => {
    expect(parseDhcpRange('192.168.1.100-192.168.1.199')).toEqual({ first: 3232235876, last: 3232235975 });
    expect(parseDhcpRange('192.168.1.100-199').last).toBe(3232235975);
    expect(() => parseDhcpRange('192.168.1.200-192.168.1.100')).toThrow(UsageError);
    expect(() => parseDhcpRange('garage')).toThrow(UsageError);
  });
  it('takes a CIDR block as its host addresses, as the sites file does (network and broadcast left out)', () => {
    const r = parseDhcpRange('192.168.1.0/24');
    expect([intToIpv4(r.first), intToIpv4(r.last), r.last - r.first + 1]).toEqual([
      '192.168.1.1',
      '192.168.1.254',
      254,
    ]);
    // Host bits set (the gateway's own notation) is the same block.
    expect(parseDhcpRange('192.168.1.1/24')).toEqual(r);
    expect(parseDhcpRange('10.0.0.4/31')).toEqual({
      first: ipv4ToInt('10.0.0.4'),
      last: ipv4ToInt('10.0.0.5'),
    });
    expect(parseDhcpRange('10.0.0.4/32')).toEqual({
      first: ipv4ToInt('10.0.0.4'),
      last: ipv4ToInt('10.0.0.4'),
    });
    expect(() => parseDhcpRange('10.0.0.0/8')).toThrow('larger than a /16');
    expect(() => parseDhcpRange('10.0.0.0/33')).toThrow('not IPv4 addresses');
  });
  it('subnet pool = hosts minus gateway and laptop; FAILED entries do not count', () => {
    const h = computeHeadroom({
      facts: facts().network,
      range: null,
      neighbours: [...seen(3), { ip: '192.168.1.50', mac: null, interface: 'wlan0', state: 'FAILED' }],
      chargers: 4,
      addressesPerCharger: 1,
    })!;
    expect(h).toMatchObject({ poolSize: 252, inUse: 3, free: 249, needed: 4, comfortable: 6 });
    expect(judgeHeadroom(h)).toBe('enough');
  });
  it('warns below N + 20 % or N + 2, fails below N', () => {
    const range = parseDhcpRange('192.168.1.100-192.168.1.109');
    const judge = (taken: number, chargers: number): string =>
      judgeHeadroom(
        computeHeadroom({
          facts: facts().network,
          range,
          neighbours: seen(taken),
          chargers,
          addressesPerCharger: 1,
        })!,
      );
    expect(judge(0, 8)).toBe('enough'); // 10 free >= max(ceil(9.6), 10)
    expect(judge(1, 8)).toBe('tight'); // 9 free
    expect(judge(3, 8)).toBe('short'); // 7 free
  });
});

describe('evaluateDhcp', () => {
  it('a static laptop without a probe proves nothing about the site: skip DHCP_STATIC (not checked), with the two ways to check', () => {
    const o = evaluateDhcp({
      facts: facts({ addressing: 'static', dhcpServer: null }),
      rules,
      range: null,
      sweepAsked: false,
      probeAsked: false,
    });
    expect(o.status).toBe('skip');
    expect(o.cause).toBe('DHCP_STATIC');
    expect(o.summary).toMatch(/^Not checked: .*static address \(192\.168\.1\.20\/24 on wlan0\)/);
    expect(o.summary).toContain('dhcp --probe');
    expect(o.remediation.map((r) => r.audience)).toEqual(['installer']);
    expect(o.remediation[0]!.text).toMatch(/Switch the laptop to DHCP.*dhcp --probe/);
  });
  it('site evidence fails it: a self-assigned 169.254/16 address means no DHCP server answered (DHCP_NONE)', () => {
    const o = evaluateDhcp({
      facts: facts({ addressing: 'dhcp', address: '169.254.12.7', prefixLength: 16, dhcpServer: null }),
      rules,
      range: null,
      sweepAsked: false,
      probeAsked: false,
    });
    expect(o.status).toBe('fail');
    expect(o.cause).toBe('DHCP_NONE');
    expect(o.summary).toContain('169.254.12.7');
    expect(o.evidence.headroom).toBeNull();
  });
  it('the profile may not require DHCP: then a static laptop is a note', () => {
    const o = evaluateDhcp({
      facts: facts({ addressing: 'static' }),
      rules: { ...rules, required: false },
      range: null,
      sweepAsked: false,
      probeAsked: false,
    });
    expect(o.status).toBe('pass');
  });
  it('without --chargers: passes, reports the headroom and says how it was measured', () => {
    const o = evaluateDhcp({
      facts: facts({}, seen(5)),
      rules,
      range: null,
      sweepAsked: false,
      probeAsked: false,
    });
    expect(o.status).toBe('pass');
    expect(o.summary).toMatch(/about 247 of 252 addresses free.*passive estimate.*give --chargers N/i);
    expect(o.evidence.measured).toMatch(/devices asleep are not seen/);
  });
  it('pool short: fail DHCP_POOL_SHORT with the numbers', () => {
    const o = evaluateDhcp({
      facts: facts({}, seen(10)),
      rules,
      chargers: 12,
      range: parseDhcpRange('192.168.1.100-192.168.1.119'),
      sweepAsked: false,
      probeAsked: false,
    });
    expect(o.cause).toBe('DHCP_POOL_SHORT');
    expect(o.summary).toMatch(
      /about 10 of 20 addresses free in 192\.168\.1\.100-192\.168\.1\.119; 12 chargers need 12/,
    );
  });
  it('short lease on a busy pool is noted', () => {
    const o = evaluateDhcp({
      facts: facts({ lease: { obtained: null, expires: null, durationSec: 600 } }, seen(8)),
      rules,
      range: parseDhcpRange('192.168.1.100-192.168.1.109'),
      sweepAsked: false,
      probeAsked: false,
    });
    expect(o.evidence.notes).toEqual(
      expect.arrayContaining([expect.stringMatching(/short lease \(10 min\)/)]),
    );
  });
  it('two servers answering: DHCP_MULTIPLE_SERVERS naming each and its router', () => {
    const discover = {
      status: 'done' as const,
      interface: 'wlan0',
      clientMac: '02:00:00:00:00:01',
      windowMs: 4000,
      sent: 1,
      offers: [offerFrom('192.168.1.1', '192.168.1.1'), offerFrom('192.168.1.2', '10.0.0.1')],
    };
    const o = evaluateDhcp({
      facts: facts({}, [], { discover }),
      rules,
      range: null,
      sweepAsked: false,
      probeAsked: true,
    });
    expect(o.cause).toBe('DHCP_MULTIPLE_SERVERS');
    expect(o.summary).toMatch(/192\.168\.1\.2: offers 192\.168\.1\.150, router 10\.0\.0\.1/);
  });
  it('no offer: DHCP_NO_OFFER; a probe that could not run is only a note', () => {
    const none = {
      status: 'done' as const,
      interface: 'wlan0',
      clientMac: '02:00:00:00:00:01',
      windowMs: 4000,
      sent: 2,
      offers: [],
    };
    expect(
      evaluateDhcp({
        facts: facts({}, [], { discover: none }),
        rules,
        range: null,
        sweepAsked: false,
        probeAsked: true,
      }).cause,
    ).toBe('DHCP_NO_OFFER');
    const busy = { status: 'port-busy' as const, message: 'UDP port 68 ... held' };
    const o = evaluateDhcp({
      facts: facts({}, [], { discover: busy }),
      rules,
      range: null,
      sweepAsked: false,
      probeAsked: true,
    });
    expect(o.status).toBe('pass');
    expect(o.evidence.notes).toEqual(expect.arrayContaining([expect.stringMatching(/--probe not done/)]));
  });
  it('one server whose router differs from the laptop gateway: warn DHCP_OFFER_DIFFERS', () => {
    const d = {
      status: 'done' as const,
      interface: 'wlan0',
      clientMac: '02:00:00:00:00:01',
      windowMs: 4000,
      sent: 1,
      offers: [offerFrom('192.168.1.1', '192.168.1.254')],
    };
    expect(
      evaluateDhcp({
        facts: facts({}, [], { discover: d }),
        rules,
        range: null,
        sweepAsked: false,
        probeAsked: true,
      }).cause,
    ).toBe('DHCP_OFFER_DIFFERS');
  });
  it('no network at all: skip with a reason', () => {
    const o = evaluateDhcp({
      facts: facts({
        interface: null,
        address: null,
        prefixLength: null,
        gateway: null,
        addressing: 'unknown',
      }),
      rules,
      range: null,
      sweepAsked: false,
      probeAsked: false,
    });
    expect(o.status).toBe('skip');
  });
});

describe('evaluateDhcp in Italian (t passed in, still pure)', () => {
  const it_ = createTranslator('it');
  const cases: [string, Parameters<typeof evaluateDhcp>[0]][] = [
    [
      'static',
      {
        facts: facts({ addressing: 'static', dhcpServer: null }),
        rules,
        range: null,
        sweepAsked: false,
        probeAsked: false,
      },
    ],
    ['passive', { facts: facts({}, seen(5)), rules, range: null, sweepAsked: false, probeAsked: false }],
    [
      'short',
      {
        facts: facts({}, seen(10)),
        rules,
        chargers: 12,
        range: parseDhcpRange('192.168.1.100-192.168.1.119'),
        sweepAsked: false,
        probeAsked: false,
      },
    ],
    [
      'rogue',
      {
        facts: facts({}, [], {
          discover: {
            status: 'done',
            interface: 'wlan0',
            clientMac: '02:00:00:00:00:99',
            windowMs: 4000,
            sent: 1,
            offers: [offerFrom('192.168.1.1', '192.168.1.1'), offerFrom('192.168.1.254', '192.168.1.254')],
          } as DhcpFacts['discover'],
        }),
        rules,
        range: null,
        sweepAsked: false,
        probeAsked: true,
      },
    ],
  ];
  for (const [name, input] of cases) {
    it(`${name}: same status and cause, Italian words`, () => {
      const en = evaluateDhcp(input);
      const itOut = evaluateDhcp({ ...input, t: it_ });
      expect(itOut.status).toBe(en.status);
      expect(itOut.cause).toBe(en.cause);
      expect(itOut.summary).not.toBe(en.summary);
      expect(itOut.remediation.map((r) => r.audience)).toEqual(en.remediation.map((r) => r.audience));
      for (const [i, r] of itOut.remediation.entries()) expect(r.text).not.toBe(en.remediation[i]?.text);
      expect(JSON.stringify(itOut)).not.toMatch(/addresses free|chargers need|this laptop|not seen/);
    });
  }
  it('says the numbers in Italian', () => {
    const o = evaluateDhcp({ ...cases[2]![1], t: it_ });
    expect(o.summary).toMatch(
      /^Intervallo DHCP troppo piccolo: circa 10 indirizzi liberi su 20 in 192\.168\.1\.100-192\.168\.1\.119; 12 stazioni ne richiedono 12/,
    );
  });
  it('range errors in Italian', () => {
    expect(() => parseDhcpRange('nope', it_)).toThrow(/non è un intervallo/);
  });
});

describe('dhcpCheck', () => {
  const ctx = (options: Record<string, unknown> = {}): any => ({
    t: createTranslator('en'),
    profile: { dhcp: rules },
    options: { mqttConnect: false, strict: false, extra: {}, ...options },
  });
  it('skips with a reason when the run has no dhcpFacts probe', async () => {
    const o = await dhcpCheck.run({ ctx: ctx(), probes: {} as any, deps: {}, budgetMs: 1000 });
    expect(o).toMatchObject({ status: 'skip', cause: 'NOT_AVAILABLE' });
  });
  it('passes chargers and range to the probe, asks for passive facts only, and judges them', async () => {
    let asked: unknown;
    const probes = {
      dhcpFacts: (q: unknown) => {
        asked = q;
        return Promise.resolve({ ok: true as const, value: facts({}, seen(2)), ms: 1 });
      },
    } as any;
    const o = await dhcpCheck.run({
      ctx: ctx({
        chargers: 3,
        dhcpRange: '192.168.1.100-192.168.1.104',
      }),
      probes,
      deps: {},
      budgetMs: 5000,
    });
    expect(asked).toMatchObject({
      timeoutMs: 5000,
      range: { first: ipv4ToInt('192.168.1.100'), last: ipv4ToInt('192.168.1.104') },
      sweep: false,
      discover: false,
    });
    expect(o.cause).toBe('DHCP_POOL_TIGHT');
  });
  it('a bad range in the site options is an error naming it', async () => {
    const o = await dhcpCheck.run({
      ctx: ctx({ dhcpRange: 'nope' }),
      probes: { dhcpFacts: () => Promise.reject(new Error('not called')) } as any,
      deps: {},
      budgetMs: 1000,
    });
    expect(o).toMatchObject({ status: 'error', cause: 'BAD_OPTION' });
  });
});
