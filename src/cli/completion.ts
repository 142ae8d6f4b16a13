import type { Command, Option } from 'commander';
import { UsageError } from '../core/errors.js';
import { LAB_SCENARIOS } from '../lab/scenarios.js';
import { BUILTIN_PROFILES } from '../profile/builtin.js';
import { LANGS, type Translate } from '../i18n/index.js';
import { didYouMean } from './suggest.js';

/**
 * `zapcheck completion bash|zsh|powershell`: a completion script generated from the commander program
 * itself (commands, subcommands, options), with the values zapcheck knows: lab scenarios, built-in
 * profiles, languages, check kinds, option choices. Nothing is hand-listed twice, so a new option completes
 * as soon as it exists. The scripts run no zapcheck at completion time (fast, and nothing is executed).
 */

export const SHELLS = ['bash', 'zsh', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

/** The check kinds `--only` takes (test/cli/completion.test.ts holds them to CHECK_FAMILIES). */
export const CHECK_KINDS = ['env', 'wifi', 'dhcp', 'dns', 'ntp', 'tcp', 'tls', 'https', 'mqtt'];

export interface CompletionOption {
  /** Every spelling: ['-p', '--profile']. */
  flags: string[];
  /** Takes a value (`<x>` or `[x]`). */
  takesValue: boolean;
  /** The value is optional (`--lab [scenario]`): options may follow directly. */
  optionalValue: boolean;
  /** The values to offer; [] = a file name or free text (the shell's default completion). */
  values: string[];
}

export interface CompletionCommand {
  /** 'site', or 'profiles show' for a subcommand. */
  path: string;
  options: CompletionOption[];
  /** Subcommand names (profiles: show). */
  subcommands: string[];
  /** Values for the first argument (profiles show: the built-in ids). */
  args: string[];
}

export interface CompletionModel {
  root: CompletionCommand;
  commands: CompletionCommand[];
}

function valuesFor(option: Option): string[] {
  if (option.argChoices) return [...option.argChoices];
  switch (option.long) {
    case '--lab':
      return LAB_SCENARIOS.map((s) => s.name);
    case '--profile':
      return Object.keys(BUILTIN_PROFILES);
    case '--lang':
      return [...LANGS];
    case '--only':
      return CHECK_KINDS;
    case '--format':
      // `--format <html|md|junit|text|json>`: the formats are the placeholder's words.
      return /<([\w|-]+)>/.exec(option.flags)?.[1]?.split('|') ?? [];
    default:
      return [];
  }
}

function describe(cmd: Command, path: string, names: readonly string[]): CompletionCommand {
  const options: CompletionOption[] = cmd.options
    .filter((o) => !o.hidden)
    .map((o) => ({
      flags: [o.short, o.long].filter((f): f is string => typeof f === 'string'),
      takesValue: o.required || o.optional,
      // `<ip[:port]>` reads as both to commander: only `[x]` alone is an optional value.
      optionalValue: o.optional && !o.required,
      values: valuesFor(o),
    }));
  options.push({ flags: ['-h', '--help'], takesValue: false, optionalValue: false, values: [] });
  const argName = cmd.registeredArguments[0]?.name();
  const args =
    path === 'profiles show'
      ? Object.keys(BUILTIN_PROFILES)
      : path === 'completion'
        ? [...SHELLS]
        : path === 'help'
          ? [...names]
          : argName === 'scenario'
            ? LAB_SCENARIOS.map((s) => s.name)
            : [];
  return { path, options, subcommands: cmd.commands.map((c) => c.name()), args };
}

export function completionModel(program: Command): CompletionModel {
  const names = program.commands.map((c) => c.name());
  const commands: CompletionCommand[] = [];
  for (const cmd of program.commands) {
    commands.push(describe(cmd, cmd.name(), names));
    for (const sub of cmd.commands) commands.push(describe(sub, `${cmd.name()} ${sub.name()}`, names));
  }
  commands.push({ path: 'help', options: [], subcommands: [], args: names });
  const root = describe(program, '', names);
  root.subcommands = [...names, 'help'];
  return { root, commands };
}

/** Single-quoted for POSIX shells: nothing inside is expanded. */
const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const words = (list: readonly string[]): string => sq(list.join(' '));
const allFlags = (c: CompletionCommand): string[] => c.options.flatMap((o) => o.flags);

/** The case arms that complete an option's value, for bash and zsh alike. */
function valueArms(c: CompletionCommand, offer: (values: string[], optional: boolean) => string): string[] {
  return c.options
    .filter((o) => o.takesValue)
    .map((o) => `      ${o.flags.join('|')}) ${offer(o.values, o.optionalValue)} ;;`);
}

export function bashScript(model: CompletionModel): string {
  const arm = (c: CompletionCommand): string => {
    const offer = (values: string[], optional: boolean): string =>
      values.length
        ? `COMPREPLY=($(compgen -W ${words(optional ? [...values, ...allFlags(c)] : values)} -- "$cur")); return`
        : optional
          ? ''
          : 'return';
    const lines = [
      `    ${sq(c.path)})`,
      '      case "$prev" in',
      ...valueArms(c, offer).filter((l) => !l.endsWith(')  ;;')),
      '      esac',
      '      if [[ "$cur" == -* ]]; then',
      `        COMPREPLY=($(compgen -W ${words(allFlags(c))} -- "$cur"))`,
      '      else',
      `        COMPREPLY=($(compgen -W ${words([...c.subcommands, ...c.args])} -- "$cur"))`,
      '      fi',
      '      ;;',
    ];
    return lines.join('\n');
  };
  return `# zapcheck completion for bash (generated by: zapcheck completion bash)
# Load it now:      source <(zapcheck completion bash)
# For every shell:  zapcheck completion bash > ~/.local/share/bash-completion/completions/zapcheck
_zapcheck() {
  local cur prev cmdpath="" i w skip=""
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  # The command path so far ("site", "profiles show"): the words that are not options or option values.
${commandPathWalk(model, 'for ((i = 1; i < COMP_CWORD; i++)); do', 'COMP_WORDS')}  case "$cmdpath" in
    '')
      case "$prev" in
${valueArms(model.root, (values) => (values.length ? `COMPREPLY=($(compgen -W ${words(values)} -- "$cur")); return` : 'return')).join('\n')}
      esac
      if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W ${words(allFlags(model.root))} -- "$cur"))
      else
        COMPREPLY=($(compgen -W ${words(model.root.subcommands)} -- "$cur"))
      fi
      ;;
${model.commands.map(arm).join('\n')}
  esac
}
complete -o default -F _zapcheck zapcheck
`;
}

/**
 * The shell loop both bash and zsh run over the words typed so far, building the command path ("site",
 * "profiles show") from the words that are neither options nor option values; the shells differ only in
 * where the words are and where they start.
 */
function commandPathWalk(model: CompletionModel, loop: string, array: string): string {
  const valueTaking = model.root.options.filter((o) => o.takesValue).flatMap((o) => o.flags);
  return `  ${loop}
    w="\${${array}[i]}"
    if [[ -n "$skip" ]]; then skip=""; continue; fi
    case "$w" in
      ${valueTaking.length ? `${valueTaking.join('|')}) skip=1 ;;` : ''}
      -*) ;;
      *)
        case "$cmdpath" in
          "") cmdpath="$w" ;;
          ${model.commands
            .filter((c) => c.subcommands.length)
            .map((c) => `${sq(c.path)}) cmdpath="$cmdpath $w" ;;`)
            .join('\n          ')}
        esac
        ;;
    esac
  done
`;
}

/** zsh: the same walk as bash, with compadd (and _files where a file name or free text goes). */
export function zshScript(model: CompletionModel): string {
  const add = (list: readonly string[]): string => `compadd -- ${list.map(sq).join(' ')}`;
  const block = (c: CompletionCommand, label: string): string => {
    const offer = (values: string[], optional: boolean): string =>
      values.length ? `${add(optional ? [...values, ...allFlags(c)] : values)}; return` : '_files; return';
    return [
      `    ${label})`,
      '      case "$prev" in',
      ...valueArms(c, offer),
      '      esac',
      '      if [[ "$cur" == -* ]]; then',
      `        ${add(allFlags(c))}`,
      '      else',
      `        ${c.subcommands.length || c.args.length ? add([...c.subcommands, ...c.args]) : '_files'}`,
      '      fi',
      '      ;;',
    ].join('\n');
  };
  return `#compdef zapcheck
# zapcheck completion for zsh (generated by: zapcheck completion zsh)
# Load it now:      source <(zapcheck completion zsh)
# For every shell:  zapcheck completion zsh > "\${fpath[1]}/_zapcheck"
_zapcheck() {
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}" cmdpath="" w skip="" i
${commandPathWalk(model, 'for ((i = 2; i < CURRENT; i++)); do', 'words')}  case "$cmdpath" in
${block(model.root, "''")}
${model.commands.map((c) => block(c, sq(c.path))).join('\n')}
  esac
}
if [[ "\${funcstack[1]}" == "_zapcheck" ]]; then
  _zapcheck "$@"
else
  compdef _zapcheck zapcheck
fi
`;
}

/** PowerShell: single-quoted strings ('' inside), nothing expanded. */
const ps = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const psList = (list: readonly string[]): string => `@(${list.map(ps).join(', ')})`;

/** PowerShell (5.1 and 7): Register-ArgumentCompleter -Native over tables of the same model. */
export function powershellScript(model: CompletionModel): string {
  const all = [model.root, ...model.commands];
  const table = (entries: [string, readonly string[]][]): string =>
    `@{\n${entries.map(([k, v]) => `    ${ps(k)} = ${psList(v)}`).join('\n')}\n  }`;
  const options = table(all.map((c) => [c.path, allFlags(c)]));
  const next = table(all.map((c) => [c.path, [...c.subcommands, ...c.args]]));
  const values = table(
    all.flatMap((c) =>
      c.options
        .filter((o) => o.takesValue)
        .flatMap((o) =>
          o.flags.map((f): [string, string[]] => [
            `${c.path}|${f}`,
            o.optionalValue ? [...o.values, ...allFlags(c)] : o.values,
          ]),
        ),
    ),
  );
  const nested = psList(model.commands.filter((c) => c.subcommands.length).map((c) => c.path));
  const rootValue = psList(model.root.options.filter((o) => o.takesValue).flatMap((o) => o.flags));
  return `# zapcheck completion for PowerShell (generated by: zapcheck completion powershell)
# Load it now:      zapcheck completion powershell | Out-String | Invoke-Expression
# For every shell:  add that line to $PROFILE
Register-ArgumentCompleter -Native -CommandName 'zapcheck', 'zapcheck.exe' -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $options = ${options}
  $next = ${next}
  $values = ${values}
  $nested = ${nested}
  $rootValue = ${rootValue}
  # The words before the one being completed (the command name left out).
  $before = @($commandAst.CommandElements | Select-Object -Skip 1 |
    Where-Object { $_.Extent.EndOffset -lt $cursorPosition } | ForEach-Object { $_.ToString() })
  $path = ''
  $skip = $false
  foreach ($w in $before) {
    if ($skip) { $skip = $false; continue }
    if ($rootValue -contains $w) { $skip = $true; continue }
    if ($w.StartsWith('-')) { continue }
    if ($path -eq '') { $path = $w } elseif ($nested -contains $path) { $path = "$path $w" }
  }
  $prev = if ($before.Count -gt 0) { $before[-1] } else { '' }
  $key = "$path|$prev"
  if ($values.ContainsKey($key)) {
    $candidates = $values[$key]
    # A file name or free text: leave it to PowerShell's own completion.
    if ($candidates.Count -eq 0) { return }
  } elseif ($wordToComplete.StartsWith('-')) {
    $candidates = $options[$path]
  } else {
    $candidates = $next[$path]
  }
  $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;
}

export function completionScript(shell: string, program: Command, t: Translate): string {
  const model = completionModel(program);
  if (shell === 'bash') return bashScript(model);
  if (shell === 'zsh') return zshScript(model);
  if (shell === 'powershell' || shell === 'pwsh') return powershellScript(model);
  throw new UsageError(
    t('err.completion.shell', { shell }),
    didYouMean(t, shell, SHELLS) ?? t('err.completion.hint', { shells: SHELLS.join(', ') }),
  );
}
