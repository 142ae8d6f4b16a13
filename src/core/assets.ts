import { readFileSync } from 'node:fs';
import { getAsset, isSea } from 'node:sea';

/**
 * A file the program ships beside its code, by its path under src/ (dist/ once built), for example
 * `schemas/report.schema.json`; `../package.json` is the package's own. Inside a standalone executable
 * (Node's single executable application) the same name is one of the embedded SEA assets, so nothing is
 * read from the disk there.
 */
export function readAsset(name: string): string {
  if (isSea()) return getAsset(name, 'utf8');
  return readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');
}
