import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from './errors.js';
import { createTranslator, type Translate } from '../i18n/index.js';

/**
 * The one reader of every file zapcheck is given: profiles, sites files, saved Wi-Fi scans, PEM trust roots,
 * reports and history files. Bounded whatever the path names:
 *
 * - directories, devices (/dev/zero), FIFOs and sockets are refused up front: they are opened without
 *   blocking (a FIFO with no writer would wait for ever) and checked with fstat before a byte is read;
 * - a regular file is read in chunks up to the kind's size limit and refused past it, whatever its
 *   reported size (files in /proc say 0 and hold more);
 * - NUL bytes mean a binary file; a UTF-8 BOM is dropped and UTF-16 with a BOM (what Windows PowerShell's
 *   `>` writes) is decoded.
 *
 * Every refusal is a UsageError (exit 2) naming the file and the limit. Parsers then bound nesting
 * (`checkNesting`) before they recurse.
 */

export type InputKind = 'profile' | 'sites' | 'scan' | 'pem' | 'report' | 'history';

const MiB = 1024 * 1024;

/** Size limits per kind: far above any real file (a 20,000-site sites file is 0.6 MB, a 5,000-BSS scan 3 MB). */
export const INPUT_LIMITS: Readonly<Record<InputKind, number>> = {
  profile: 1 * MiB,
  sites: 8 * MiB,
  scan: 16 * MiB,
  pem: 4 * MiB,
  report: 16 * MiB,
  history: 16 * MiB,
};

/** How deep JSON or YAML collections may nest: real files use 6 levels. */
export const MAX_NESTING = 64;

export type InputRefusal =
  | 'NOT_FOUND'
  | 'DENIED'
  | 'LOOP'
  | 'UNREADABLE'
  | 'DIRECTORY'
  | 'SPECIAL'
  | 'TOO_LARGE'
  | 'BINARY'
  | 'TOO_DEEP';

/** A file zapcheck will not read; exit 2. */
export class InputFileError extends UsageError {
  constructor(
    readonly refusal: InputRefusal,
    message: string,
    hint?: string,
  ) {
    super(message, hint);
  }
}

export function formatBytes(n: number): string {
  if (n >= MiB) return `${+(n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

export interface ReadInputOptions {
  /** How the file is named in messages ("profile file", "--trust-roots"); default from the kind. */
  what?: string;
  t?: Translate;
  /** The file as the user wrote it, for messages (default: `file`). */
  shown?: string;
  /** Overrides the kind's size limit (tests). */
  maxBytes?: number;
}

function whatOf(kind: InputKind, t: Translate): string {
  return t(`input.what.${kind}`);
}

/** Reads a text file within the limits of its kind; throws InputFileError (exit 2) otherwise. */
export function readInputFile(file: string, kind: InputKind, opts: ReadInputOptions = {}): string {
  const t = opts.t ?? createTranslator('en');
  const what = opts.what ?? whatOf(kind, t);
  const limit = opts.maxBytes ?? INPUT_LIMITS[kind];
  const vars = { what, file: opts.shown ?? file, limit: formatBytes(limit) };
  if (file === '') throw new InputFileError('NOT_FOUND', t('err.input.empty', vars));
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below anyway).
    fd = openSync(file, constants.O_RDONLY | (process.platform === 'win32' ? 0 : constants.O_NONBLOCK));
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'error';
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new InputFileError('NOT_FOUND', t('err.input.notfound', vars));
    if (code === 'EACCES' || code === 'EPERM')
      throw new InputFileError('DENIED', t('err.input.denied', vars));
    if (code === 'ELOOP') throw new InputFileError('LOOP', t('err.input.loop', vars));
    if (code === 'EISDIR') throw new InputFileError('DIRECTORY', t('err.input.dir', vars));
    throw new InputFileError('UNREADABLE', t('err.input.open', { ...vars, code }));
  }
  let bytes: Buffer;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputFileError('DIRECTORY', t('err.input.dir', vars));
    if (!st.isFile()) {
      const type = st.isFIFO()
        ? t('input.type.fifo')
        : st.isSocket()
          ? t('input.type.socket')
          : t('input.type.device');
      throw new InputFileError(
        'SPECIAL',
        t('err.input.special', { ...vars, type }),
        t('err.input.special.hint'),
      );
    }
    if (st.size > limit) {
      throw new InputFileError('TOO_LARGE', t('err.input.large', { ...vars, size: formatBytes(st.size) }));
    }
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(Math.min(limit + 1, 256 * 1024));
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (err) {
        const code = (err as { code?: string }).code ?? 'error';
        if (code === 'EISDIR') throw new InputFileError('DIRECTORY', t('err.input.dir', vars));
        throw new InputFileError('UNREADABLE', t('err.input.open', { ...vars, code }));
      }
      if (n === 0) break;
      total += n;
      if (total > limit) {
        throw new InputFileError(
          'TOO_LARGE',
          t('err.input.large', { ...vars, size: `> ${formatBytes(limit)}` }),
        );
      }
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    bytes = Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
  return decodeText(bytes, () => new InputFileError('BINARY', t('err.input.binary', vars)));
}

/** UTF-8 (BOM dropped) or UTF-16 with a BOM; NUL bytes elsewhere mean binary. */
export function decodeText(bytes: Buffer, binary: () => Error): string {
  let text: string;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (bytes.length % 2 !== 0) throw binary();
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    if (bytes.length % 2 !== 0) throw binary();
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    if (bytes.includes(0)) throw binary();
    text = bytes.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  if (text.includes('\u0000')) throw binary();
  return text;
}

/**
 * The deepest nesting of [ and { outside quoted strings, stopping as soon as it passes `max`. Linear and
 * without recursion, so it runs before a recursive parser could overflow its stack. For YAML this counts
 * flow collections; block nesting is bounded by the file size (n levels need n² bytes of indentation).
 */
export function nestingDepth(text: string, max = MAX_NESTING): number {
  let depth = 0;
  let deepest = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") {
      // A YAML apostrophe inside a plain word (it's) does not open a string.
      if (c === "'" && i > 0 && /\w/.test(text[i - 1] ?? '')) continue;
      quote = c;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** Throws InputFileError when `text` nests deeper than MAX_NESTING. */
export function checkNesting(
  text: string,
  file: string,
  what: string,
  t: Translate = createTranslator('en'),
): void {
  if (nestingDepth(text) > MAX_NESTING) {
    throw new InputFileError('TOO_DEEP', t('err.input.deep', { what, file, limit: MAX_NESTING }));
  }
}
