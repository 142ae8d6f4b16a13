import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { Ajv } from 'ajv';
import { BUILTIN_PROFILES } from '../../src/profile/builtin.js';
import { builtinProfileIds, loadProfile, profileSchema } from '../../src/profile/load.js';
import { createTranslator } from '../../src/i18n/index.js';
import { BIN, runCli } from '../helpers/cli.js';

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
    expect(err.message).toMatch(/broken\.yaml:4:1: the YAML is not valid here: a "\}" is missing/);
    expect(err.message).toContain('broken.yaml');
  });

  it('says a broken JSON file is not valid JSON', () => {
    expect(usageError(write('broken.json', '{"id": ')).message).toMatch(
      /broken\.json:1:8: the JSON is not valid here: the file ends before the JSON is complete/,
    );
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
    expect(err.message).toContain('wifi.rssi.failDbm: failDbm -60 is above passDbm -75');
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
      'extends: "nope" is not a built-in profile; built-in profiles: zaptec-pro, zaptec-go',
    );
  });
});

/** The problem lines of a profile error ("  - file:line: field: problem"). */
const problemLines = (err: UsageError): string[] =>
  err.message.split('\n').filter((l) => l.startsWith('  - '));

describe('profile errors in plain words (issue 13)', () => {
  it('one line per bad field naming file:line, field, value and what is allowed, never the schema regex', () => {
    const file = write(
      'bad.yaml',
      [
        'id: Bad Id',
        'name: Bad',
        'endpoints:',
        '  - host: a..b',
        '    port: 70000',
        '    protocol: ftp',
        '    trust: nope',
        '    path: health',
        'wifi:',
        '  hiddenSsid: "no"',
        '',
      ].join('\n'),
    );
    const lines = problemLines(usageError(file));
    expect(lines).toEqual([
      `  - ${file}:1: id: "Bad Id" is not a valid profile id: lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters`,
      `  - ${file}:4: endpoints.0.host: "a..b" is not a valid DNS name: labels of letters, digits and "-" joined by single dots, e.g. api.zaptec.com`,
      `  - ${file}:5: endpoints.0.port: 70000 is out of range: allowed from 1 to 65535`,
      `  - ${file}:6: endpoints.0.protocol: "ftp" is not allowed; allowed: ntp, https, mqtts, tls`,
      `  - ${file}:7: endpoints.0.trust: "nope" is not a trust: write public, private, {pem: <file of root certificates>} or {issuer: <issuer name>}`,
      `  - ${file}:8: endpoints.0.path: "health" is not a URL path: it starts with "/", e.g. /health`,
      `  - ${file}:10: wifi.hiddenSsid: "no" is not true or false`,
    ]);
    expect(lines.join('\n')).not.toMatch(/must match|pattern|\^\(|\{0,61\}|must be object/);
  });

  it('a bad trust is one message, whichever of its three forms it misses', () => {
    for (const trust of ['nope', { kind: 'public' }, { pem: '' }, { pem: 'a.pem', issuer: 'X' }]) {
      const err = usageError(
        write('trust.json', { ...minimal, endpoints: [{ ...minimal.endpoints[0], trust }] }),
      );
      const about = problemLines(err).filter((l) => l.includes('endpoints.0.trust'));
      expect(about, JSON.stringify(trust)).toHaveLength(1);
      expect(about[0]).toContain('is not a trust: write public, private');
    }
  });

  it('wifi.channels is checked against the 2.4 GHz band: 14 and 5 GHz numbers refused in words', () => {
    const err = usageError(
      write('channels.yaml', `${JSON.stringify(minimal).slice(0, -1)}, "wifi": {"channels": [14, 36, 1]}}`),
    );
    expect(problemLines(err)).toEqual([
      expect.stringMatching(
        /: wifi\.channels: channel 14 is not allowed \(Japan only, 802\.11b only\); 36 is a 5 GHz channel\. This list is the 2\.4 GHz channels the charger may use: 1 to 13$/,
      ),
    ]);
    expect(usageError(write('c6.json', { ...minimal, wifi: { channels: [1, 37, 300] } })).message).toContain(
      'wifi.channels: 37 is a 6 GHz channel; 300 is not a Wi-Fi channel.',
    );
    expect(
      loadProfile(write('ok.json', { ...minimal, wifi: { channels: [1, 6, 11, 13] } })).wifi.channels,
    ).toEqual([1, 6, 11, 13]);
  });

  it('says it in Italian', () => {
    const file = write('it.json', {
      ...minimal,
      endpoints: [{ ...minimal.endpoints[0], host: 'a..b', trust: 'nope' }],
      wifi: { channels: [14] },
    });
    let message = '';
    try {
      loadProfile(file, createTranslator('it'));
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain(`profilo ${file} non valido:`);
    expect(message).toContain('endpoints.0.host: "a..b" non è un nome DNS valido');
    expect(message).toContain('endpoints.0.trust: "nope" non è un trust: scrivere public, private');
    expect(message).toContain('wifi.channels: il canale 14 non è ammesso (solo Giappone, solo 802.11b)');
    expect(message).not.toMatch(/\b(is not|must|allowed)\b/);
  });

  it('file errors in words: not found, a folder, permission denied', () => {
    expect(usageError(path.join(dir, 'x.json')).message).toBe(
      `profile file ${path.join(dir, 'x.json')} not found`,
    );
    expect(usageError(`${dir}/`).message).toBe(`profile file ${dir}/ is a folder, not a file`);
    const secret = write('secret.json', minimal);
    chmodSync(secret, 0o000);
    chmodSync(dir, 0o755);
    // As root every file is readable: the CLI runs as nobody then, so the refusal is the kernel's own.
    const asUser =
      process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const [cmd = process.execPath, ...args] = [...asUser, process.execPath, BIN, 'profiles', 'show', secret];
    const run = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`zapcheck: profile file ${secret}: permission denied\n`);
  });

  it('zapcheck site --profile <bad file> exits 2 with the problems, no stack trace, before any check runs', async () => {
    const file = write('run.json', { ...minimal, endpoints: [{ ...minimal.endpoints[0], host: 'a..b' }] });
    const run = await runCli(['site', 'x', '--lab', '--profile', file, '--lang', 'it']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('endpoints.0.host: "a..b" non è un nome DNS valido');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.stdout).toBe('');
  });
});
