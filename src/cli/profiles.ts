import type { Command } from 'commander';
import type { CliIO } from './io.js';
import type { RunState } from './state.js';
import { isMessageKey, type Translate } from '../i18n/index.js';
import { en } from '../i18n/en.js';
import { stringifyJson } from '../core/escape.js';

function trustText(t: unknown): string {
  if (typeof t === 'string') return t;
  const o = t as { pem?: string; issuer?: string };
  return o.pem ? `pem ${o.pem}` : `issuer "${o.issuer ?? ''}"`;
}

/**
 * A built-in profile's description in the user's language (the catalogue's `profile.<id>.description`,
 * whose English is the profile's own text); a profile file's description as its author wrote it.
 */
function profileDescription(p: { id: string; description: string }, t: Translate): string {
  const key = `profile.${p.id}.description`;
  return isMessageKey(key) && en[key] === p.description ? t(key) : p.description;
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
        const { UsageError } = await import('../core/errors.js');
        const { didYouMean } = await import('./suggest.js');
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
      const rows = list.map((p) => {
        const about = profileDescription(p, t);
        return [p.id, about.startsWith(p.name) ? about : `${p.name}: ${about}`];
      });
      io.stdout.write(
        `${table(rows, [{}, { flex: true, min: 20 }], widthFor(io.stdout, io.env)).join('\n')}\n`,
      );
      io.stdout.write(`\n${t('profiles.footer')}\n`);
    });
  profiles
    .command('show')
    .description(t('help.profiles.show.description'))
    .argument('<id|path>', t('help.profiles.show.arg.idpath'))
    .option('--json', t('help.profiles.show.opt.json'))
    .action(async (ref: string, opts: { json?: boolean }) => {
      const { loadProfile } = await import('../profile/load.js');
      const { stringify: toYaml } = await import('yaml');
      const p = loadProfile(ref, t);
      if (opts.json) {
        io.stdout.write(`${stringifyJson(p)}\n`);
        return;
      }
      const description = profileDescription(p, t);
      const about = description.startsWith(p.name)
        ? description.slice(p.name.length).replace(/^[:\s—-]+/, '')
        : description;
      io.stdout.write(`# ${p.name} (${p.id}) — ${about}\n`);
      io.stdout.write(`# ${t('profiles.show.endpoints')}\n`);
      for (const e of p.endpoints) {
        io.stdout.write(
          // NTP is plain UDP: no certificate, so no trust or TLS versions to show.
          `#   ${e.protocol.padEnd(5)} ${e.host}:${e.port}${e.protocol === 'ntp' ? '' : `  trust ${trustText(e.trust)}`}${e.required ? '' : ` ${t('profiles.show.optional')}`}\n`,
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
