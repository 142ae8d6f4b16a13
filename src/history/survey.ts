import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SurveySpot } from '../core/result.js';
import { fileStamp, makePrivateDir, siteSlug } from './store.js';
import { MAX_NESTING, nestingDepth, readInputFile } from '../core/input-file.js';
import { stringifyJson } from '../core/escape.js';

/**
 * The site's Wi-Fi survey, kept beside the run history: one JSON file per reading under
 * `<history>/survey/<site-slug>/`, written whole to a temp file and hard-linked to its name (never
 * overwriting, like runs), readable by its owner only (the file names the site's network and spots).
 * The newest reading of each spot is the spot's reading; `forget` removes every reading of a spot.
 */

export interface StoredSpot extends SurveySpot {
  schemaVersion: 1;
  tool: { name: 'zapcheck'; version: string };
  site: string;
  profile: string;
}

export function surveyDir(historyDir: string, site: string): string {
  return path.join(historyDir, 'survey', siteSlug(site));
}

/** Saves one reading; returns the file written. Throws on I/O errors. */
export function saveSpot(historyDir: string, reading: StoredSpot): string {
  const dir = surveyDir(historyDir, reading.site);
  makePrivateDir(dir);
  const tmp = path.join(dir, `.spot-${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(tmp, `${stringifyJson(reading)}\n`, { mode: 0o600 });
  try {
    chmodSync(tmp, 0o600);
  } catch {
    // A file system without modes (FAT, a network share): the reading is still kept.
  }
  try {
    const base = `${fileStamp(reading.takenAt)}_${siteSlug(reading.spot)}`;
    for (let n = 1; n < 1000; n++) {
      const target = path.join(dir, `${base}${n > 1 ? `-${n}` : ''}.json`);
      try {
        linkSync(tmp, target);
        return target;
      } catch (err) {
        if ((err as { code?: string }).code === 'EEXIST') continue;
        throw err;
      }
    }
    throw new Error(`more than 999 readings of "${reading.spot}" in the same second`);
  } finally {
    rmSync(tmp, { force: true });
  }
}

interface Found {
  file: string;
  reading: StoredSpot;
}

function readAll(historyDir: string, site: string): { found: Found[]; unreadable: string[] } {
  const dir = surveyDir(historyDir, site);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch {
    return { found: [], unreadable: [] };
  }
  const found: Found[] = [];
  const unreadable: string[] = [];
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    try {
      const text = readInputFile(file, 'history');
      if (nestingDepth(text) > MAX_NESTING) throw new Error('too deep');
      const r = JSON.parse(text) as Partial<StoredSpot>;
      if (
        r?.tool?.name !== 'zapcheck' ||
        typeof r.spot !== 'string' ||
        typeof r.takenAt !== 'string' ||
        r.site !== site ||
        !Array.isArray(r.samples)
      ) {
        // Another site whose name has the same slug, or not a reading: not this site's.
        if (r?.site !== site && typeof r?.site === 'string') continue;
        unreadable.push(file);
        continue;
      }
      found.push({ file, reading: r as StoredSpot });
    } catch {
      unreadable.push(file);
    }
  }
  return { found, unreadable };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The newest reading of every spot of the site, spots in natural order ("Bay 2" before "Bay 10"). */
export function listSpots(historyDir: string, site: string): { spots: StoredSpot[]; unreadable: string[] } {
  const { found, unreadable } = readAll(historyDir, site);
  const newest = new Map<string, StoredSpot>();
  for (const { reading } of found) {
    const had = newest.get(reading.spot);
    if (!had || had.takenAt <= reading.takenAt) newest.set(reading.spot, reading);
  }
  const spots = [...newest.values()].sort((a, b) => collator.compare(a.spot, b.spot));
  return { spots, unreadable };
}

/** Removes every reading of one spot; returns how many files were removed. */
export function forgetSpot(historyDir: string, site: string, spot: string): number {
  let n = 0;
  for (const { file, reading } of readAll(historyDir, site).found) {
    if (reading.spot !== spot) continue;
    rmSync(file, { force: true });
    n++;
  }
  return n;
}

/**
 * The fields of the report's SurveySpot, named once: a stored reading keeps only these in the report
 * (not its storage fields, nor anything a hand-edited file added). The compiler fails the build when the
 * report shape (src/core/report-shape.ts) gains a field this list lacks.
 */
const SPOT_FIELDS = [
  'spot',
  'takenAt',
  'ssid',
  'bssid',
  'channel',
  'band',
  'samples',
  'minDbm',
  'medianDbm',
  'status',
  'cause',
  'summary',
  'remediation',
] as const satisfies readonly (keyof SurveySpot)[];
type MissingSpotField = Exclude<keyof SurveySpot, (typeof SPOT_FIELDS)[number]>;
const everySpotField: [MissingSpotField] extends [never] ? true : MissingSpotField = true;
void everySpotField;

/** The report's view of a stored reading (what `report.survey` holds). */
export function spotForReport(s: StoredSpot): SurveySpot {
  return Object.fromEntries(SPOT_FIELDS.map((k) => [k, s[k]])) as SurveySpot;
}
