import { UsageError } from '../core/errors.js';
import { stringifyJson } from '../core/escape.js';
import type { Translate } from '../i18n/index.js';
import { DEFAULT_PROFILE_ID } from '../profile/builtin.js';
import { loadProfile } from '../profile/load.js';
import { escapeForTerminal } from '../report/escape.js';
import { checkSitesFile, type SitesProblem } from '../sites/check.js';
import { readSitesFile } from '../sites/load.js';
import { DEFAULT_SITES_FILE, type SiteEntry, type SitesFile } from '../sites/types.js';
import type { CliIO } from './io.js';
import { resolveLang } from './run-options.js';

/**
 * `zapcheck sites --check` and the same check before a `zapcheck site` run: the sites file's problems a
 * schema cannot see (src/sites/check.ts), each as file:line. Exit 2 when there is any: the file is input,
 * and a bad input is exit 2 (as a sites file that does not parse); 0 when clean.
 */

const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase().trim();

function problemsOf(file: SitesFile, t: Translate): SitesProblem[] {
  return checkSitesFile(file, t, (ref) => loadProfile(ref, t), DEFAULT_PROFILE_ID);
}

export function runSitesCheck(opts: { sites?: string; format?: string; lang?: string }, io: CliIO): number {
  const { t } = resolveLang(opts.lang, io.env);
  const shown = opts.sites ?? DEFAULT_SITES_FILE;
  const file = readSitesFile(io.cwd, opts.sites, t);
  if (!file) throw new UsageError(t('sites.check.nofile', { file: shown }));
  const problems = problemsOf(file, t);
  if (opts.format === 'json') {
    io.stdout.write(
      `${stringifyJson({
        sitesFile: file.path,
        sites: file.sites.length,
        problems: problems.map((p) => ({ ...p, file: shown })),
      })}\n`,
    );
    return problems.length ? 2 : 0;
  }
  const lines = problems.map((p) =>
    escapeForTerminal(t('sites.problem', { file: shown, line: p.line, message: p.message })),
  );
  lines.push(
    problems.length
      ? t('sites.check.problems', {
          file: shown,
          n: problems.length,
          sites: new Set(problems.map((p) => p.site)).size,
        })
      : t('sites.check.ok', { file: shown, n: file.sites.length }),
  );
  io.stdout.write(`${lines.join('\n')}\n`);
  return problems.length ? 2 : 0;
}

/**
 * Before a `zapcheck site` run that uses the sites file: the run's own site's problems as warnings on
 * stderr (its profile failing to load is an error, exit 2, with the file and line), the other sites'
 * problems as one line pointing to `zapcheck sites --check`.
 */
export function checkSitesBeforeRun(
  file: SitesFile,
  entry: SiteEntry | null,
  opts: { sites?: string; profileFromCli?: boolean },
  t: Translate,
  io: CliIO,
): void {
  const shown = opts.sites ?? DEFAULT_SITES_FILE;
  const problems = problemsOf(file, t);
  const mine = entry ? problems.filter((p) => fold(p.site) === fold(entry.name)) : [];
  const own = mine.find((p) => p.code === 'PROFILE' && p.site === entry?.name);
  if (own && !opts.profileFromCli) {
    throw new UsageError(t('sites.problem', { file: shown, line: own.line, message: own.message }));
  }
  for (const p of mine) {
    io.stderr.write(
      `${escapeForTerminal(t('sites.problem.warning', { file: shown, line: p.line, message: p.message }))}\n`,
    );
  }
  const others = problems.length - mine.length;
  if (others > 0) io.stderr.write(`${t('sites.others', { file: shown, n: others })}\n`);
}
