import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { Ajv } from 'ajv';
import { BUILTIN_PROFILES } from '../../src/profile/builtin.js';
import { builtinProfileIds, loadProfile, profileSchema } from '../../src/profile/load.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-profile-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | object): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

const minimal = {
  id: 'test-charger',
  name: 'Test charger',
  endpoints: [{ host: 'broker.example.com', port: 8883, protocol: 'mqtts' }],
};

/** The UsageError a load throws (the test fails if it does not throw one). */
function usageError(ref: string): UsageError {
  try {
    loadProfile(ref);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return err as UsageError;
  }
  throw new Error(`loadProfile(${ref}) did not throw`);
}

describe('built-in profiles', () => {
  it('lists zaptec-pro and zaptec-go', () => {
    expect(builtinProfileIds()).toEqual(['zaptec-pro', 'zaptec-go']);
  });

  it('zaptec-pro has the hosts and ports of the manual page (R5-R8)', () => {
    const p = loadProfile('zaptec-pro');
    expect(p.source).toBe('builtin');
    expect(p.endpoints.map((e) => `${e.protocol} ${e.host}:${e.port}`)).toEqual([
      'ntp no.pool.ntp.org:123',
      'mqtts zapcloud.azure-devices.net:8883',
      'https zapcloud-api.azurewebsites.net:443',
      'https devices.zaptec.com:443',
      'https api.zaptec.com:443',
    ]);
    expect(p.endpoints.every((e) => e.required && e.why.length > 0)).toBe(true);
    expect(p.endpoints.find((e) => e.host === 'devices.zaptec.com')?.trust).toBe('private');
    expect(p.endpoints.find((e) => e.port === 8883)?.tlsVersions).toEqual(['TLSv1.2']);
    expect(p.wifi.channels).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(p.wifi.rssi).toEqual({ passDbm: -67, failDbm: -74 });
    expect(p.proxySupported).toBe(false);
  });

  it('zaptec-go adds optional NTP servers and drops WPA3-only', () => {
    const p = loadProfile('zaptec-go');
    const optional = p.endpoints.filter((e) => !e.required).map((e) => e.host);
    expect(optional).toEqual(['pool.ntp.org', 'europe.pool.ntp.org']);
    expect(p.endpoints.find((e) => e.host === 'no.pool.ntp.org')?.required).toBe(true);
    expect(p.wifi.security).not.toContain('wpa3-personal');
  });

  it('every built-in is valid against the published profile schema (runs skip that check for speed)', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(profileSchema());
    for (const id of builtinProfileIds()) {
      expect(validate(BUILTIN_PROFILES[id]), `${id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('defaults to zaptec-pro', () => {
    expect(loadProfile(undefined).id).toBe('zaptec-pro');
  });

  it('names the built-ins when an unknown id is given', () => {
    const err = usageError('zaptec-home');
    expect(err.message).toContain('zaptec-home');
    expect(err.hint).toContain('zaptec-pro');
  });
});

describe('profile files', () => {
  it('loads a minimal JSON file with defaults filled in', () => {
    const p = loadProfile(write('charger.json', minimal));
    expect(p.id).toBe('test-charger');
    expect(p.endpoints[0]).toEqual({
      host: 'broker.example.com',
      port: 8883,
      protocol: 'mqtts',
      trust: 'public',
      tlsVersions: ['TLSv1.2'],
      required: true,
      why: '',
    });
    expect(p.wifi.channels).toHaveLength(11); // taken from zaptec-pro
  });

  it('loads YAML and normalises host names (case, trailing dot)', () => {
    const file = write(
      'charger.yaml',
      [
        'id: yaml-charger',
        'name: YAML charger',
        'endpoints:',
        '  - host: Broker.Example.COM.',
        '    port: 443',
        '    protocol: https',
        '',
      ].join('\n'),
    );
    expect(loadProfile(file).endpoints[0]?.host).toBe('broker.example.com');
  });

  it('names the field and the value of a bad port', () => {
    const file = write('bad-port.json', {
      ...minimal,
      endpoints: [{ ...minimal.endpoints[0], port: 70000 }],
    });
    const err = usageError(file);
    expect(err.message).toContain('endpoints.0.port');
    expect(err.message).toContain('70000');
    expect(err.message).toContain(file);
  });

  it('names an unknown field', () => {
    const err = usageError(write('unknown.json', { ...minimal, colour: 'blue' }));
    expect(err.message).toContain('unknown field "colour"');
    const inEndpoint = usageError(
      write('unknown2.json', { ...minimal, endpoints: [{ ...minimal.endpoints[0], hostname: 'x' }] }),
    );
    expect(inEndpoint.message).toContain('endpoints.0');
    expect(inEndpoint.message).toContain('unknown field "hostname"');
  });

  it('names the allowed values of a bad protocol', () => {
    const err = usageError(
      write('proto.json', { ...minimal, endpoints: [{ ...minimal.endpoints[0], protocol: 'ftp' }] }),
    );
    expect(err.message).toContain('endpoints.0.protocol');
    expect(err.message).toContain('"ftp"');
    expect(err.message).toContain('mqtts');
  });

  it('says a broken YAML file is not valid YAML', () => {
    const err = usageError(write('broken.yaml', 'id: x\nendpoints: [\n  - {host: a\n'));
    expect(err.message).toContain('not valid YAML');
    expect(err.message).toContain('broken.yaml');
  });

  it('says a broken JSON file is not valid JSON', () => {
    expect(usageError(write('broken.json', '{"id": ')).message).toContain('not valid JSON');
  });

  it('says a missing file is not found', () => {
    const missing = path.join(dir, 'nope.yaml');
    const err = usageError(missing);
    expect(err.message).toBe(`profile file ${missing} not found`);
  });

  it('refuses an endpoint listed twice', () => {
    const file = write('dup.json', {
      ...minimal,
      endpoints: [minimal.endpoints[0], { ...minimal.endpoints[0], host: 'BROKER.example.com' }],
    });
    expect(usageError(file).message).toContain('broker.example.com:8883 is listed twice');
  });

  it('refuses RSSI thresholds where failDbm is above passDbm', () => {
    const err = usageError(
      write('rssi.json', { ...minimal, wifi: { rssi: { passDbm: -75, failDbm: -60 } } }),
    );
    expect(err.message).toContain('failDbm (-60) must be below passDbm (-75)');
  });

  it('resolves a trust {pem} path relative to the profile file, not the working directory', () => {
    const file = write('with-pem.json', {
      ...minimal,
      endpoints: [{ ...minimal.endpoints[0], trust: { pem: 'roots/private-ca.pem' } }],
    });
    const p = loadProfile(file);
    expect(p.endpoints[0]?.trust).toEqual({ pem: path.join(dir, 'roots', 'private-ca.pem') });
  });

  it('takes an issuer trust as given', () => {
    const file = write('issuer.json', {
      ...minimal,
      endpoints: [{ ...minimal.endpoints[0], trust: { issuer: 'Example CA' } }],
    });
    expect(loadProfile(file).endpoints[0]?.trust).toEqual({ issuer: 'Example CA' });
  });

  it('refuses a trust object with both or neither of pem and issuer', () => {
    const file = write('trust.json', {
      ...minimal,
      endpoints: [{ ...minimal.endpoints[0], trust: { kind: 'public' } }],
    });
    expect(usageError(file).message).toContain('endpoints.0.trust');
  });

  it('takes the Wi-Fi and DHCP defaults from the profile it extends', () => {
    const p = loadProfile(write('ext.json', { ...minimal, extends: 'zaptec-go' }));
    expect(p.wifi.security).not.toContain('wpa3-personal');
    expect(usageError(write('ext2.json', { ...minimal, extends: 'nope' })).message).toContain(
      'unknown built-in profile "nope"',
    );
  });
});
