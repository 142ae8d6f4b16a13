import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import type { Report } from '../../src/core/result.js';
import { createTranslator } from '../../src/i18n/index.js';
import { historyDir } from '../../src/history/dir.js';
import { parseReport } from '../../src/history/read.js';
import { listRuns, runFileName, saveRun, siteSlug } from '../../src/history/store.js';
import { renderJson } from '../../src/report/json.js';
import { fixture } from '../report/helpers.js';

const t = createTranslator('en');

describe('history directory', () => {
  it('follows each platform’s convention', () => {
    expect(historyDir({ env: {}, platform: 'linux', home: '/home/ana' })).toBe(
      '/home/ana/.local/share/zapcheck',
    );
    expect(historyDir({ env: { XDG_DATA_HOME: '/data' }, platform: 'linux', home: '/home/ana' })).toBe(
      '/data/zapcheck',
    );
    // A relative XDG_DATA_HOME is invalid per the XDG spec and ignored.
    expect(historyDir({ env: { XDG_DATA_HOME: 'rel' }, platform: 'linux', home: '/home/ana' })).toBe(
      '/home/ana/.local/share/zapcheck',
    );
    expect(historyDir({ env: {}, platform: 'darwin', home: '/Users/ana' })).toBe(
      '/Users/ana/Library/Application Support/zapcheck',
    );
    expect(
      historyDir({
        env: { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' },
        platform: 'win32',
        home: 'C:\\Users\\ana',
      }),
    ).toBe('C:\\Users\\ana\\AppData\\Local\\zapcheck');
  });

  it('--reports-dir, then ZAPCHECK_REPORTS_DIR, win', () => {
    const env = { ZAPCHECK_REPORTS_DIR: '/env/reports', XDG_DATA_HOME: '/data' };
    expect(historyDir({ env, platform: 'linux', cwd: '/work', override: 'out' })).toBe('/work/out');
    expect(historyDir({ env, platform: 'linux', cwd: '/work' })).toBe('/env/reports');
  });
});

describe('saving runs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-history-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names a file by start time and site slug', () => {
    expect(siteSlug('Garage Nord')).toBe('garage-nord');
    expect(siteSlug('Città Alta / Bergamo')).toBe('citta-alta-bergamo');
    expect(siteSlug('../..')).toBe('site');
    expect(runFileName({ startedAt: '2025-06-01T10:22:33.456Z', site: 'Garage Nord' })).toBe(
      '2025-06-01T102233Z_garage-nord.json',
    );
  });

  it.each([0o022, 0o000, 0o277])('private whatever the umask (%o): folders 0700, files 0600', (umask) => {
    const report = fixture('lab-healthy.json');
    const old = process.umask(umask);
    let file: string;
    try {
      file = saveRun(path.join(dir, 'a', 'zapcheck'), report, renderJson(report));
    } finally {
      process.umask(old);
    }
    expect(statSync(path.join(dir, 'a')).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, 'a', 'zapcheck')).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('tightens zapcheck’s own existing folder, never one the user chose', () => {
    const report = fixture('lab-healthy.json');
    const own = path.join(dir, 'own');
    const chosen = path.join(dir, 'chosen');
    mkdirSync(own, { mode: 0o755 });
    mkdirSync(chosen, { mode: 0o755 });
    chmodSync(own, 0o755);
    chmodSync(chosen, 0o755);
    saveRun(own, report, renderJson(report), true);
    saveRun(chosen, report, renderJson(report));
    expect(statSync(own).mode & 0o777).toBe(0o700);
    expect(statSync(chosen).mode & 0o777).toBe(0o755);
  });

  it('never overwrites: two runs in the same second get two files, both complete, no temp file left', () => {
    const report = fixture('lab-healthy.json');
    const a = saveRun(dir, report, renderJson(report));
    const second = { ...report, verdict: 'not-ready' as const };
    const b = saveRun(dir, second, renderJson(second));
    expect(a).not.toBe(b);
    expect(path.basename(b)).toMatch(/_garage-nord-2\.json$/);
    expect(readdirSync(dir).sort()).toEqual([path.basename(a), path.basename(b)].sort());
    expect((JSON.parse(readFileSync(a, 'utf8')) as Report).verdict).toBe('ready');
    expect((JSON.parse(readFileSync(b, 'utf8')) as Report).verdict).toBe('not-ready');
  });

  it('lists runs newest first and skips files that are not reports', () => {
    const older = { ...fixture('lab-healthy.json'), startedAt: '2025-01-01T10:00:00.000Z' };
    const newer = { ...fixture('lab-ntp-blocked.json'), startedAt: '2025-02-01T10:00:00.000Z' };
    saveRun(dir, older, renderJson(older));
    saveRun(dir, newer, renderJson(newer));
    writeFileSync(path.join(dir, 'broken.json'), '{"tool":');
    writeFileSync(path.join(dir, 'other.json'), '{"name":"not ours"}');
    const { runs, unreadable } = listRuns(dir);
    expect(runs.map((r) => [r.site, r.startedAt, r.verdict])).toEqual([
      ['Garage Nord', '2025-02-01T10:00:00.000Z', 'not-ready'],
      ['Garage Nord', '2025-01-01T10:00:00.000Z', 'ready'],
    ]);
    expect(unreadable.map((f) => path.basename(f)).sort()).toEqual(['broken.json', 'other.json']);
    expect(listRuns(path.join(dir, 'missing')).runs).toEqual([]);
  });
});

describe('reading a report file', () => {
  const text = (r: unknown): string => JSON.stringify(r);
  const base = fixture('lab-healthy.json');
  const message = (fn: () => unknown): string => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(UsageError);
      return `${(err as UsageError).message} | ${(err as UsageError).hint ?? ''}`;
    }
    throw new Error('expected a UsageError');
  };

  it('reads a current report', () => {
    expect(parseReport(text(base), 'r.json', t).site).toBe('Garage Nord');
  });

  it('a newer format: says to update zapcheck', () => {
    expect(message(() => parseReport(text({ ...base, schemaVersion: 2 }), 'r.json', t))).toBe(
      'r.json was written by a newer zapcheck (report format 2); this one reads format 1 | update zapcheck to render it',
    );
  });

  it('an older format without a migration: a clear message naming the version that wrote it', () => {
    const old = { ...base, schemaVersion: 0, tool: { name: 'zapcheck', version: '0.0.9' } };
    expect(message(() => parseReport(text(old), 'old.json', t))).toBe(
      'old.json uses the old report format 0, which this zapcheck cannot read | run zapcheck site again for a new report, or render it with the zapcheck that wrote it (zapcheck 0.0.9)',
    );
  });

  it('not ours, not JSON, or broken: one line naming the file and field', () => {
    expect(message(() => parseReport('{"a":1}', 'x.json', t))).toContain('x.json is not a zapcheck report');
    expect(message(() => parseReport('nope', 'x.json', t))).toContain(
      'x.json:1:1: the JSON is not valid here: expected a value (text in "double quotes", a number, true, false, null, [ or {), found "nope"',
    );
    const broken = { ...base, verdict: 'maybe' };
    expect(message(() => parseReport(text(broken), 'x.json', t))).toContain(
      'x.json: verdict: must be equal to one of',
    );
  });
});
