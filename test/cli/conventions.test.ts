import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { channelList } from '../../src/checks/wifi/index.js';

/** Command-line conventions a new user leans on: suggestions, exit 2 for mistakes, plain errors, help. */

describe('command-line conventions', () => {
  it('help for a command that does not exist exits 2 and names the commands', async () => {
    const run = await runCli(['help', 'nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no such command: "nope"');
    expect(run.stderr).toContain('site, profiles, lab');
    const close = await runCli(['help', 'sitee']);
    expect(close.code).toBe(2);
    expect(close.stderr).toContain('did you mean site, sites?');
    expect((await runCli(['help', 'site'])).code).toBe(0);
  });

  it('suggests the subcommand, option and lab scenario meant, in the user’s language', async () => {
    const profiles = await runCli(['profiles', 'shw']);
    expect(profiles.code).toBe(2);
    expect(profiles.stderr).toContain('did you mean show?');
    const option = await runCli(['site', '--deadlin', '3']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('--deadline');
    const scenario = await runCli(['site', '--lab', 'tls-interceptd'], { env: { LANG: 'it_IT.UTF-8' } });
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toContain('forse intendevi tls-intercepted?');
  });

  it('range errors say what is allowed in plain words', async () => {
    const run = await runCli(['site', '--lab', '--deadline', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--deadline: "0" is out of range: give a number greater than 0 and at most 600',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('help shows defaults as they are typed, unquoted', async () => {
    const run = await runCli(['site', '--help']);
    expect(run.stdout).toContain('(default: zaptec-pro)');
    expect(run.stdout).toContain('(default: site)');
    expect(run.stdout).not.toMatch(/\(default: "/);
  });

  it('profiles: the name once, and no trust or TLS versions on NTP endpoints', async () => {
    const list = await runCli(['profiles']);
    expect(list.stdout).toContain('Zaptec Go: the Pro endpoints');
    expect(list.stdout).not.toContain('Zaptec Go: Zaptec Go');
    const show = await runCli(['profiles', 'show', 'zaptec-go']);
    expect(show.stdout).toMatch(/^# {3}ntp {3}no\.pool\.ntp\.org:123$/m);
    const yamlNtp = show.stdout.split('\n  - ').filter((e) => e.includes('protocol: ntp'));
    expect(yamlNtp.length).toBeGreaterThan(0);
    for (const e of yamlNtp) expect(e).not.toMatch(/trust|tlsVersions/);
    const https = show.stdout.split('\n  - ').find((e) => e.includes('protocol: https'));
    expect(https).toContain('trust:');
  });
});

describe('words, not jargon', () => {
  it('the Wi-Fi title names the profile’s channels', () => {
    expect(channelList([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe('1-11');
    expect(channelList([11, 1, 6])).toBe('1, 6, 11');
    expect(channelList([1, 2])).toBe('1, 2');
  });

  it('a lab run says "under a second", not "(0.0 s)", and DHCP is not checked in words', async () => {
    const run = await runCli(['site', '--lab', 'healthy']);
    // How long the run took depends on the machine (a loaded one can take over a second): the words for
    // each duration are the unit test in test/report/report.test.ts; here, the run's line uses them.
    expect(run.stdout).toMatch(/ {2}\((under a second|[1-9]\d*(\.\d)? s)\)\n/);
    expect(run.stdout).not.toContain('(0.0 s)');
    expect(run.stdout).not.toContain('facts probe');
    expect(run.stdout.replace(/\s+/g, ' ')).not.toMatch(/charger: not tested:/);
  });
});
