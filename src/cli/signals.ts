/**
 * SIGINT and SIGTERM from the first line of bin/zapcheck.js on (its first import and first statement;
 * this module imports nothing, so the handlers are in place before anything that takes time loads).
 *
 * - Before a command claims the signals (modules still loading, options being parsed), a signal is only
 *   recorded: `zapcheck site` then starts already interrupted and writes its report marked
 *   `interrupted`, with the signal's exit code.
 * - While `site` runs, the first signal aborts the run (the report is written as usual); a second one
 *   writes what is there at once (claim.flush, synchronous) and exits. A third exits whatever happens.
 * - Any other command, or `site` once its report is written, exits at once with the signal's code.
 *
 * Exit codes follow the shell convention 128 + signal number: 130 for SIGINT, 143 for SIGTERM.
 */

export type HandledSignal = 'SIGINT' | 'SIGTERM';

export const SIGNAL_EXIT_CODES: Readonly<Record<HandledSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

export interface SignalClaim {
  /** First signal: stop the run; the report is written the usual way. */
  abort(signal: HandledSignal): void;
  /**
   * Second signal: write what is there now, synchronously, and return true; the process exits right
   * after. False when there is nothing to write yet (the run is still starting, already aborted): the
   * report follows within moments, and a third signal exits regardless.
   */
  flush(signal: HandledSignal): boolean;
}

let first: HandledSignal | null = null;
let count = 0;
let claim: SignalClaim | null = null;
let immediate = false;

function onSignal(signal: HandledSignal): void {
  count++;
  first ??= signal;
  if (count === 1 && !immediate) {
    claim?.abort(signal);
    return;
  }
  // Still starting (no run has claimed the signals yet): it will start interrupted and write its report.
  if (!claim && !immediate && count < 3) return;
  let wrote = true;
  try {
    wrote = claim?.flush(first) ?? true;
  } finally {
    if (wrote || count >= 3) process.exit(SIGNAL_EXIT_CODES[first]);
  }
}

let installed = false;
export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
}

/** The first signal received so far, if any. */
export function receivedSignal(): HandledSignal | null {
  return first;
}

/** Exit code for an interrupted run: the first signal's, 130 when none was seen (an abort from code). */
export function interruptedExitCode(): number {
  return SIGNAL_EXIT_CODES[first ?? 'SIGINT'];
}

/**
 * A run takes the signals over. A signal already received aborts it at once. The returned function hands
 * them back; from then on a signal ends the process at once.
 */
export function claimSignals(c: SignalClaim): () => void {
  claim = c;
  if (first) c.abort(first);
  return () => {
    if (claim === c) claim = null;
    immediate = true;
  };
}

/** A command with no partial report to write: a signal (already received or to come) ends it now. */
export function exitOnSignal(): void {
  if (claim) return;
  immediate = true;
  if (first) process.exit(SIGNAL_EXIT_CODES[first]);
}

/** Tests: back to the state of a fresh process (the handlers stay installed). */
export function resetSignalsForTest(): void {
  first = null;
  count = 0;
  claim = null;
  immediate = false;
}
