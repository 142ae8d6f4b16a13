import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Translate } from '../i18n/index.js';
import { runTool } from '../platform/exec.js';
import { createWifiScanProbe } from '../probes/wifi-scan.js';

/** One scan: of the saved file when given, else of this computer's Wi-Fi (survey and wifi --watch). */
export function scanOnce(file: string | undefined, timeoutMs: number) {
  return createWifiScanProbe({
    platform: process.platform,
    runTool,
    ...(file !== undefined ? { scanFile: file } : {}),
  })({ timeoutMs });
}

/**
 * The saved scans to replay, in order: each --scan-file as given; a folder stands for the files in it,
 * by name (so 01-bay1.txt, 02-bay2.txt replay in that order; hidden files are left out).
 */
export function expandScanFiles(given: readonly string[], cwd: string, t: Translate): string[] {
  const out: string[] = [];
  for (const g of given) {
    const abs = path.resolve(cwd, g);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new UsageError(t('err.scanfile.read', { file: g }));
    }
    if (st.isDirectory()) {
      const names = readdirSync(abs)
        .filter((n) => !n.startsWith('.'))
        .sort()
        .map((n) => path.join(abs, n))
        .filter((f) => statSync(f).isFile());
      if (!names.length) throw new UsageError(t('err.scanfile.empty', { file: g }));
      out.push(...names);
    } else if (st.isFile()) out.push(abs);
    else throw new UsageError(t('err.scanfile.read', { file: g }));
  }
  return out;
}
