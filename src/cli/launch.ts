import { installSignalHandlers } from './signals.js';
import { installPipeHandlers } from './pipes.js';
import { isVersionOnly, toolVersion } from './version.js';

/**
 * What `zapcheck` does when started, for the npm launcher (bin/zapcheck.js) and the standalone
 * executables alike. `--version` alone is answered from a small module without loading commander and
 * the subcommands, so it starts about as fast as Node itself.
 */
export function launch(argv: readonly string[]): void {
  // Already done by bin/zapcheck.js's first line; the standalone executables start here.
  installSignalHandlers();
  // A reader that went away early (`zapcheck lab | head -1`) ends the run quietly with exit 0.
  installPipeHandlers();
  if (isVersionOnly(argv.slice(2))) {
    process.stdout.write(`${toolVersion()}\n`);
    return;
  }
  import('./main.js')
    .then(({ main }) => main([...argv]))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (err: unknown) => {
        // main() catches everything it knows; this is the last line of defence.
        process.stderr.write(
          `zapcheck: internal error: ${err instanceof Error ? err.message : String(err)}\n`,
        );
        process.exitCode = 3;
      },
    );
}
