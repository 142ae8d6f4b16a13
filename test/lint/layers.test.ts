import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** madge over the built modules (test/global-setup.ts builds dist/ before the suite). */
function madgeJson(...args: string[]): unknown {
  const out = execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/madge/bin/cli.js'), '--json', '--extensions', 'js', ...args],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(out) as unknown;
}

describe('built modules', { timeout: 120_000 }, () => {
  it('have no import cycle (madge --circular dist)', () => {
    expect(madgeJson('--circular', 'dist')).toEqual([]);
  });

  it('the checks load no Wi-Fi parser or probe: site-run.ts imports the scanner lazily, and only when it scans', () => {
    const loaded = Object.keys(madgeJson('dist/checks/index.js') as Record<string, string[]>);
    expect(loaded).toContain('wifi/index.js');
    expect(loaded.filter((f) => /platform\/|probes\//.test(f))).toEqual([]);
  });
});
