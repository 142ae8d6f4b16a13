import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ZAPTEC_GO, ZAPTEC_PRO } from '../../src/profile/builtin.js';
import { runCli } from '../helpers/cli.js';

/** Issue 13: `zapcheck profiles` and `profiles show` in the user's language; the YAML itself stays data. */

describe('profiles in Italian', () => {
  it('the catalogue’s English descriptions are the built-in profiles’ own', () => {
    for (const p of [ZAPTEC_PRO, ZAPTEC_GO]) {
      expect(en[`profile.${p.id}.description` as keyof typeof en], p.id).toBe(p.description);
    }
  });

  it('zapcheck profiles --lang it: descriptions and the closing line in Italian; English unchanged', async () => {
    const [it, english] = await Promise.all([
      runCli(['profiles', '--lang', 'it']),
      runCli(['profiles'], { env: { LANG: 'C' } }),
    ]);
    const flat = it.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('Zaptec Go: gli stessi collegamenti della Pro più i server NTP del suo firmware;');
    expect(flat).toContain('Wi-Fi 2,4 GHz canali 1-11');
    expect(flat).toContain('zapcheck profiles show <id> ne stampa uno;');
    expect(flat).not.toMatch(/prints one|the Pro endpoints|installation manual/);
    expect(english.stdout.replace(/\s+/g, ' ')).toContain(
      'zapcheck profiles show <id> prints one; --profile <file.json|file.yaml> uses your own.',
    );
  });

  it('zapcheck profiles show zaptec-go --lang it: the header lines in Italian, the YAML as data', async () => {
    const run = await runCli(['profiles', 'show', 'zaptec-go', '--lang', 'it']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# Collegamenti in uscita:\n');
    expect(run.stdout).toContain('#   ntp   pool.ntp.org:123 (facoltativo)\n');
    expect(run.stdout).toMatch(/^# Zaptec Go \(zaptec-go\) — gli stessi collegamenti della Pro/);
    expect(run.stdout).not.toMatch(/Outbound endpoints|\(optional\)/);
    // The profile itself is data, the same in every language.
    expect(run.stdout).toContain('\nid: zaptec-go\n');
  });
});
