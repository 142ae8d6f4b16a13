import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { createTranslator } from '../../src/i18n/index.js';
import { findSite, parseSitesFile, readSitesFile } from '../../src/sites/load.js';
import { runCli } from '../helpers/cli.js';

const t = createTranslator('en');

const GOOD = `# three sites
sites:
  Garage Nord:
    address: Via Roma 1, Milano
    chargers: 8
    ssid: ZAPTEC-NET
    profile: zaptec-go
    dhcpRange: 192.168.10.100 - 192.168.10.199
    metered: true
    sessionsPerChargerPerDay: 2
    notes: router in the technical room
  Condominio Sole:
    chargers: 24
    profile: ./profiles/custom.yaml
  Hotel Lago:
`;

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    const e = err as UsageError;
    return [e.message, e.hint ?? ''].join('\n');
  }
  throw new Error('expected a UsageError');
}

describe('sites file', () => {
  it('reads every site with its fields, line and a profile path relative to the file', () => {
    const file = parseSitesFile(GOOD, 'zapcheck.yaml', t, '/srv/installs/zapcheck.yaml');
    expect(file.sites.map((s) => s.name)).toEqual(['Garage Nord', 'Condominio Sole', 'Hotel Lago']);
    expect(file.sites[0]).toEqual({
      name: 'Garage Nord',
      line: 3,
      address: 'Via Roma 1, Milano',
      chargers: 8,
      ssid: 'ZAPTEC-NET',
      profile: 'zaptec-go',
      dhcpRange: '192.168.10.100-192.168.10.199',
      metered: true,
      sessionsPerChargerPerDay: 2,
      notes: 'router in the technical room',
    });
    expect(file.sites[1]?.profile).toBe(path.resolve('/srv/installs/profiles/custom.yaml'));
    expect(file.sites[2]).toEqual({ name: 'Hotel Lago', line: 15 });
    expect(file.sites[1]?.line).toBe(12);
  });

  it('finds a site ignoring case', () => {
    const file = parseSitesFile(GOOD, 'zapcheck.yaml', t, '/x/zapcheck.yaml');
    expect(findSite(file, 'garage nord')?.name).toBe('Garage Nord');
    expect(findSite(file, 'Nowhere')).toBeNull();
    expect(findSite(null, 'Garage Nord')).toBeNull();
  });

  it('names file, line and field of a value of the wrong type', () => {
    const text = 'sites:\n  Garage Nord:\n    chargers: eight\n';
    expect(usageMessage(() => parseSitesFile(text, 'zapcheck.yaml', t))).toContain(
      'zapcheck.yaml:3: sites.Garage Nord.chargers: "eight" is not a whole number',
    );
  });

  it('names an unknown field on its own line', () => {
    const text = 'sites:\n  Garage Nord:\n    chargers: 2\n    charger: 3\n';
    expect(usageMessage(() => parseSitesFile(text, 'sites.yaml', t))).toContain(
      'sites.yaml:4: sites.Garage Nord.charger: unknown field "charger"',
    );
  });

  it('names a DHCP range in the wrong form, and every bad field at once', () => {
    const text = 'sites:\n  A:\n    dhcpRange: 192.168.1.10 to .20\n  B:\n    chargers: -1\n';
    const msg = usageMessage(() => parseSitesFile(text, 'z.yaml', t));
    expect(msg).toContain(
      'z.yaml:3: sites.A.dhcpRange: "192.168.1.10 to .20" is not a DHCP pool: write first-last (192.168.10.100-192.168.10.199) or a CIDR block (192.168.10.0/24)',
    );
    expect(msg).toContain('z.yaml:5: sites.B.chargers: -1 is out of range: allowed from 0 to 10000');
    expect(msg).not.toMatch(/pattern|\\d|\^/);
  });

  it('names the line of a YAML syntax error and of a duplicate site', () => {
    expect(usageMessage(() => parseSitesFile('sites:\n  A:\n    chargers: [1, 2\n', 'z.yaml', t))).toMatch(
      /^z\.yaml:4:1: the YAML is not valid here: a "\]" is missing/,
    );
    // Two sites of one name are the sanity check's (src/sites/check.ts); a key twice inside a site is an error.
    expect(parseSitesFile('sites:\n  A: {}\n  A: {}\n', 'z.yaml', t).duplicates).toEqual([
      { name: 'A', line: 3, first: 2 },
    ]);
    expect(
      usageMessage(() => parseSitesFile('sites:\n  A:\n    chargers: 1\n    chargers: 2\n', 'z.yaml', t)),
    ).toMatch(/^z\.yaml:4: "chargers" is given twice here \(first at line 3\)/);
  });

  it('says so in Italian', () => {
    const text = 'sites:\n  Garage Nord:\n    metered: si\n';
    expect(usageMessage(() => parseSitesFile(text, 'zapcheck.yaml', createTranslator('it')))).toContain(
      'zapcheck.yaml:3: sites.Garage Nord.metered: "si" non è true o false',
    );
  });

  it('wants the sites key', () => {
    expect(usageMessage(() => parseSitesFile('site:\n  A: {}\n', 'z.yaml', t))).toContain(
      'z.yaml:1: (top level): the field "sites" is missing',
    );
  });
});

describe('finding the sites file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-sites-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses zapcheck.yaml in the working directory when there is one, and is fine without', () => {
    expect(readSitesFile(dir, undefined, t)).toBeNull();
    writeFileSync(path.join(dir, 'zapcheck.yaml'), GOOD);
    expect(readSitesFile(dir, undefined, t)?.sites).toHaveLength(3);
  });

  it('refuses a --sites file that does not exist', () => {
    expect(usageMessage(() => readSitesFile(dir, 'nope.yaml', t))).toContain(
      'sites file nope.yaml not found',
    );
  });

  it('zapcheck site with a bad sites file exits 2 naming file:line and field, no stack trace', async () => {
    writeFileSync(path.join(dir, 'zapcheck.yaml'), 'sites:\n  Garage Nord:\n    chargers: 1.5\n');
    const run = await runCli(['site', 'Garage Nord', '--lab'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('zapcheck.yaml:3: sites.Garage Nord.chargers: 1.5 is not a whole number');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('zapcheck site --sites with a site the file lacks exits 2 and lists the known ones', async () => {
    writeFileSync(path.join(dir, 'mine.yaml'), GOOD);
    const run = await runCli(['site', 'Garage Sud', '--lab', '--sites', 'mine.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('site "Garage Sud" is not in mine.yaml');
    expect(run.stderr).toContain('Garage Nord, Condominio Sole, Hotel Lago');
  });
});
