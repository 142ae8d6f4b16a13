import { X509Certificate } from 'node:crypto';
import type { Translate } from '../i18n/index.js';
import { createTranslator } from '../i18n/index.js';
import { UsageError } from '../core/errors.js';
import { readInputFile } from '../core/input-file.js';

/** PEM certificates of a file; a clear message when it has none. */
export function readPemFile(file: string, what: string, t: Translate = createTranslator('en')): string[] {
  const text = readInputFile(file, 'pem', { t, what });
  const pems = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  for (const pem of pems) {
    try {
      new X509Certificate(pem);
    } catch {
      throw new UsageError(t('err.pem.parse', { what, file }));
    }
  }
  if (pems.length === 0) throw new UsageError(t('err.pem.none', { what, file }));
  return pems;
}
