#!/usr/bin/env node
// Tiny launcher: everything lives in the built CLI. `--version` alone is answered from a small module
// without loading commander and the subcommands, so it starts about as fast as Node itself.
import { isVersionOnly, toolVersion } from '../dist/cli/version.js';

if (isVersionOnly(process.argv.slice(2))) {
  process.stdout.write(`${toolVersion()}\n`);
} else {
  const { main } = await import('../dist/cli/main.js');
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      // main() catches everything it knows; this is the last line of defence.
      process.stderr.write(`zapcheck: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 3;
    },
  );
}
