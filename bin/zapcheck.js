#!/usr/bin/env node
// Tiny launcher: everything lives in the built CLI.
import { main } from '../dist/cli/main.js';

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
