import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { createTranslator, type Translate } from '../i18n/index.js';
import { readInputFile } from '../core/input-file.js';
import { detectScanFormat } from '../platform/wifi/detect.js';

// Apart from ./validate.ts: the scan-format detector loads every Wi-Fi parser (and string-width), which a
// site run without --scan-file does not need before its first packet.

/**
 * `--scan-file`: a readable text file within the scan limit holding a scan format zapcheck knows; returns
 * its absolute path. An empty file, a folder, an ARP listing or a device is exit 2 in `site` as in `wifi`.
 */
export function checkScanFile(file: string, cwd: string, t: Translate = createTranslator('en')): string {
  const abs = path.resolve(cwd, file);
  const text = readInputFile(abs, 'scan', { t, shown: file });
  if (detectScanFormat(text) === 'unknown') {
    throw new UsageError(
      t('err.scanfile.bad', { message: t('wifiscan.file.unknown', { file }) }),
      t('err.scanfile.bad.hint'),
    );
  }
  return abs;
}
