import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/index.js';
import { loadProfile } from '../../src/profile/load.js';
import { checkSitesFile } from '../../src/sites/check.js';
import { parseSitesFile } from '../../src/sites/load.js';
import { runCli } from '../helpers/cli.js';

const t = createTranslator('en');

/** A sites file with one of each problem, and a clean site between them. */
const FILE = `sites:
  Garage Nord:
    chargers: 8
    dhcpRange: 192.168.10.100-192.168.10.104
  Condominio Sole:
    chargers: 3
    profile: zaptec-home
  Hotel Lago:
    chargers: 20
    dhcpRange: 10.0.0.0/27
    profile: zaptec-go
  garage nord:
    chargers: 1
  Hotel Lago:
    chargers: 2
    dhcpRange: 10.0.0.0/30
`;

const problems = (text: string, lang: 'en' | 'it' = 'en') => {
  const tr = createTranslator(lang);
  return checkSitesFile(
    parseSitesFile(text, 'zapcheck.yaml', tr, '/srv/zapcheck.yaml'),
    tr,
    (ref) => loadProfile(ref, tr),
    'zaptec-pro',
  );
};

describe('sites file sanity check (issue 13, item 8)', () => {
  it('flags a pool smaller than the chargers, an unknown profile and names given twice, each at its line', () => {
    expect(problems(FILE).map((p) => `${p.line} ${p.code} ${p.message}`)).toEqual([
      '4 DHCP_POOL_SMALL Garage Nord: the DHCP pool 192.168.10.100-192.168.10.104 has 5 addresses, too few for 8 chargers (they need 8)',
      '7 PROFILE Condominio Sole: profile: unknown profile "zaptec-home" (built-in profiles: zaptec-pro, zaptec-go; or give the path of a .json/.yaml file)',
      '12 DUPLICATE_NAME garage nord: differs from "Garage Nord" (line 2) only in capitals, accents or spaces; zapcheck site finds both as one site',
      // The later Hotel Lago is what a run uses: its /30 holds the 2 chargers it plans.
      '14 DUPLICATE_NAME Hotel Lago: this site name is given twice (first at line 8); a run uses this later entry',
    ]);
  });

  it('a CIDR dhcpRange counts its host addresses: a /27 holds 30', () => {
    const ok = `sites:\n  A:\n    chargers: 30\n    dhcpRange: 10.0.0.0/27\n`;
    expect(problems(ok)).toEqual([]);
    const small = `sites:\n  A:\n    chargers: 31\n    dhcpRange: 10.0.0.0/27\n`;
    expect(problems(small).map((p) => p.message)).toEqual([
      'A: the DHCP pool 10.0.0.1-10.0.0.30 has 30 addresses, too few for 31 chargers (they need 31)',
    ]);
  });

  it('counts the addresses each charger needs from its profile, and says one address and one charger in the singular', () => {
    expect(problems(`sites:\n  A:\n    chargers: 1\n    dhcpRange: 10.0.0.5/32\n`)).toEqual([]);
    expect(
      problems(`sites:\n  A:\n    chargers: 2\n    dhcpRange: 10.0.0.5/32\n`, 'it').map((p) => p.message),
    ).toEqual([
      'A: il pool DHCP 10.0.0.5-10.0.0.5 ha 1 indirizzo, troppo pochi per 2 stazioni (ne servono 2)',
    ]);
  });

  it('a dhcpRange only arithmetic refuses (300.1.1.1, backwards) is an error at its line when the file is read', () => {
    expect(() => parseSitesFile(`sites:\n  A:\n    dhcpRange: 10.0.0.9-10.0.0.1\n`, 'z.yaml', t)).toThrow(
      'z.yaml:3: sites.A.dhcpRange: "10.0.0.9-10.0.0.1": the last address comes before the first',
    );
    expect(() => parseSitesFile(`sites:\n  A:\n    dhcpRange: 300.0.0.1-300.0.0.9\n`, 'z.yaml', t)).toThrow(
      'z.yaml:3: sites.A.dhcpRange: "300.0.0.1-300.0.0.9" is not made of IPv4 addresses',
    );
  });
});

describe('zapcheck sites --check and zapcheck site', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-sites-check-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sites --check lists every problem as file:line and exits 2; a clean file exits 0', async () => {
    writeFileSync(path.join(dir, 'zapcheck.yaml'), FILE);
    const bad = await runCli(['sites', '--check'], { cwd: dir });
    expect(bad.code).toBe(2);
    const lines = bad.stdout.trim().split('\n');
    expect(lines.slice(0, -1).map((l) => l.replace(/: .*/, ''))).toEqual([
      'zapcheck.yaml:4',
      'zapcheck.yaml:7',
      'zapcheck.yaml:12',
      'zapcheck.yaml:14',
    ]);
    expect(lines.at(-1)).toBe('zapcheck.yaml: 4 problems in 4 sites');
    const json = await runCli(['sites', '--check', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(2);
    const parsed = JSON.parse(json.stdout) as { problems: { code: string; line: number; file: string }[] };
    expect(parsed.problems.map((p) => `${p.file}:${p.line} ${p.code}`)).toContain('zapcheck.yaml:7 PROFILE');

    writeFileSync(path.join(dir, 'ok.yaml'), 'sites:\n  A:\n    chargers: 2\n    dhcpRange: 10.0.0.0/29\n');
    const ok = await runCli(['sites', '--check', '--sites', 'ok.yaml', '--lang', 'it'], { cwd: dir });
    expect([ok.code, ok.stdout]).toEqual([0, 'ok.yaml: 1 sito, nessun problema\n']);
  });

  it('sites --check without a sites file exits 2 and says so', async () => {
    const run = await runCli(['sites', '--check'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no sites file: zapcheck.yaml is not in this folder');
  });

  it('zapcheck site warns of its own site before the run, and refuses a site whose profile does not exist', async () => {
    writeFileSync(path.join(dir, 'zapcheck.yaml'), FILE);
    const warned = await runCli(['site', 'Garage Nord', '--lab'], { cwd: dir });
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain(
      'zapcheck.yaml:4: warning: Garage Nord: the DHCP pool 192.168.10.100-192.168.10.104 has 5 addresses, too few for 8 chargers (they need 8)',
    );
    expect(warned.stderr).toContain('zapcheck.yaml:12: warning: garage nord: differs from "Garage Nord"');
    expect(warned.stderr).toContain(
      'zapcheck.yaml: 2 problems in other sites; zapcheck sites --check lists them',
    );
    const refused = await runCli(['site', 'Condominio Sole', '--lab'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'zapcheck.yaml:7: Condominio Sole: profile: unknown profile "zaptec-home"',
    );
    expect(refused.stdout).toBe('');
  });
});
