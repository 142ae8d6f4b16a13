import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';

/** `zapcheck lab --list`: the built-in simulated faults. */
export function registerLab(program: Command, io: CliIO, _state: RunState): void {
  program
    .command('lab')
    .description(
      'the built-in simulated site: list its fault scenarios (run one with: zapcheck site --lab <scenario>)',
    )
    .option('--list', 'list the scenarios (default)')
    .option('--json', 'as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { LAB_SCENARIOS } = await import('../lab/index.js');
      if (opts.json) {
        const rows = LAB_SCENARIOS.map((s) => ({ name: s.name, network: s.network, verdict: s.verdict }));
        io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const width = Math.max(...LAB_SCENARIOS.map((s) => s.name.length));
      for (const s of LAB_SCENARIOS)
        io.stdout.write(`${s.name.padEnd(width)}  ${s.network}\n${''.padEnd(width)}  -> ${s.verdict}\n`);
      io.stdout.write('\nRun one: zapcheck site --lab <scenario>\n');
    });
}
