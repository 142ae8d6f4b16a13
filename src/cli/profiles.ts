import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';

function trustText(t: unknown): string {
  if (typeof t === 'string') return t;
  const o = t as { pem?: string; issuer?: string };
  return o.pem ? `pem ${o.pem}` : `issuer "${o.issuer ?? ''}"`;
}

/** `zapcheck profiles` and `zapcheck profiles show <id|path>`. */
export function registerProfiles(program: Command, io: CliIO, _state: RunState): void {
  const profiles = program
    .command('profiles')
    .description('list the built-in charger profiles')
    .option('--json', 'as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { builtinProfileIds, loadProfile } = await import('../profile/load.js');
      const list = builtinProfileIds().map((id) => loadProfile(id));
      if (opts.json) {
        io.stdout.write(
          `${JSON.stringify(
            list.map((p) => ({ id: p.id, name: p.name, description: p.description })),
            null,
            2,
          )}\n`,
        );
        return;
      }
      for (const p of list) io.stdout.write(`${p.id.padEnd(12)} ${p.name}: ${p.description}\n`);
      io.stdout.write(
        '\nzapcheck profiles show <id> prints one; --profile <file.json|file.yaml> uses your own.\n',
      );
    });
  profiles
    .command('show')
    .description('print one profile (built-in id or file), as YAML or --json')
    .argument('<id|path>', 'profile id or file')
    .option('--json', 'as JSON')
    .action(async (ref: string, opts: { json?: boolean }) => {
      const { loadProfile } = await import('../profile/load.js');
      const { stringify: toYaml } = await import('yaml');
      const p = loadProfile(ref);
      if (opts.json) {
        io.stdout.write(`${JSON.stringify(p, null, 2)}\n`);
        return;
      }
      io.stdout.write(`# ${p.name} (${p.id}) — ${p.description}\n`);
      io.stdout.write('# Outbound endpoints:\n');
      for (const e of p.endpoints) {
        io.stdout.write(
          `#   ${e.protocol.padEnd(5)} ${e.host}:${e.port}  trust ${trustText(e.trust)}${e.required ? '' : ' (optional)'}\n`,
        );
      }
      io.stdout.write(toYaml(p));
    });
}
