import { readAsset } from '../core/assets.js';

/**
 * The package version. Its own module, free of commander and every subcommand, so the launcher's
 * `--version` fast path (bin/zapcheck.js) costs one small file on top of Node's own start-up.
 */
export function toolVersion(): string {
  const pkg = JSON.parse(readAsset('../package.json')) as {
    version: string;
  };
  return pkg.version;
}

/** `zapcheck --version` / `zapcheck -V` and nothing else: answered without loading the CLI. */
export function isVersionOnly(args: readonly string[]): boolean {
  return args.length === 1 && (args[0] === '--version' || args[0] === '-V');
}
