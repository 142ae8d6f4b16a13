import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './main.js';

/** `zapcheck dhcp`: placeholder until the dhcp issue lands (keeps the program compiling). */
export function registerDhcp(_program: Command, _io: CliIO, _state: RunState): void {}
