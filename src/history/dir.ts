import os from 'node:os';
import path from 'node:path';

/**
 * Where each run's JSON report is kept: the user's data directory, per platform convention.
 * Linux and other Unix: $XDG_DATA_HOME/zapcheck (default ~/.local/share/zapcheck, XDG Base Directory
 * spec); macOS: ~/Library/Application Support/zapcheck; Windows: %LOCALAPPDATA%\zapcheck.
 * --reports-dir, then ZAPCHECK_REPORTS_DIR, override it. Pure, so each platform is testable anywhere.
 */

export interface HistoryDirInput {
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
  cwd?: string;
  /** --reports-dir */
  override?: string | undefined;
}

export function historyDir(input: HistoryDirInput): string {
  const platform = input.platform ?? process.platform;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const cwd = input.cwd ?? process.cwd();
  const explicit = input.override ?? input.env.ZAPCHECK_REPORTS_DIR;
  if (explicit) return p.resolve(cwd, explicit);
  const home = input.home ?? os.homedir();
  if (platform === 'win32') {
    const local = input.env.LOCALAPPDATA || p.join(home, 'AppData', 'Local');
    return p.join(local, 'zapcheck');
  }
  if (platform === 'darwin') return p.join(home, 'Library', 'Application Support', 'zapcheck');
  // The spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = input.env.XDG_DATA_HOME;
  const base = xdg && p.isAbsolute(xdg) ? xdg : p.join(home, '.local', 'share');
  return p.join(base, 'zapcheck');
}

/** Whether a history directory was chosen explicitly (flag or environment), not by platform default. */
export function historyDirIsExplicit(env: NodeJS.ProcessEnv, override: string | undefined): boolean {
  return Boolean(override ?? env.ZAPCHECK_REPORTS_DIR);
}
