import { describe, expect, it } from 'vitest';
import type { CheckResult, Remediation, Status } from '../../src/core/result.js';
import { groupRemediation, templateOf } from '../../src/report/remediation.js';
import { remediationList } from '../../src/report/terminal.js';

function check(host: string, port: number, status: Status, remediation: Remediation[]): CheckResult {
  return {
    id: `tls:${host}:${port}`,
    kind: 'tls',
    title: `TLS ${host}:${port}`,
    target: { host, port, protocol: 'tls' },
    status,
    cause: 'X',
    summary: 's',
    evidence: {},
    remediation,
    durationMs: 1,
  };
}
const itFix = (text: string): Remediation => ({ audience: 'it', text });
const fortinet = (h: string, p: number) =>
  itFix(
    `Turn off TLS inspection by Fortinet FortiGate for: ${h}:${p}. The charger only accepts the real certificate.`,
  );

describe('groupRemediation: one request per fault', () => {
  it('four TLS-inspection items become one numbered item naming the vendor and listing the hosts', () => {
    const hosts: [string, number][] = [
      ['zapcloud.azure-devices.net', 8883],
      ['zapcloud-api.azurewebsites.net', 443],
      ['devices.zaptec.com', 443],
      ['api.zaptec.com', 443],
    ];
    const g = groupRemediation(hosts.map(([h, p]) => check(h, p, 'fail', [fortinet(h, p)])));
    expect(g.it).toHaveLength(1);
    expect(g.it[0]!.text).toBe(
      'Turn off TLS inspection by Fortinet FortiGate for: zapcloud.azure-devices.net:8883, zapcloud-api.azurewebsites.net:443, devices.zaptec.com:443, api.zaptec.com:443. The charger only accepts the real certificate.',
    );
    expect(g.it[0]!.targets).toHaveLength(4);
    expect(remediationList(hosts.map(([h, p]) => check(h, p, 'fail', [fortinet(h, p)]))).it).toHaveLength(1);
  });

  it('five "cannot resolve" items become one (the host named once, without a port)', () => {
    const hosts = ['a.example.net', 'b.example.net', 'c.example.org', 'd.example.com', 'e.example.com'];
    const g = groupRemediation(
      hosts.map((h) => ({
        ...check(h, 443, 'fail', [
          itFix(`The DNS server 192.0.2.53:53 cannot resolve ${h}: check its upstream servers.`),
        ]),
        target: { host: h },
      })),
    );
    expect(g.it.map((r) => r.text)).toEqual([
      `The DNS server 192.0.2.53:53 cannot resolve ${hosts.join(', ')}: check its upstream servers.`,
    ]);
  });

  it('different faults, or one host only, stay separate; a host inside a longer name is not a match', () => {
    const g = groupRemediation([
      check('api.zaptec.com', 443, 'fail', [itFix('Allow outbound TCP port 443 to api.zaptec.com.')]),
      check('zapcloud.azure-devices.net', 8883, 'fail', [
        itFix('Allow outbound TCP port 8883 to zapcloud.azure-devices.net.'),
      ]),
      check('devices.zaptec.com', 443, 'warn', [itFix('Something else for devices.zaptec.com.')]),
    ]);
    expect(g.it.map((r) => r.text)).toEqual([
      'Allow outbound TCP port 443 to api.zaptec.com.',
      'Allow outbound TCP port 8883 to zapcloud.azure-devices.net.',
      'Something else for devices.zaptec.com.',
    ]);
    expect(templateOf('Allow zapcloud-api.zaptec.com', { host: 'api.zaptec.com' })).toBeNull();
  });

  it('keeps failures before warnings and the installer apart; identical texts once; passes ignored', () => {
    const installer: Remediation = { audience: 'installer', text: 'Set this laptop to automatic time.' };
    const g = groupRemediation([
      check('a.example', 443, 'warn', [itFix('Warn fix for a.example.'), installer]),
      check('b.example', 443, 'fail', [itFix('Allow b.example.'), installer]),
      check('c.example', 443, 'pass', [itFix('Never shown for c.example.')]),
    ]);
    expect(g.it.map((r) => r.text)).toEqual(['Allow b.example.', 'Warn fix for a.example.']);
    expect(g.installer.map((r) => r.text)).toEqual([installer.text]);
  });
});
