import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/result.js';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

/** The site command's contract with a user and with CI: exit codes, --strict, --json files, Ctrl-C. */

const dir = mkdtempSync(path.join(tmpdir(), 'zapcheck-site-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STACK = /\n\s+at .+:\d+:\d+/;

describe('zapcheck site: bad input is exit 2 with one clear message', () => {
  it.each([
    [['site', '--lab', 'no-such-fault'], /unknown lab scenario "no-such-fault"[\s\S]*healthy/],
    [['site', '--lab', '--deadline', 'soon'], /--deadline: "soon"/],
    [['site', '--dns-server', '192.168.1'], /--dns-server: "192.168.1"/],
    [['site', '--lab', '--profile', 'nope'], /unknown profile "nope"/],
    [['site', '--lab', '--no-such-option'], /unknown option '--no-such-option'/],
    // The same bad --chargers, --dhcp-range and --lang as `zapcheck dhcp`: the same message and exit code.
    [
      ['site', '--lab', '--chargers', 'many'],
      /--chargers "many" is not a number of chargers[\s\S]*0 to 10000/,
    ],
    [['site', '--lab', '--chargers', '10001'], /--chargers "10001" is not a number of chargers/],
    [['dhcp', '--chargers', '10001'], /--chargers "10001" is not a number of chargers[\s\S]*0 to 10000/],
    [['site', '--lab', '--dhcp-range', '10.0.0.9-10.0.0.1'], /10\.0\.0\.9-10\.0\.0\.1/],
    [['dhcp', '--dhcp-range', '10.0.0.9-10.0.0.1'], /10\.0\.0\.9-10\.0\.0\.1/],
    [['site', '--lab', '--lang', 'de'], /--lang: "de" is not supported/],
    [['dhcp', '--lang', 'de'], /--lang: "de" is not supported/],
    [['wifi', '--lang', 'de'], /--lang: "de" is not supported/],
  ])('%j', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.stdout).toBe('');
  });

  it('a broken profile file names the field and value', async () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'broken',
        name: 'Broken',
        endpoints: [{ host: 'a.example', port: 70000, protocol: 'https' }],
      }),
    );
    const run = await runCli(['site', '--lab', '--profile', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('endpoints.0.port');
    expect(run.stderr).toContain('70000');
  });
});

describe('zapcheck site --json <file>', () => {
  it('writes the report to the file atomically (no temp file left) and the human report to stdout', async () => {
    const out = path.join(dir, 'report.json');
    const run = await runCli(['site', 'Garage', '--lab', '--json', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('READY');
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report).toMatchObject({ site: 'Garage', verdict: 'ready', interrupted: false, schemaVersion: 1 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('zapcheck site --strict', () => {
  it('warnings alone pass without --strict (exit 0) and fail with it (exit 1)', async () => {
    // Every 443 endpoint optional; the lab drops 443: the failures become warnings.
    const file = path.join(dir, 'optional-443.yaml');
    writeFileSync(
      file,
      [
        'id: optional-443',
        'name: Optional firmware hosts',
        'endpoints:',
        '  - { host: no.pool.ntp.org, port: 123, protocol: ntp }',
        '  - { host: zapcloud.azure-devices.net, port: 8883, protocol: mqtts }',
        '  - { host: api.zaptec.com, port: 443, protocol: https, required: false }',
        '',
      ].join('\n'),
    );
    const loose = await runCli(['site', '--lab', 'tcp-443-dropped', '--profile', file, '--json', '-']);
    const report = JSON.parse(loose.stdout) as Report;
    expect(report.checks.find((c) => c.id === 'tcp:api.zaptec.com:443')).toMatchObject({
      status: 'warn',
      cause: 'TCP_DROPPED',
    });
    expect(report.checks.find((c) => c.id === 'tls:api.zaptec.com:443')).toMatchObject({ status: 'skip' });
    expect(report.verdict).toBe('ready');
    expect(loose.code).toBe(0);

    const strict = await runCli([
      'site',
      '--lab',
      'tcp-443-dropped',
      '--profile',
      file,
      '--strict',
      '--json',
      '-',
    ]);
    expect((JSON.parse(strict.stdout) as Report).verdict).toBe('not-ready');
    expect(strict.code).toBe(1);
  });
});

/**
 * A test-only preload: says on fd 3 when the runner has finished the DNS check of api.zaptec.com with a
 * pass (the runner publishes every finished check on a diagnostics channel, src/core/runner.ts).
 */
const DNS_PASSED_PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import { subscribe } from 'node:diagnostics_channel'; import { writeSync } from 'node:fs';" +
    " subscribe('zapcheck:check-finished', (m) => { if (m.id === 'dns:api.zaptec.com' && m.status === 'pass')" +
    " writeSync(3, 'dns passed\\n'); });",
)}`;

describe('Ctrl-C', () => {
  it('writes the partial report marked interrupted and exits 130', async () => {
    const out = path.join(dir, 'interrupted.json');
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          DNS_PASSED_PRELOAD,
          BIN,
          'site',
          '--lab',
          'tcp-all-dropped',
          '--deadline',
          '20',
          '--json',
          out,
        ],
        {
          cwd: ROOT,
          env: { ...process.env, NO_COLOR: '1', ZAPCHECK_GUARD: 'loopback' },
          stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
        },
      );
      let err = '';
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout!.resume();
      // Interrupt once the run is under way: the DNS check passed, TCP waits on dropped destinations (for
      // seconds of its 20 s deadline). The event, not a guessed time, however slow the machine.
      (child.stdio[3] as NodeJS.ReadableStream).once('data', () => child.kill('SIGINT'));
      const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('error', reject);
      child.on('close', (c) => {
        clearTimeout(killer);
        resolve({ code: c, stderr: err });
      });
    });
    expect(stderr).not.toMatch(STACK);
    expect(code).toBe(130);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.interrupted).toBe(true);
    expect(report.verdict).toBe('not-ready');
    expect(report.checks.find((c) => c.id === 'dns:api.zaptec.com')?.status).toBe('pass');
    expect(report.checks.filter((c) => c.cause === 'INTERRUPTED').length).toBeGreaterThan(0);
  }, 90_000);
});

describe('zapcheck site: nothing passed that was not tested', () => {
  it('sends the MQTT CONNECT by default: mqtt-not-mqtt is NOT READY without any flag', async () => {
    const run = await runCli(['site', '--lab', 'mqtt-not-mqtt', '--json', '-']);
    const report = JSON.parse(run.stdout) as Report;
    const mqtt = report.checks.find((c) => c.kind === 'mqtt');
    expect({ status: mqtt?.status, cause: mqtt?.cause }).toEqual({
      status: 'fail',
      cause: 'MQTT_NO_CONNACK',
    });
    expect(run.code).toBe(1);
  });

  it('--no-mqtt-connect: MQTT is "not checked" (MQTT_NOT_TRIED), said on the READY line; --strict refuses it', async () => {
    const run = await runCli(['site', '--lab', 'mqtt-not-mqtt', '--no-mqtt-connect', '--json', '-']);
    const report = JSON.parse(run.stdout) as Report;
    const mqtt = report.checks.find((c) => c.kind === 'mqtt');
    expect({ status: mqtt?.status, cause: mqtt?.cause }).toEqual({ status: 'skip', cause: 'MQTT_NOT_TRIED' });
    expect(report.verdict).toBe('ready');
    expect(run.code).toBe(0);
    // The lab has no Wi-Fi scan and no DHCP lease either: the verdict line names all three.
    expect(run.stderr).toMatch(/^READY \(not checked: [^)]*MQTT[^)]*\)/m);

    const strict = await runCli(['site', '--lab', '--no-mqtt-connect', '--strict', '--json', '-']);
    expect((JSON.parse(strict.stdout) as Report).verdict).toBe('not-ready');
    expect(strict.code).toBe(1);
  });
});
