import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { checkInterface, checkOutputFile, checkSsid, prepareReportsDir } from '../../src/cli/validate.js';
import { checkScanFile } from '../../src/cli/validate-scan.js';

/**
 * The checks made before a run, shared by site, wifi and dhcp and placed before the lab / real branch of
 * `site`: unit-tested here because a real-mode site is never run in the test suite.
 */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-validate-'));
  writeFileSync(path.join(dir, 'file.txt'), 'x');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const usage = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as UsageError).message;
  }
  throw new Error('no UsageError');
};

describe('checks before the run', () => {
  it('output files: stdout, a new file in a folder that exists; not a folder, not a missing folder', () => {
    expect(() => checkOutputFile('--json', '-', dir)).not.toThrow();
    expect(() => checkOutputFile('--json', 'new.json', dir)).not.toThrow();
    expect(usage(() => checkOutputFile('--json', '', dir))).toBe('--json: the file name is empty');
    expect(usage(() => checkOutputFile('--json', '.', dir))).toBe('--json . is a folder; give a file name');
    expect(usage(() => checkOutputFile('-o', 'nope/x.html', dir))).toBe(
      `-o nope/x.html: the folder ${path.join(dir, 'nope')} does not exist`,
    );
    expect(usage(() => checkOutputFile('-o', 'file.txt/x.html', dir))).toMatch(/is not a folder/);
  });

  it('reports folder: created 0700 whatever the umask, or exit 2 naming it', () => {
    const old = process.umask(0o022);
    try {
      const target = path.join(dir, 'runs', 'deeper');
      prepareReportsDir(target, 'runs/deeper');
      expect(statSync(target).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(dir, 'runs')).mode & 0o777).toBe(0o700);
    } finally {
      process.umask(old);
    }
    expect(usage(() => prepareReportsDir(path.join(dir, 'file.txt', 'runs'), 'x'))).toBe(
      '--reports-dir x: ' + `${path.join(dir, 'file.txt', 'runs')} is not a folder`,
    );
    expect(usage(() => prepareReportsDir('/proc/zapcheck-nope', '/proc/zapcheck-nope'))).toMatch(
      /^--reports-dir \/proc\/zapcheck-nope: cannot create the folder \((ENOENT|EACCES)\)$/,
    );
  });

  it('interfaces: one this computer has', () => {
    expect(() => checkInterface('eth0', undefined, () => ['lo', 'eth0'])).not.toThrow();
    expect(usage(() => checkInterface('eht0', undefined, () => ['lo', 'eth0']))).toBe(
      '--interface "eht0": this computer has no such network interface',
    );
  });

  it('SSIDs: 1 to 32 bytes', () => {
    expect(() => checkSsid('Garage Nord')).not.toThrow();
    expect(usage(() => checkSsid('é'.repeat(17)))).toMatch(/1 to 32 bytes/);
  });

  it('scan files: a known format, else exit 2 naming the file', () => {
    mkdirSync(path.join(dir, 'scans'));
    writeFileSync(
      path.join(dir, 'scans', 'arp.txt'),
      '? (192.168.1.1) at 00:11:22:33:44:55 [ether] on wlan0\n',
    );
    expect(usage(() => checkScanFile('scans/arp.txt', dir))).toMatch(
      /^--scan-file: scans\/arp\.txt is not a Wi-Fi scan/,
    );
    expect(usage(() => checkScanFile('scans', dir))).toBe('--scan-file scans is a folder, not a file');
  });
});
