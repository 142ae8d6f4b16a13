import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';
import type { Lang, Translate } from '../i18n/index.js';
import { stringifyJson } from '../core/escape.js';

/** `zapcheck lab --list`: the built-in simulated faults. */
export function registerLab(
  program: Command,
  io: CliIO,
  _state: RunState,
  t: Translate,
  lang: Lang = 'en',
): void {
  program
    .command('lab')
    .description(t('cli.cmd.lab'))
    .option('--list', t('help.lab.opt.list'))
    .option('--json', t('help.lab.opt.json'))
    .action(async (opts: { json?: boolean }) => {
      const { LAB_SCENARIOS } = await import('../lab/scenarios.js');
      if (opts.json) {
        const rows = LAB_SCENARIOS.map((s) => ({ name: s.name, network: s.network, verdict: s.verdict }));
        io.stdout.write(`${stringifyJson(rows)}\n`);
        return;
      }
      // The table in the user's language; --json stays English (stable for scripts).
      const words =
        lang === 'it' ? (await import('../i18n/lab-it.js')).LAB_WORDS_IT : ({} as Record<string, undefined>);
      const said = LAB_SCENARIOS.map((s) => ({ ...s, ...words[s.name] }));
      const { tableRows, widthFor } = await import('../report/layout.js');
      const nameWidth = Math.max(...LAB_SCENARIOS.map((s) => s.name.length));
      const lines = tableRows(
        said.map((s) => [s.name, s.network]),
        [{}, { flex: true, min: 20 }],
        widthFor(io.stdout, io.env),
      );
      const verdicts = tableRows(
        said.map((s) => ['', `-> ${s.verdict}`]),
        [{ min: nameWidth }, { flex: true, min: 20 }],
        widthFor(io.stdout, io.env),
      );
      lines.forEach((l, i) => io.stdout.write(`${[...l, ...(verdicts[i] ?? [])].join('\n')}\n`));
      io.stdout.write(`\n${t('lab.list.runone')}\n`);
    });
}
