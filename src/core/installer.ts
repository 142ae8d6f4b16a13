import { cleanName } from './escape.js';

/**
 * Who handed the site over: `--installer "Mario Rossi, Elettro Srl"` or `installer:` in the sites file.
 * The text before the first comma is the person, the rest the company. It is user input printed on the
 * handover: controls become spaces and invisible characters are dropped (as for a site name), and it is
 * at most INSTALLER_MAX characters; every renderer escapes it like any other text.
 */

export interface Installer {
  name: string;
  company: string | null;
}

export const INSTALLER_MAX = 120;

export type InstallerProblem = 'empty' | 'long';

/** The installer of `text`, or why it cannot be one. */
export function parseInstaller(text: string): Installer | InstallerProblem {
  const cleaned = cleanName(text).replace(/\s+/g, ' ');
  if ([...cleaned].length > INSTALLER_MAX) return 'long';
  const comma = cleaned.indexOf(',');
  const name = (comma < 0 ? cleaned : cleaned.slice(0, comma)).trim();
  const company = comma < 0 ? '' : cleaned.slice(comma + 1).trim();
  if (!name) return 'empty';
  return { name, company: company || null };
}

/** "Mario Rossi, Elettro Srl", as the handover prints it. */
export function installerText(i: Installer): string {
  return i.company ? `${i.name}, ${i.company}` : i.name;
}
