import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './main.js';

/** `zapcheck wifi`: placeholder until the wifi issue lands (keeps the program compiling). */
export function registerWifi(_program: Command, _io: CliIO, _state: RunState): void {}
