import { describe, expect, it } from 'vitest';
import { fromEnglish, createTranslator } from '../../src/i18n/index.js';
import { LAB_WORDS_IT } from '../../src/i18n/lab-it.js';
import { LAB_SCENARIOS } from '../../src/lab/scenarios.js';
import { runCli } from '../helpers/cli.js';

/** Issue 13: `zapcheck lab --list` in the user's language; `--json` stays English for scripts. */

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('lab --list in Italian', () => {
  it('every scenario has its two Italian lines, and there are none for a scenario that does not exist', () => {
    expect(Object.keys(LAB_WORDS_IT).sort()).toEqual(LAB_SCENARIOS.map((s) => s.name).sort());
    for (const s of LAB_SCENARIOS) {
      const it = LAB_WORDS_IT[s.name]!;
      expect(it.network, s.name).not.toBe(s.network);
      expect(it.verdict, s.name).not.toBe(s.verdict);
      // The cause names a reader looks up in the report are the same in both languages.
      const causes = (text: string) => (text.match(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g) ?? []).sort();
      expect(causes(it.verdict), s.name).toEqual(causes(s.verdict));
    }
  });

  it('--lang it and an Italian locale list every scenario in Italian, no English line left', async () => {
    for (const args of [
      ['lab', '--list', '--lang', 'it'],
      ['lab', '--list'],
    ]) {
      const env = args.includes('--lang') ? {} : { LANG: 'it_IT.UTF-8' };
      const run = await runCli(args, { env: { COLUMNS: '200', ...env } });
      expect(run.code).toBe(0);
      const out = flat(run.stdout);
      for (const s of LAB_SCENARIOS) {
        expect(out).toContain(flat(LAB_WORDS_IT[s.name]!.network));
        expect(out).toContain(flat(`-> ${LAB_WORDS_IT[s.name]!.verdict}`));
        expect(out).not.toContain(flat(s.network));
        expect(out).not.toContain(flat(s.verdict));
      }
      expect(out).toContain('Per eseguirne uno: zapcheck site --lab <scenario>');
    }
  });

  it('English stays the scenarios’ own lines, and --json stays English in an Italian run', async () => {
    const en = await runCli(['lab', '--list'], { env: { COLUMNS: '200', LANG: 'C' } });
    const out = flat(en.stdout);
    for (const s of LAB_SCENARIOS) expect(out).toContain(flat(s.network));
    expect(out).toContain('Run one: zapcheck site --lab <scenario>');
    const json = await runCli(['lab', '--list', '--json', '--lang', 'it']);
    const rows = JSON.parse(json.stdout) as { name: string; network: string; verdict: string }[];
    expect(rows).toEqual(
      LAB_SCENARIOS.map((s) => ({ name: s.name, network: s.network, verdict: s.verdict })),
    );
  });
});

describe('where the IPv4 route was looked for, in the run’s language', () => {
  const itT = createTranslator('it');
  it('every sentence the site contexts write is said again in Italian; a path or a tool list stays as it is', () => {
    const cases: [string, string][] = [
      ['/proc/net/route unreadable', '/proc/net/route non leggibile'],
      ['not read on win32', 'non letto su win32'],
      ['could not read the routes: spawn route ENOENT', 'impossibile leggere i percorsi: spawn route ENOENT'],
      ['OS network tools', 'strumenti di rete del sistema'],
      ['lab scenario healthy (simulated)', 'scenario di laboratorio healthy (simulato)'],
      [
        'lab scenario route-unreadable (simulated: the routing table could not be read)',
        'scenario di laboratorio route-unreadable (simulato: la tabella dei percorsi non si può leggere)',
      ],
      ['/proc/net/route', '/proc/net/route'],
      ['route -n get default, netstat -rn', 'route -n get default, netstat -rn'],
    ];
    for (const [english, italian] of cases) expect(fromEnglish(english, itT, 'env.source.')).toBe(italian);
  });

  it('the route-unreadable lab run says it in Italian', async () => {
    const run = await runCli(['site', '--lab', 'route-unreadable', '--lang', 'it', '--no-history'], {
      env: { COLUMNS: '200' },
    });
    expect(run.code).toBe(0);
    expect(flat(run.stdout)).toContain('(scenario di laboratorio route-unreadable (simulato: la tabella');
    expect(run.stdout).not.toContain('simulated');
  });
});
