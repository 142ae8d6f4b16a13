import { checkListEntries, renderCheckList, renderCheckListJson } from '../report/check-list.js';
import { widthFor } from '../report/layout.js';
import { type CliIO, writeOutput } from './io.js';
import type { SiteCommandOptions } from './site.js';
import { siteInputs } from './site-inputs.js';
import { onlySelection, plannedChecks } from './site-only.js';
import { checkOutputFile } from './validate.js';

/** `site --list-checks`: plans the run (site-only.ts) and prints the table; loads no probe or lab. */

export async function listChecks(
  name: string | undefined,
  opts: SiteCommandOptions,
  io: CliIO,
): Promise<number> {
  const inputs = await siteInputs(name, opts, io);
  if (opts.json !== undefined) checkOutputFile('--json', opts.json, io.cwd, inputs.t);
  const planned = plannedChecks(inputs, opts.lab !== undefined);
  const only = onlySelection(inputs, opts.only, planned);
  const entries = checkListEntries(only ? planned.filter((c) => only.has(c.id)) : planned);
  if (opts.json !== undefined) {
    writeOutput(
      io,
      opts.json,
      renderCheckListJson(entries, { profile: inputs.profile.id, lang: inputs.lang }),
      {
        option: '--json',
        t: inputs.t,
      },
    );
    if (opts.json === '-') return 0;
  }
  io.stdout.write(
    renderCheckList(entries, { profile: inputs.profile.id, width: widthFor(io.stdout, io.env), t: inputs.t }),
  );
  return 0;
}
