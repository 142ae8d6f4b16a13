/** Holder for the exit code a command decides; commander's action handlers return nothing. */
export interface RunState {
  exitCode: number;
}
