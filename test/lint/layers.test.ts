import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layers of STYLE.md are enforced by `npm run lint` (eslint.config.js). This lints edited copies of a
 * real check and a real probe with the repository's own configuration, as `npm run lint` would.
 */
const root = path.resolve(import.meta.dirname, '../..');
const RULE = '@typescript-eslint/no-restricted-imports';
let eslint: ESLint;

async function layerErrors(file: string, extraImport: string): Promise<string[]> {
  const abs = path.join(root, file);
  const code = `${extraImport}\n${readFileSync(abs, 'utf8')}`;
  const [res] = await eslint.lintText(code, { filePath: abs });
  return (res?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('lint: the layers', { timeout: 120_000 }, () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  it('a check that imports src/cli fails the lint; the same check without it passes', async () => {
    expect(
      await layerErrors('src/checks/env.ts', "import { toolVersion as __x } from '../cli/version.js';"),
    ).toEqual([expect.stringContaining('Nothing outside src/cli imports it')]);
    expect(await layerErrors('src/checks/env.ts', 'const __x = 1;')).toEqual([]);
  });

  it('not even a type from src/cli (a report taking CliIO)', async () => {
    expect(
      await layerErrors('src/report/json.ts', "import type { CliIO as __x } from '../cli/io.js';"),
    ).toHaveLength(1);
  });

  it('a check may name a probe type but not load probe code', async () => {
    expect(
      await layerErrors('src/checks/tcp.ts', "import type { TlsInfo as __x } from '../probes/types.js';"),
    ).toEqual([]);
    expect(
      await layerErrors('src/checks/tcp.ts', "import { createProbes as __x } from '../probes/index.js';"),
    ).toEqual([expect.stringContaining('src/checks may not load code from this layer')]);
  });

  it('a check opens no socket and a parser runs no command itself (exec.ts is the one exception)', async () => {
    expect(await layerErrors('src/checks/tcp.ts', "import __x from 'node:net';")).toEqual([
      expect.stringContaining('does no I/O of its own'),
    ]);
    expect(
      await layerErrors('src/platform/net/linux.ts', "import { execFile as __x } from 'child_process';"),
    ).toHaveLength(1);
    expect(
      await layerErrors('src/platform/exec.ts', "import { execFile as __x } from 'node:child_process';"),
    ).toEqual([]);
  });

  it('a probe may not load check code, nor platform code a report', async () => {
    expect(
      await layerErrors('src/probes/tcp.ts', "import { tcpFamily as __x } from '../checks/tcp.js';"),
    ).toHaveLength(1);
    expect(
      await layerErrors('src/report/json.ts', "import { runTool as __x } from '../platform/exec.js';"),
    ).toHaveLength(1);
  });
});

/** madge over the built modules (test/global-setup.ts builds dist/ before the suite); its JSON and exit status. */
function madgeRun(...args: string[]): { status: number | null; json: unknown } {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/madge/bin/cli.js'), '--json', '--extensions', 'js', ...args],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return { status: r.status, json: JSON.parse(r.stdout) as unknown };
}
const madgeJson = (...args: string[]): unknown => madgeRun(...args).json;

/** `npm run cycles` as package.json says it, so the script and this test cannot drift apart. */
function cyclesScriptArgs(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [tool, ...args] = (pkg.scripts.cycles ?? '').split(/\s+/);
  expect(tool).toBe('madge');
  expect(args).toContain('--circular');
  return args;
}

describe('built modules', { timeout: 120_000 }, () => {
  it('have no import cycle (`npm run cycles`, madge --circular dist, fails the suite on a new one)', () => {
    const args = cyclesScriptArgs();
    expect(args.at(-1)).toBe('dist');
    expect(madgeRun(...args)).toEqual({ status: 0, json: [] });
  });

  it('the same command finds a cycle planted in built modules (the check above can fail)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-cycle-'));
    try {
      writeFileSync(path.join(dir, 'a.js'), "import { b } from './b.js';\nexport const a = () => b;\n");
      writeFileSync(path.join(dir, 'b.js'), "import { a } from './a.js';\nexport const b = () => a;\n");
      const args = cyclesScriptArgs().slice(0, -1);
      // A cycle is a non-zero exit too: `npm run cycles` fails CI on its own.
      expect(madgeRun(...args, dir)).toEqual({ status: 1, json: [['a.js', 'b.js']] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the checks load no Wi-Fi parser or probe: site-run.ts imports the scanner lazily, and only when it scans', () => {
    const loaded = Object.keys(madgeJson('dist/checks/index.js') as Record<string, string[]>);
    expect(loaded).toContain('wifi/index.js');
    expect(loaded.filter((f) => /platform\/|probes\//.test(f))).toEqual([]);
  });
});
