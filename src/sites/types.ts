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
  /** Line of the entry in the file, for messages. */
  line: number;
}

export interface SitesFile {
  /** Absolute path of the file read. */
  path: string;
  sites: SiteEntry[];
}

/** The sites file looked for in the working directory. */
export const DEFAULT_SITES_FILE = 'zapcheck.yaml';
