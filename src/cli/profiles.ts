import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './main.js';

export function registerProfiles(_program: Command, _io: CliIO, _state: RunState): void {}
