import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';
import type { Translate } from '../i18n/index.js';
import { stringifyJson } from '../core/escape.js';

function trustText(t: unknown): string {
  if (typeof t === 'string') return t;
  const o = t as { pem?: string; issuer?: string };
  return o.pem ? `pem ${o.pem}` : `issuer "${o.issuer ?? ''}"`;
}

/** `zapcheck profiles` and `zapcheck profiles show <id|path>`. */
export function registerProfiles(program: Command, io: CliIO, _state: RunState, t: Translate): void {
  const profiles = program
    .command('profiles')
    .description(t('cli.cmd.profiles'))
    .option('--json', t('help.profiles.opt.json'))
    // The argument only catches a mistyped subcommand (`profiles shw`): usage shows [command] once.
    .argument('[command]')
    .usage('[options] [command]')
    .action(async (typed: string | undefined, opts: { json?: boolean }) => {
      if (typed !== undefined) {
        // `profiles shw`: a mistyped subcommand, said with a suggestion (exit 2).
        const { createTranslator, pickLang } = await import('../i18n/index.js');
        const { UsageError } = await import('../core/errors.js');
        const { didYouMean } = await import('./suggest.js');
        const t = createTranslator(pickLang(undefined, io.env));
        throw new UsageError(
          t('err.help.unknown', { name: `profiles ${typed}` }),
          didYouMean(t, typed, ['show']) ?? t('err.help.unknown.hint', { names: 'show' }),
        );
      }
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
      // A description that already starts with the name ("Zaptec Go: ...") is not prefixed twice.
      const { table, widthFor } = await import('../report/layout.js');
      const rows = list.map((p) => [
        p.id,
        p.description.startsWith(p.name) ? p.description : `${p.name}: ${p.description}`,
      ]);
      io.stdout.write(
        `${table(rows, [{}, { flex: true, min: 20 }], widthFor(io.stdout, io.env)).join('\n')}\n`,
      );
      io.stdout.write(
        '\nzapcheck profiles show <id> prints one; --profile <file.json|file.yaml> uses your own.\n',
      );
    });
  profiles
    .command('show')
    .description(t('help.profiles.show.description'))
    .argument('<id|path>', t('help.profiles.show.arg.idpath'))
    .option('--json', t('help.profiles.show.opt.json'))
    .action(async (ref: string, opts: { json?: boolean }) => {
      const { loadProfile } = await import('../profile/load.js');
      const { stringify: toYaml } = await import('yaml');
      const p = loadProfile(ref);
      if (opts.json) {
        io.stdout.write(`${stringifyJson(p)}\n`);
        return;
      }
      const about = p.description.startsWith(p.name)
        ? p.description.slice(p.name.length).replace(/^[:\s—-]+/, '')
        : p.description;
      io.stdout.write(`# ${p.name} (${p.id}) — ${about}\n`);
      io.stdout.write('# Outbound endpoints:\n');
      for (const e of p.endpoints) {
        io.stdout.write(
          // NTP is plain UDP: no certificate, so no trust or TLS versions to show.
          `#   ${e.protocol.padEnd(5)} ${e.host}:${e.port}${e.protocol === 'ntp' ? '' : `  trust ${trustText(e.trust)}`}${e.required ? '' : ' (optional)'}\n`,
        );
      }
      // The loader fills trust and TLS versions on every endpoint; NTP uses neither, so they are not shown.
      const shown = {
        ...p,
        endpoints: p.endpoints.map((e) => {
          if (e.protocol !== 'ntp') return e;
          const { trust: _trust, tlsVersions: _tls, ...rest } = e;
          return rest;
        }),
      };
      io.stdout.write(toYaml(shown));
    });
}
