import { describe, expect, it } from 'vitest';
import { type CheckResult, type Status, countStatuses, verdictOf } from '../../src/core/result.js';

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

  it('does not let a skip block readiness', () => {
    expect(verdictOf(list('pass', 'skip', 'skip'), false)).toBe('ready');
    expect(verdictOf(list('pass', 'skip'), true)).toBe('ready');
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
