import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGuard } from '../../src/core/guard.js';
import { UsageError } from '../../src/core/errors.js';
import { ZAPTEC_PRO } from '../../src/profile/builtin.js';
import { normalizeProfile } from '../../src/profile/load.js';
import type { Profile } from '../../src/profile/types.js';
import { createRealContext } from '../../src/site/real.js';

const dir = mkdtempSync(path.join(tmpdir(), 'zapcheck-site-real-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The built-in profile with one endpoint trusting a PEM file. */
function withPem(file: string): Profile {
  const base = normalizeProfile(ZAPTEC_PRO, 'builtin');
  const [first, ...rest] = base.endpoints;
  return { ...base, endpoints: [{ ...first!, trust: { pem: file } }, ...rest] };
}

const make = (profile: Profile) =>
  createRealContext({
    site: 'test',
    profile,
    deadlineMs: 1000,
    guard: createGuard('loopback'),
    options: { mqttConnect: false, strict: false, extra: {} },
    lang: 'en',
    interrupt: new AbortController().signal,
    env: {},
    dnsServers: [{ ip: '127.0.0.1', port: 53, source: 'user' }],
    environment: { proxy: {}, ipv4DefaultRoute: undefined, routeSource: 'test' },
  });

describe('the real site context reads the PEM files a profile names before the run', () => {
  it('a missing file is a usage error naming it, when the context is made', () => {
    const missing = path.join(dir, 'missing.pem');
    expect(() => make(withPem(missing))).toThrow(UsageError);
    expect(() => make(withPem(missing))).toThrow(/missing\.pem/);
  });

  it('a file without certificates is a usage error too', () => {
    const empty = path.join(dir, 'empty.pem');
    writeFileSync(empty, 'not a certificate\n');
    expect(() => make(withPem(empty))).toThrow(UsageError);
  });

  it('the built-in profile (public roots only) needs no file', () => {
    expect(make(normalizeProfile(ZAPTEC_PRO, 'builtin')).mode).toBe('real');
  });
});
