import { accessSync, constants, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { createTranslator, type Translate } from '../i18n/index.js';
import { makePrivateDir } from '../history/store.js';

/**
 * Checks made before a run starts, the same in every command and in lab and real mode: a mistake in an
 * option is exit 2 at once, not a skipped check, an exit 3 or a lost report after the run.
 */

function errCode(err: unknown): string {
  return (err as { code?: string }).code ?? 'error';
}

/**
 * An output file (`--json`, `-o`): `-` is stdout; otherwise not a folder, and its folder exists and is
 * writable. Checked before the run so CI does not lose the verdict to a typo after a 30-second run.
 */
export function checkOutputFile(
  option: string,
  target: string,
  cwd: string,
  t: Translate = createTranslator('en'),
): void {
  if (target === '-') return;
  if (target === '') throw new UsageError(t('err.output.empty', { option }));
  const abs = path.resolve(cwd, target);
  const vars = { option, file: target, dir: path.dirname(abs) };
  try {
    if (statSync(abs).isDirectory()) throw new UsageError(t('err.output.dir', vars));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    // Not there yet: fine, its folder is checked next.
  }
  let dir;
  try {
    dir = statSync(vars.dir);
  } catch (err) {
    const code = errCode(err);
    throw new UsageError(
      code === 'ENOENT' ? t('err.output.nodir', vars) : t('err.output.write', { option, file: target, code }),
    );
  }
  if (!dir.isDirectory()) throw new UsageError(t('err.output.notdir', vars));
  try {
    accessSync(vars.dir, constants.W_OK);
  } catch {
    throw new UsageError(t('err.output.denied', vars));
  }
}

/** The history folder (--reports-dir or the default): created now (0700) and writable, or exit 2. */
export function prepareReportsDir(
  dir: string,
  shown: string,
  t: Translate = createTranslator('en'),
  /** zapcheck's own default folder: an existing one is set to 0700 too. */
  tighten = false,
): void {
  try {
    makePrivateDir(dir, tighten);
  } catch (err) {
    const code = errCode(err);
    if (code === 'ENOTDIR' || code === 'EEXIST') {
      throw new UsageError(t('err.reportsdir.notdir', { dir: shown, path: dir }));
    }
    throw new UsageError(t('err.reportsdir.create', { dir: shown, code }));
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UsageError(t('err.reportsdir.denied', { dir: shown }));
  }
}

/** `--interface <name>`: one this computer has (a typo must not become a skipped check and exit 0). */
export function checkInterface(
  name: string,
  t: Translate = createTranslator('en'),
  interfaces: () => string[] = () => Object.keys(os.networkInterfaces()),
): void {
  const names = interfaces();
  if (!names.includes(name)) {
    throw new UsageError(
      t('err.interface.unknown', { value: JSON.stringify(name) }),
      t('err.interface.unknown.hint', { names: names.join(', ') || '-' }),
    );
  }
}

/** `--ssid`: 1 to 32 bytes (IEEE 802.11), in `site` as in `wifi`. */
export function checkSsid(ssid: string, t: Translate = createTranslator('en')): void {
  if (ssid === '' || Buffer.byteLength(ssid, 'utf8') > 32) throw new UsageError(t('err.ssid'));
}
