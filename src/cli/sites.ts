import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './main.js';

/** `zapcheck sites`: placeholder until the reports issue lands (keeps the program compiling). */
export function registerSites(_program: Command, _io: CliIO, _state: RunState): void {}
