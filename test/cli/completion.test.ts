import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CHECK_KINDS } from '../../src/cli/completion.js';
import { CHECK_FAMILIES } from '../../src/checks/index.js';
import { LAB_SCENARIOS } from '../../src/lab/scenarios.js';

/** `zapcheck completion bash|zsh|powershell`: scripts generated from the commander program, tried in the shell. */

const dir = mkdtempSync(path.join(tmpdir(), 'zapcheck-completion-'));
let bashFile = '';
let zsh = '';
let powershell = '';
beforeAll(async () => {
  const [b, z, p] = await Promise.all(['bash', 'zsh', 'powershell'].map((s) => runCli(['completion', s])));
  for (const r of [b, z, p]) expect(r!.code).toBe(0);
  bashFile = path.join(dir, 'zapcheck.bash');
  writeFileSync(bashFile, b!.stdout);
  zsh = z!.stdout;
  powershell = p!.stdout;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What bash offers for the command line `words` (the last one is being completed). */
function bashComplete(words: string[]): string[] {
  const script = [
    'source "$0"',
    'COMP_WORDS=("${@}")',
    'COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))',
    '_zapcheck',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const out = execFileSync('bash', ['-c', script, bashFile, ...words], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

describe('bash', () => {
  it('is registered for zapcheck and is valid bash', () => {
    const out = execFileSync('bash', ['-c', 'source "$0" && complete -p zapcheck', bashFile], {
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('complete -o default -F _zapcheck zapcheck');
  });

  it('completes commands, subcommands and options', () => {
    expect(bashComplete(['zapcheck', 'si'])).toEqual(['site', 'sites']);
    expect(bashComplete(['zapcheck', 'completion', 'p'])).toEqual(['powershell']);
    expect(bashComplete(['zapcheck', 'profiles', 's'])).toEqual(['show']);
    expect(bashComplete(['zapcheck', 'site', '--li'])).toEqual(['--list-checks']);
    expect(bashComplete(['zapcheck', 'site', '--json', 'x.json', '--qu'])).toEqual(['--quiet']);
    // A value given before the command (`--lang it`) is not taken for the command.
    expect(bashComplete(['zapcheck', '--lang', 'it', 'site', '--verb'])).toEqual(['--verbose']);
  });

  it('completes lab scenarios, profiles, languages, kinds and formats', () => {
    expect(bashComplete(['zapcheck', 'site', '--lab', ''])).toEqual(
      expect.arrayContaining(LAB_SCENARIOS.map((s) => s.name)),
    );
    expect(bashComplete(['zapcheck', 'site', '--lab', 'tls-ex'])).toEqual([
      'tls-expired',
      'tls-expired-intermediate',
    ]);
    // --lab's scenario is optional: an option may follow.
    expect(bashComplete(['zapcheck', 'site', '--lab', '--pro'])).toEqual(['--profile']);
    expect(bashComplete(['zapcheck', 'site', '-p', ''])).toEqual(['zaptec-pro', 'zaptec-go']);
    expect(bashComplete(['zapcheck', 'profiles', 'show', 'zaptec-g'])).toEqual(['zaptec-go']);
    expect(bashComplete(['zapcheck', 'site', '--lang', ''])).toEqual(['en', 'it']);
    expect(bashComplete(['zapcheck', 'site', '--only', 'd'])).toEqual(['dhcp', 'dns']);
    expect(bashComplete(['zapcheck', 'report', '--format', 'j'])).toEqual(['junit', 'json']);
  });

  it('leaves file names to bash (-o default) where a file goes', () => {
    expect(bashComplete(['zapcheck', 'site', '--json', ''])).toEqual([]);
  });

  it('the kinds --only completes are the check families', () => {
    expect(CHECK_KINDS).toEqual(CHECK_FAMILIES.map((f) => f.kind));
  });
});

const hasZsh = spawnSync('zsh', ['--version']).status === 0;
if (!hasZsh) {
  // The suite's pattern for a missing tool (pdf.test.ts, interop): a loud skip, never a silent pass.
  process.stderr.write(
    '\n!!! test/cli/completion.test.ts: zsh -n SKIPPED, missing Debian package: zsh (.ci/run installs it)\n\n',
  );
}

describe('zsh', () => {
  it.runIf(hasZsh)('passes zsh -n', () => {
    const file = path.join(dir, '_zapcheck');
    writeFileSync(file, zsh);
    expect(spawnSync('zsh', ['-n', file]).status).toBe(0);
  });

  it('is a #compdef function with an arm per command and the same values', () => {
    expect(zsh.startsWith('#compdef zapcheck\n')).toBe(true);
    expect(zsh).toContain('compdef _zapcheck zapcheck');
    for (const c of ['site', 'profiles', 'profiles show', 'report', 'completion', 'help']) {
      expect(zsh).toContain(`\n    '${c}')\n`);
    }
    expect(zsh).toContain("--lab) compadd -- 'healthy'");
    expect(zsh).toContain("-p|--profile) compadd -- 'zaptec-pro' 'zaptec-go'; return ;;");
    expect(zsh).toContain('--json) _files; return ;;');
    // `path` is zsh's $PATH array: the script must not take it as a variable name.
    expect(zsh).not.toMatch(/\blocal[^\n]*\bpath=/);
  });
});

describe('PowerShell', () => {
  it('registers a native completer over tables of every command and option', () => {
    expect(powershell).toContain(
      "Register-ArgumentCompleter -Native -CommandName 'zapcheck', 'zapcheck.exe'",
    );
    expect(powershell).toMatch(/'site' = @\('--lab', '--lab-latency', '-p', '--profile'/);
    expect(powershell).toMatch(/'site\|--lab' = @\('healthy', /);
    expect(powershell).toContain("'profiles show' = @('zaptec-pro', 'zaptec-go')");
    expect(powershell).toContain("'completion' = @('bash', 'zsh', 'powershell')");
    expect(powershell).toContain('[System.Management.Automation.CompletionResult]::new(');
  });

  it('is balanced: braces and parentheses outside strings, every string closed', () => {
    // Strip single-quoted strings ('' is a quote inside) and double-quoted ones, then count.
    const code = powershell
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n')
      .replace(/'(?:[^']|'')*'/g, 'S')
      .replace(/"[^"\n]*"/g, 'S');
    // A quote left over is a string that was never closed.
    expect(code).not.toMatch(/['"]/);
    const count = (ch: string): number => code.split(ch).length - 1;
    expect(count('{')).toBe(count('}'));
    expect(count('(')).toBe(count(')'));
  });
});

describe('an unknown shell', () => {
  it('is exit 2 with the shells (and the one meant)', async () => {
    const run = await runCli(['completion', 'fish']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no completion for the shell "fish"');
    expect(run.stderr).toContain('shells: bash, zsh, powershell');
    const close = await runCli(['completion', 'zhs'], { env: { LANG: 'it_IT.UTF-8' } });
    expect(close.code).toBe(2);
    expect(close.stderr).toContain('forse intendevi zsh?');
  });
});
