import {
  chmodSync,
  constants,
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Report, Status, Verdict } from '../core/result.js';
import { MAX_NESTING, nestingDepth, readInputFile } from '../core/input-file.js';

/**
 * The run history: one JSON file per run, named by start time and site slug, written atomically and
 * never overwritten. A temp file is written whole, then hard-linked to its final name (link fails if the
 * name exists, unlike rename), so a reader never sees half a report and two runs never clobber each other.
 */

/** "Garage Nord" -> "garage-nord"; accents dropped, anything else becomes a dash. */
export function siteSlug(site: string): string {
  const slug = site
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'site';
}

/** 2025-06-01T10:22:33.456Z -> 2025-06-01T102233Z (sorts by time; no colons, for Windows). */
export function fileStamp(iso: string): string {
  const d = new Date(iso);
  const s = Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
  return `${s.slice(0, 10)}T${s.slice(11, 19).replace(/:/g, '')}Z`;
}

export function runFileName(report: Pick<Report, 'startedAt' | 'site'>, n = 1): string {
  return `${fileStamp(report.startedAt)}_${siteSlug(report.site)}${n > 1 ? `-${n}` : ''}.json`;
}

/**
 * Creates `dir` and any missing parents with mode 0700 whatever the umask (history holds site names,
 * resolvers and proxy hosts: other local users must not read it). `tighten` also sets an existing
 * `dir` to 0700 (zapcheck's own default folder; never a folder the user chose). One mkdir per missing
 * level, in a bounded loop: Node's recursive mkdir spins for ever on some file systems (/proc/nope).
 */
export function makePrivateDir(dir: string, tighten = false): void {
  const missing: string[] = [];
  let cur = path.resolve(dir);
  for (let level = 0; level < 4096; level++) {
    try {
      if (!statSync(cur).isDirectory()) {
        throw Object.assign(new Error(`${cur} is not a folder`), { code: 'ENOTDIR' });
      }
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== 'ENOENT') throw err;
      missing.push(cur);
      const parent = path.dirname(cur);
      if (parent === cur) throw err;
      cur = parent;
    }
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d, { mode: 0o700 });
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err;
    }
    chmodSync(d, 0o700);
  }
  if (tighten && missing.length === 0) {
    const st = statSync(dir);
    if ((st.mode & 0o077) !== 0 && (typeof process.getuid !== 'function' || st.uid === process.getuid())) {
      chmodSync(dir, 0o700);
    }
  }
}

/** Saves one run; returns the file written (0600). Throws on I/O errors (the caller decides how loud to be). */
export function saveRun(dir: string, report: Report, json: string, tighten = false): string {
  makePrivateDir(dir, tighten);
  const tmp = path.join(dir, `.run-${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(tmp, json, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  try {
    for (let n = 1; n < 1000; n++) {
      const target = path.join(dir, runFileName(report, n));
      try {
        linkSync(tmp, target);
        return target;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'EEXIST') continue;
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'ENOSYS') {
          // File systems without hard links (FAT, some network shares): an exclusive copy still never
          // overwrites; the copy is of a complete file.
          try {
            copyFileSync(tmp, target, constants.COPYFILE_EXCL);
            chmodSync(target, 0o600);
            return target;
          } catch (copyErr) {
            if ((copyErr as { code?: string }).code === 'EEXIST') continue;
            throw copyErr;
          }
        }
        throw err;
      }
    }
    throw new Error(`more than 999 runs of "${report.site}" started in the same second`);
  } finally {
    rmSync(tmp, { force: true });
  }
}

export interface RunEntry {
  file: string;
  site: string;
  startedAt: string;
  verdict: Verdict | null;
  interrupted: boolean;
  profile: string;
  counts: Partial<Record<Status, number>>;
  schemaVersion: number | null;
  /** A run against the built-in simulated site (`--lab`): listed as LAB, never taken for the real site. */
  lab: boolean;
}

/**
 * Every run in the history directory, newest first. Files that are not readable zapcheck reports are
 * counted in `unreadable`, never fatal: one broken file must not hide the others.
 */
export function listRuns(dir: string): { runs: RunEntry[]; unreadable: string[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch {
    return { runs: [], unreadable: [] };
  }
  const runs: RunEntry[] = [];
  const unreadable: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const text = readInputFile(file, 'history');
      if (nestingDepth(text) > MAX_NESTING) throw new Error('too deep');
      const r = JSON.parse(text) as Partial<Report> & { schemaVersion?: unknown };
      if (typeof r !== 'object' || r === null || r.tool?.name !== 'zapcheck' || typeof r.site !== 'string') {
        unreadable.push(file);
        continue;
      }
      runs.push({
        file,
        site: r.site,
        startedAt: typeof r.startedAt === 'string' ? r.startedAt : '',
        verdict: r.verdict === 'ready' || r.verdict === 'not-ready' ? r.verdict : null,
        interrupted: r.interrupted === true,
        profile: typeof r.profile === 'string' ? r.profile : '',
        counts: typeof r.counts === 'object' && r.counts !== null ? r.counts : {},
        schemaVersion: typeof r.schemaVersion === 'number' ? r.schemaVersion : null,
        lab: r.environment?.mode === 'lab',
      });
    } catch {
      unreadable.push(file);
    }
  }
  runs.sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.file.localeCompare(a.file));
  return { runs, unreadable };
}

export function sameSite(a: string, b: string): boolean {
  const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase().trim();
  return fold(a) === fold(b);
}

export function runsOf(runs: readonly RunEntry[], site: string): RunEntry[] {
  return runs.filter((r) => sameSite(r.site, site));
}
