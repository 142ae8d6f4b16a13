import { describe, expect, it } from 'vitest';
import { createGuard, guardFromEnv, isLoopback } from '../../src/core/guard.js';

describe('loopback guard', () => {
  it.each(['127.0.0.1', '127.9.9.9', '::1', '::ffff:127.0.0.1'])('allows %s', (address) => {
    const guard = createGuard('loopback');
    expect(guard.refuse('tcp', address, 443)).toBeNull();
    expect(guard.refuse('udp', address, 53)).toBeNull();
  });

  it.each([
    '10.0.0.1',
    '192.0.2.1',
    '203.0.113.7',
    '198.51.100.1',
    '::ffff:192.0.2.1',
    '2001:db8::1',
    '0.0.0.0',
  ])('refuses %s, naming it and the port', (address) => {
    const guard = createGuard('loopback');
    const reason = guard.refuse('tcp', address, 8883);
    expect(reason).toContain(`${address}:8883`);
    expect(reason).toContain('loopback');
  });

  it('refuses names that are not IP addresses', () => {
    expect(createGuard('loopback').refuse('tcp', 'localhost', 80)).not.toBeNull();
  });

  it('allows CIDRs given explicitly (a test network namespace), and nothing else', () => {
    const guard = createGuard('loopback', ['192.0.2.0/24', '203.0.113.9']);
    expect(guard.refuse('tcp', '192.0.2.77', 443)).toBeNull();
    expect(guard.refuse('udp', '::ffff:192.0.2.77', 123)).toBeNull();
    expect(guard.refuse('tcp', '203.0.113.9', 443)).toBeNull();
    expect(guard.refuse('tcp', '203.0.113.10', 443)).toContain('192.0.2.0/24');
    expect(guard.refuse('tcp', '198.51.100.1', 443)).not.toBeNull();
  });

  it('rejects a malformed CIDR when it is built', () => {
    expect(() => createGuard('loopback', ['not-a-cidr'])).toThrow(/not a CIDR/);
  });

  it('refuses the OS resolver (lookup): it cannot tell where the query goes', () => {
    const guard = createGuard('loopback');
    const reason = guard.refuse('lookup', 'api.zaptec.com', 0);
    expect(reason).toContain('api.zaptec.com');
  });

  it('records every destination it was asked about, allowed or not', () => {
    const guard = createGuard('loopback');
    guard.refuse('udp', '127.0.0.1', 5353);
    guard.refuse('tcp', '192.0.2.1', 443);
    guard.refuse('lookup', 'api.zaptec.com', 0);
    expect(guard.destinations).toEqual([
      { transport: 'udp', address: '127.0.0.1', port: 5353, allowed: true },
      { transport: 'tcp', address: '192.0.2.1', port: 443, allowed: false },
      { transport: 'lookup', address: 'api.zaptec.com', port: 0, allowed: false },
    ]);
  });
});

describe('off guard', () => {
  it('allows any destination but still records it', () => {
    const guard = createGuard('off');
    expect(guard.refuse('tcp', '192.0.2.1', 443)).toBeNull();
    expect(guard.refuse('lookup', 'api.zaptec.com', 0)).toBeNull();
    expect(guard.destinations).toHaveLength(2);
  });
});

describe('isLoopback', () => {
  it('knows loopback from everything else', () => {
    expect(isLoopback('127.0.0.53')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('128.0.0.1')).toBe(false);
    expect(isLoopback('localhost')).toBe(false);
  });
});

describe('guardFromEnv', () => {
  it('is loopback under vitest (VITEST set), whatever else the environment says', () => {
    expect(guardFromEnv({ VITEST: 'true' }, false).mode).toBe('loopback');
    expect(guardFromEnv(process.env, false).mode).toBe('loopback');
  });

  it('is loopback with ZAPCHECK_GUARD=loopback or for the lab, off otherwise', () => {
    expect(guardFromEnv({ ZAPCHECK_GUARD: 'loopback' }, false).mode).toBe('loopback');
    expect(guardFromEnv({}, true).mode).toBe('loopback');
    expect(guardFromEnv({}, false).mode).toBe('off');
  });

  it('takes ZAPCHECK_GUARD_ALLOW only together with the loopback guard', () => {
    const guard = guardFromEnv(
      { ZAPCHECK_GUARD: 'loopback', ZAPCHECK_GUARD_ALLOW: ' 192.0.2.0/24 , 203.0.113.0/24' },
      false,
    );
    expect(guard.allowedCidrs).toEqual(['192.0.2.0/24', '203.0.113.0/24']);
    expect(guard.refuse('tcp', '203.0.113.5', 443)).toBeNull();
    expect(guardFromEnv({ ZAPCHECK_GUARD_ALLOW: '192.0.2.0/24' }, false).allowedCidrs).toEqual([]);
  });
});
