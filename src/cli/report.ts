import { type Command, Option } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';
import { CHARGERS_MAX, parseNonNegativeInt } from './options.js';

/** `zapcheck report <file...> | last [site]`: renders saved JSON reports as html, md, junit, text. */
export function registerReport(program: Command, io: CliIO, state: RunState): void {
  program
    .command('report')
    .description(
      'render JSON reports as a printable handover (html), Markdown, JUnit XML or text; or diff two',
    )
    .argument('<reports...>', 'JSON report files, or: last ["site name"] for the latest saved run')
    .option(
      '-f, --format <html|pdf|md|junit|text|json>',
      'output format (default: from the -o extension, else text); pdf needs Chrome, Chromium or Edge',
    )
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
    .option('--diff', 'compare two reports (old, then new): fixed, regressed, unchanged')
    .option(
      '--installer <name>',
      '"<name>, <company>" for the signature lines (default: the report’s, else the sites file’s)',
    )
    .option('--lang <en|it>', 'language of the report (default: from LANG)')
    .option('--sites <file>', 'the sites file for address, chargers, metered uplink (default: zapcheck.yaml)')
    .option('--reports-dir <dir>', 'where runs are kept, for "last" (default: the user data folder)')
    .option('-p, --profile <id|path>', 'charger profile for the allow-list (default: the report’s)')
    .addOption(
      new Option('--chargers <n>', 'chargers planned, for the data budget').argParser(
        parseNonNegativeInt('--chargers', CHARGERS_MAX),
      ),
    )
    .addHelpText(
      'after',
      `
Examples:
  zapcheck report last "Garage Nord" --format html -o garage.html   printable one-page handover
  zapcheck report last "Garage Nord" -o garage.pdf                  the same as PDF (headless Chromium)
  zapcheck report report.json --format junit -o zapcheck.xml         for CI
  zapcheck report old.json new.json --diff                           what a change fixed or broke

With --diff the exit code is 1 when a check regressed (it passed or warned before and now fails, errs,
or can no longer be tested), else 0.

Everything follows --lang, whatever language the run was in (reports of zapcheck 0.1.0 keep their
check summaries in the language of the run).`,
    )
    .action(async (reports: string[], opts: Record<string, unknown>) => {
      const { runReportCommand } = await import('./reports-run.js');
      state.exitCode = await runReportCommand(reports, opts, io);
    });
}
