import type { Installer } from '../core/installer.js';

/** One site of the sites file (zapcheck.yaml); schema: schemas/sites.schema.json. */
export interface SiteEntry {
  name: string;
  address?: string;
  chargers?: number;
  ssid?: string;
  /** Built-in profile id or a profile file path (resolved against the sites file's folder). */
  profile?: string;
  dhcpRange?: string;
  /** The uplink is metered (a 4G/LTE router): the report sizes the data plan. */
  metered?: boolean;
  /** For the data budget; default 1. */
  sessionsPerChargerPerDay?: number;
  notes?: string;
  /** Who hands this site over (its own `installer:`, else the file's); src/core/installer.ts. */
  installer?: Installer;
  /** Line of the entry in the file, for messages. */
  line: number;
}

export interface SitesFile {
  /** Absolute path of the file read. */
  path: string;
  sites: SiteEntry[];
  /** Per site name, the line of each of its fields (for file:line in the sanity check). */
  fieldLines?: ReadonlyMap<string, Partial<Record<string, number>>>;
  /** Site names given twice in the `sites` map (the later entry is what a run uses). */
  duplicates?: DuplicateSite[];
  /** The file's top-level `installer:`, for every site without its own. */
  installer?: Installer;
}

/** A site name that appears twice in the sites file. */
export interface DuplicateSite {
  name: string;
  /** The line of the second entry. */
  line: number;
  /** The line of the first. */
  first: number;
}

/** The sites file looked for in the working directory. */
export const DEFAULT_SITES_FILE = 'zapcheck.yaml';
