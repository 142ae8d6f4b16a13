import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './main.js';

/** `zapcheck report`: placeholder until the reports issue lands (keeps the program compiling). */
export function registerReport(_program: Command, _io: CliIO, _state: RunState): void {}
