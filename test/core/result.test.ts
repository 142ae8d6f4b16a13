import { describe, expect, it } from 'vitest';
import {
  type CheckResult,
  type Status,
  countStatuses,
  notCheckedLabels,
  verdictOf,
} from '../../src/core/result.js';

function result(id: string, status: Status): CheckResult {
  return {
    id,
    kind: 'x',
    title: id,
    target: {},
    status,
    cause: status === 'pass' ? 'OK' : 'SOMETHING',
    summary: id,
    evidence: {},
    remediation: [],
    durationMs: 0,
  };
}

const list = (...statuses: Status[]) => statuses.map((s, i) => result(`c${i}`, s));

describe('verdictOf', () => {
  it('is ready when everything passed', () => {
    expect(verdictOf(list('pass', 'pass'), false)).toBe('ready');
  });

  it('does not let a skip block readiness without --strict', () => {
    expect(verdictOf(list('pass', 'skip', 'skip'), false)).toBe('ready');
  });

  it('with --strict refuses a check that was not done (a skip of its own), not a dependent of a failure', () => {
    expect(verdictOf(list('pass', 'skip'), true)).toBe('not-ready');
    const dependent = { ...result('c1', 'skip'), cause: 'SKIPPED' };
    expect(verdictOf([result('c0', 'pass'), dependent], true)).toBe('ready');
  });

  it('is not ready on any fail', () => {
    expect(verdictOf(list('pass', 'fail', 'pass'), false)).toBe('not-ready');
  });

  it('is not ready on an error (zapcheck could not tell)', () => {
    expect(verdictOf(list('pass', 'error'), false)).toBe('not-ready');
  });

  it('allows warnings, unless --strict', () => {
    expect(verdictOf(list('pass', 'warn'), false)).toBe('ready');
    expect(verdictOf(list('pass', 'warn'), true)).toBe('not-ready');
  });

  it('is not ready when interrupted, even if all that finished passed', () => {
    expect(verdictOf(list('pass', 'pass'), false, true)).toBe('not-ready');
  });

  it('is ready for an empty list (the report says what was not checked)', () => {
    expect(verdictOf([], false)).toBe('ready');
  });
});

describe('countStatuses', () => {
  it('counts every status, zero included', () => {
    expect(countStatuses(list('pass', 'warn', 'pass', 'error', 'skip', 'pass'))).toEqual({
      pass: 3,
      warn: 1,
      fail: 0,
      skip: 1,
      error: 1,
    });
    expect(countStatuses([])).toEqual({ pass: 0, warn: 0, fail: 0, skip: 0, error: 0 });
  });
});

describe('notCheckedLabels', () => {
  it('names each kind that was not checked once, in check order; dependents of a failure are not listed', () => {
    const skip = (id: string, kind: string, cause: string): CheckResult => ({
      ...result(id, 'skip'),
      kind,
      cause,
    });
    expect(
      notCheckedLabels([
        result('a', 'pass'),
        skip('wifi', 'wifi', 'WIFI_NO_SSID'),
        skip('tls', 'tls', 'SKIPPED'),
        skip('dhcp', 'dhcp', 'DHCP_STATIC'),
        skip('mqtt', 'mqtt', 'MQTT_NOT_TRIED'),
        skip('wifi2', 'wifi', 'WIFI_NO_SCAN'),
      ]),
    ).toEqual(['Wi-Fi', 'DHCP', 'MQTT']);
    expect(notCheckedLabels(list('pass', 'warn', 'fail'))).toEqual([]);
  });
});
