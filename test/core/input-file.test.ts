import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputFileError, nestingDepth, readInputFile } from '../../src/core/input-file.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-input-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(InputFileError);
    return (err as InputFileError).refusal;
  }
  throw new Error('not refused');
};

describe('the bounded reader', () => {
  it('reads UTF-8 (BOM dropped) and UTF-16 with a BOM, as Windows PowerShell writes it', () => {
    writeFileSync(path.join(dir, 'u8.txt'), '\ufeffid: x\n');
    writeFileSync(
      path.join(dir, 'le.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('SSID 1 : Nørd', 'utf16le')]),
    );
    expect(readInputFile(path.join(dir, 'u8.txt'), 'profile')).toBe('id: x\n');
    expect(readInputFile(path.join(dir, 'le.txt'), 'scan')).toBe('SSID 1 : Nørd');
  });

  it('refuses past the limit however the size is reported (/proc says 0)', () => {
    writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(2000));
    expect(refusal(() => readInputFile(path.join(dir, 'big.txt'), 'profile', { maxBytes: 1000 }))).toBe(
      'TOO_LARGE',
    );
    expect(readInputFile('/proc/self/status', 'profile').length).toBeGreaterThan(0);
    expect(refusal(() => readInputFile('/proc/self/status', 'profile', { maxBytes: 16 }))).toBe('TOO_LARGE');
  });

  it('refuses devices, folders, missing files and binary content, naming the file and the limit', () => {
    expect(refusal(() => readInputFile('/dev/zero', 'scan'))).toBe('SPECIAL');
    expect(refusal(() => readInputFile(dir, 'scan'))).toBe('DIRECTORY');
    expect(refusal(() => readInputFile(path.join(dir, 'nope'), 'scan'))).toBe('NOT_FOUND');
    writeFileSync(path.join(dir, 'bin'), Buffer.from([0x41, 0x00, 0x42]));
    expect(refusal(() => readInputFile(path.join(dir, 'bin'), 'report'))).toBe('BINARY');
    expect(() =>
      readInputFile(path.join(dir, 'big.txt'), 'pem', { maxBytes: 1000, what: '--trust-roots' }),
    ).toThrow(`--trust-roots ${path.join(dir, 'big.txt')} is 2 KiB; the limit is 1000 bytes`);
  });

  it('measures nesting without recursion, ignoring brackets in strings', () => {
    expect(nestingDepth('{"a": [1, {"b": "[[[[["}]}')).toBe(3);
    expect(nestingDepth("a: 'it''s [ not ['\nb: [[1]]")).toBe(2);
    expect(nestingDepth('['.repeat(200_000))).toBe(65); // stops once past the limit
  });
});
