/**
 * `zapcheck lab | head -1`: once the reader has gone (head exits, the pager is closed), a write to stdout
 * fails with EPIPE. That is the reader's choice, not a fault: the process ends at once, quietly, with exit
 * code 0 (no "Unhandled 'error' event" and stack trace). Files being written are written atomically
 * (temp file, then rename), so ending here leaves none half-written. stderr closed early is treated alike.
 * This module imports nothing, so it costs the start-up nothing.
 */

let installed = false;

export function installPipeHandlers(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      // Any other write error on a standard stream (EIO on a vanished terminal, ENOSPC for a redirect):
      // said on the other stream, exit 2 as for a report file that cannot be written (io.ts writeOutput).
      try {
        (stream === process.stdout ? process.stderr : process.stdout).write(
          `zapcheck: cannot write output: ${err.code ?? err.message}\n`,
        );
      } finally {
        process.exit(2);
      }
    });
  }
}
