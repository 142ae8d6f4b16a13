import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST_BIN = path.join(ROOT, 'dist-bin');
export const EXES = {
  'linux-x64': 'zapcheck-linux-x64',
  'linux-arm64': 'zapcheck-linux-arm64',
  'win-x64': 'zapcheck-win-x64.exe',
  'macos-x64': 'zapcheck-macos-x64',
} as const;

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a program without a shell; resolves with its exit code and output whatever the code. */
export function run(
  file: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        cwd: opts.cwd,
        env: opts.env ?? {},
        timeout: opts.timeoutMs ?? 60_000,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 2 ** 20,
        encoding: 'utf8',
      },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: unknown; signal?: NodeJS.Signals | null }) | null;
        if (e && typeof e.code !== 'number' && e.signal == null) {
          resolve({ code: null, signal: null, stdout, stderr: `${stderr}\n${e.message}` });
          return;
        }
        resolve({ code: e ? (e.code as number | null) : 0, signal: e?.signal ?? null, stdout, stderr });
      },
    );
  });
}

/** The executable's path; a clear failure (with the command that builds it) when it is missing. */
export function exe(target: keyof typeof EXES): string {
  const file = path.join(DIST_BIN, EXES[target]);
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`npm run package\` (npm run test:sea does)`);
  return file;
}

/** The npm route, for comparing output: node bin/zapcheck.js. */
export const runNpmRoute = (args: readonly string[], cwd = ROOT): Promise<Run> =>
  run(process.execPath, [path.join(ROOT, 'bin/zapcheck.js'), ...args], { cwd, env: { NO_COLOR: '1' } });
