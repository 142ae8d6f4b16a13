import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { dnsFamily } from '../../src/checks/dns.js';
import { envFamily } from '../../src/checks/env.js';
import { httpsFamily } from '../../src/checks/https.js';
import { ntpFamily } from '../../src/checks/ntp.js';
import { tcpFamily } from '../../src/checks/tcp.js';
import { tlsFamily } from '../../src/checks/tls.js';
import { probeFail, probeOk } from '../../src/core/errors.js';
import type { CheckResult, Remediation, Report, Status } from '../../src/core/result.js';
import { runChecks } from '../../src/core/runner.js';
import { buildReport } from '../../src/report/build.js';
import { escapeForTerminal } from '../../src/report/escape.js';
import { renderJson } from '../../src/report/json.js';
import { colorLevel, remediationList, renderTerminal, renderVerdict } from '../../src/report/terminal.js';
import { fakeContext, fakeProbes } from '../helpers/fake-context.js';

const schema = JSON.parse(
  readFileSync(new URL('../../src/schemas/report.schema.json', import.meta.url), 'utf8'),
) as object;
// ajv-formats is not a dependency: formats are checked by hand below.
const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);

function isIsoDateTime(s: unknown): boolean {
  return (
    typeof s === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(s) &&
    !Number.isNaN(Date.parse(s))
  );
}

const ESC = '\u001b';

/**
 * A whole run of the network checks of zaptec-pro over fake probes: TCP 8883 is silently dropped
 * (so its TLS check is skipped), the rest works; one TLS error message carries a terminal escape.
 */
async function droppedHubReport(): Promise<Report> {
  const ctx = fakeContext();
  const probes = fakeProbes({
    dns: (q) =>
      Promise.resolve(
        probeOk(
          {
            server: '192.0.2.53:53',
            rcode: 'NOERROR',
            answers: [],
            cnameChain: [q.name],
            addresses: ['198.51.100.10'],
            viaTcp: false,
            authoritative: false,
          },
          5,
        ),
      ),
    ntp: () =>
      Promise.resolve(
        probeOk(
          {
            server: '198.51.100.10:123',
            stratum: 2,
            leap: 0,
            version: 4,
            refId: '198.51.100.1',
            offsetMs: 120,
            delayMs: 18,
            serverTime: '2025-06-01T10:00:00.120Z',
            rootDelayMs: 1,
            rootDispersionMs: 1,
            kissCode: null,
          },
          18,
        ),
      ),
    tcp: (q) =>
      Promise.resolve(
        q.port === 8883
          ? probeFail('TIMEOUT', 'no answer from 198.51.100.10:8883 within 2000 ms', 2000)
          : probeOk({ remote: `${q.ip}:${q.port}`, local: '192.0.2.10:50000' }, 9),
      ),
    tls: (q) =>
      Promise.resolve(
        q.servername === 'api.zaptec.com'
          ? probeFail('TLS_HANDSHAKE', `peer alert ${ESC}[31mhandshake failure${ESC}[0m`, 4)
          : probeOk(
              {
                protocol: 'TLSv1.2',
                cipher: 'ECDHE-RSA-AES256-GCM-SHA384',
                alpn: null,
                authorized: true,
                authorizationError: null,
                chain: [
                  {
                    subject: { CN: q.servername },
                    issuer: { CN: 'Test Issuing CA', O: 'Test' },
                    subjectAltNames: [q.servername],
                    validFrom: '2025-01-01T00:00:00.000Z',
                    validTo: '2026-01-01T00:00:00.000Z',
                    serialNumber: '01',
                    fingerprint256: 'AA',
                    isCA: false,
                    selfSigned: false,
                  },
                ],
              },
              30,
            ),
      ),
    https: () =>
      Promise.resolve(
        probeOk({ status: 404, location: null, contentType: 'text/plain', bodySnippet: '', headers: {} }, 20),
      ),
  });
  const families = [envFamily, dnsFamily, ntpFamily, tcpFamily, tlsFamily, httpsFamily];
  const started = ctx.clock.now();
  const { results, interrupted } = await runChecks(families, ctx, probes);
  ctx.clock.advance(2345);
  return buildReport({
    ctx,
    version: '0.1.0',
    results,
    interrupted,
    startedAt: started,
    finishedAt: ctx.clock.now(),
  });
}

describe('JSON report', () => {
  it('keeps titles and remediation printable when they quote hostile text', () => {
    const ctx = fakeContext();
    const r = buildReport({
      ctx,
      version: '0.1.0',
      results: [
        {
          id: 'wifi',
          kind: 'wifi',
          title: `Wi-Fi "Gar${ESC}[2Jage"`,
          target: {},
          status: 'fail',
          cause: 'WIFI_NO_24GHZ',
          summary: `no 2.4 GHz for Gar${ESC}[2Jage`,
          evidence: {},
          remediation: [{ audience: 'installer', text: `move "Gar${ESC}[2Jage"\u0007` }],
          durationMs: 1,
        },
      ],
      interrupted: false,
      startedAt: 0,
      finishedAt: 1,
    });
    const json = renderJson(r);
    expect(json).not.toContain(ESC);
    expect(json).not.toContain('\\u001b');
    expect(r.checks[0]?.title).toBe('Wi-Fi "Gar\\x1b[2Jage"');
    expect(r.checks[0]?.remediation[0]?.text).toContain('\\x07');
  });

  it('of a real run of the checks validates against the shipped schema', async () => {
    const report = await droppedHubReport();
    const parsed = JSON.parse(renderJson(report)) as Report;
    const ok = validate(parsed);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(isIsoDateTime(parsed.startedAt)).toBe(true);
    expect(isIsoDateTime(parsed.finishedAt)).toBe(true);
    expect(parsed.durationMs).toBe(2345);
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.verdict).toBe('not-ready');
    expect(parsed.profile).toBe('zaptec-pro');
    expect(parsed.environment.resolvers).toEqual(['192.0.2.53:53']);
    expect(parsed.environment.interface).toBe('eth0');
    const hubTcp = parsed.checks.find((c) => c.id === 'tcp:zapcloud.azure-devices.net:8883');
    expect(hubTcp?.cause).toBe('TCP_DROPPED');
    expect(parsed.checks.find((c) => c.id === 'tls:zapcloud.azure-devices.net:8883')?.cause).toBe('SKIPPED');
    expect(parsed.counts.fail).toBeGreaterThanOrEqual(2);
    expect(parsed.counts.skip).toBeGreaterThanOrEqual(1);
    expect(Object.values(parsed.counts).reduce((a, b) => a + b, 0)).toBe(parsed.checks.length);
  });

  it('keeps control characters a peer sent out of the summaries (the schema forbids them)', async () => {
    const report = await droppedHubReport();
    const tls = report.checks.find((c) => c.id === 'tls:api.zaptec.com:443')!;
    expect(tls.summary).not.toContain(ESC);
    expect(tls.summary).toContain('\\x1b[31m');
  });

  it('is rejected by the schema when a check lacks a field (the test can fail)', async () => {
    const report = JSON.parse(renderJson(await droppedHubReport())) as { checks: Record<string, unknown>[] };
    delete report.checks[0]!.cause;
    expect(validate(report)).toBe(false);
  });

  it('ends with one newline and has two-space indentation', async () => {
    const text = renderJson(await droppedHubReport());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"schemaVersion": 1,$/);
  });
});

function result(id: string, status: Status, summary: string, remediation: Remediation[] = []): CheckResult {
  return {
    id,
    kind: id.split(':')[0]!,
    title: id,
    target: {},
    status,
    cause: status === 'pass' ? 'OK' : 'SOME_CAUSE',
    summary,
    evidence: {},
    remediation,
    durationMs: 3,
  };
}

function report(checks: CheckResult[], over: Partial<Report> = {}): Report {
  const counts = { pass: 0, warn: 0, fail: 0, skip: 0, error: 0 };
  for (const c of checks) counts[c.status]++;
  const failed = checks.some((c) => c.status === 'fail' || c.status === 'error');
  return {
    schemaVersion: 1,
    tool: { name: 'zapcheck', version: '0.1.0' },
    site: 'Garage Nord',
    profile: 'zaptec-pro',
    startedAt: '2025-06-01T10:00:00.000Z',
    finishedAt: '2025-06-01T10:00:04.200Z',
    durationMs: 4200,
    verdict: failed ? 'not-ready' : 'ready',
    strict: false,
    interrupted: false,
    deadlineMs: 5000,
    environment: {
      os: 'linux',
      osRelease: '6.1',
      arch: 'x64',
      node: 'v20.19.0',
      interface: 'wlan0',
      resolvers: ['192.0.2.53:53'],
      mode: 'real',
      labScenario: null,
    },
    counts,
    checks,
    ...over,
  };
}

const plain = { write: () => undefined, isTTY: false };
const IT_8883 = {
  audience: 'it' as const,
  text: 'Allow outbound TCP port 8883 to zapcloud.azure-devices.net.',
};
const IT_123 = { audience: 'it' as const, text: 'Allow outbound UDP port 123 to no.pool.ntp.org.' };
const INSTALLER = { audience: 'installer' as const, text: 'Set this laptop to automatic time.' };

describe('terminal report', () => {
  it('says how long the run took in words: "under a second" below 1 s, never "(0.0 s)"', () => {
    const ok = [result('dns:api.zaptec.com', 'pass', 'resolves')];
    const took = (durationMs: number, lang: 'en' | 'it' = 'en') =>
      renderVerdict(report(ok, { durationMs }), plain, { lang, env: {} });
    for (const ms of [0, 40, 999]) {
      expect(took(ms)).toContain('(under a second)');
      expect(took(ms)).not.toContain('0.0 s');
    }
    expect(took(40, 'it')).toContain('(meno di un secondo)');
    expect(took(1000)).toContain('(1 s)');
    expect(took(4249)).toContain('(4.2 s)');
    expect(took(4249, 'it')).toContain('(4,2 s)');
  });

  const failing = report([
    result('dns:api.zaptec.com', 'pass', 'api.zaptec.com resolves to 198.51.100.10'),
    result('ntp:no.pool.ntp.org:123', 'warn', 'clock 90 s ahead', [INSTALLER, IT_123]),
    result('tcp:zapcloud.azure-devices.net:8883', 'fail', 'TCP 8883 silently dropped', [IT_8883]),
    result('tls:zapcloud.azure-devices.net:8883', 'fail', 'TLS failed', [IT_8883]),
  ]);

  it('has no escape sequences with NO_COLOR, even when forced', () => {
    const out = renderTerminal(
      failing,
      { ...plain, isTTY: true },
      { env: { NO_COLOR: '1', FORCE_COLOR: '1' } },
    );
    expect(out).not.toContain(ESC);
  });

  it('has colour with FORCE_COLOR=1 on a non-TTY', () => {
    const out = renderTerminal(failing, plain, { env: { FORCE_COLOR: '1' } });
    expect(out).toContain(`${ESC}[`);
  });

  it('prints one line per check and the NOT READY verdict with the counts', () => {
    const out = renderTerminal(failing, { ...plain, columns: 120 }, { env: {} });
    for (const c of failing.checks) expect(out).toContain(c.title);
    expect(out).toMatch(/^NOT READY {2}2 failed, 1 warning, 1 passed/m);
    expect(out).not.toMatch(/^READY/m);
  });

  it('says READY when ready, and mentions warnings', () => {
    const ready = report([
      result('dns:api.zaptec.com', 'pass', 'ok'),
      result('ntp:no.pool.ntp.org:123', 'warn', 'clock 90 s ahead', [INSTALLER]),
    ]);
    const out = renderTerminal(ready, plain, { env: {} });
    expect(out).toMatch(/^READY {2}1 warning, 1 passed/m);
    expect(out).toContain('warnings below are worth fixing');
    expect(out).not.toContain('NOT READY');
  });

  it('says what was not checked on the READY line (a READY stands only for what was tested)', () => {
    const skipped = (id: string, cause: string): CheckResult => ({
      ...result(id, 'skip', `${id} not checked`),
      cause,
    });
    const ready = report([
      result('dns:api.zaptec.com', 'pass', 'ok'),
      skipped('wifi', 'WIFI_NO_SSID'),
      skipped('dhcp', 'DHCP_STATIC'),
    ]);
    const out = renderTerminal(ready, plain, { env: {} });
    expect(out).toMatch(/^READY \(not checked: Wi-Fi, DHCP\) {2}2 skipped, 1 passed/m);
    const it = renderTerminal(ready, plain, { env: {}, lang: 'it' });
    expect(it).toContain('(non verificato: Wi-Fi, DHCP)');
  });

  it('says INTERRUPTED for an interrupted run', () => {
    const out = renderTerminal(
      report([result('dns:a', 'pass', 'ok'), result('dns:b', 'skip', 'not finished')], {
        interrupted: true,
        verdict: 'not-ready',
      }),
      plain,
      { env: {} },
    );
    expect(out).toMatch(/^INTERRUPTED/m);
    expect(out).toContain('interrupted');
  });

  it('prints a summary carrying a terminal escape from the network escaped, not raw', () => {
    const evil = report([
      result('tls:api.zaptec.com:443', 'fail', `issued by ${ESC}[31mEvil CA${ESC}]0;pwned\u0007`),
    ]);
    evil.site = `Garage${ESC}[2J`;
    const out = renderTerminal(evil, plain, { env: {} });
    expect(out).not.toContain(ESC);
    expect(out).not.toContain('\u0007');
    expect(out).toContain('issued by \\x1b[31mEvil CA\\x1b]0;pwned\\x07');
    expect(out).toContain('Garage\\x1b[2J');
  });

  it('numbers the remediation once per text, IT first, then the installer', () => {
    const out = renderTerminal(failing, plain, { env: {} });
    const lines = out.split('\n');
    const itHeader = lines.findIndex((l) => /\bIT\b/.test(l) && l.endsWith(':'));
    const installerHeader = lines.findIndex((l) => /installer/i.test(l) && l.endsWith(':'));
    expect(itHeader).toBeGreaterThan(0);
    expect(installerHeader).toBeGreaterThan(itHeader);
    expect(lines.filter((l) => l.includes(IT_8883.text))).toHaveLength(1);
    expect(lines[itHeader + 1]).toBe(`  1. ${IT_8883.text}`);
    expect(lines[itHeader + 2]).toBe(`  2. ${IT_123.text}`);
    expect(lines[installerHeader + 1]).toBe(`  3. ${INSTALLER.text}`);
  });

  it('lists what could not be checked, but not what was skipped because of another failure', () => {
    const out = renderTerminal(
      report([
        {
          ...result('env:route', 'skip', 'Could not tell whether this network gives IPv4'),
          cause: 'ENV_UNKNOWN',
        },
        { ...result('tls:x:443', 'skip', 'not tested'), cause: 'SKIPPED' },
      ]),
      plain,
      { env: {} },
    );
    const notChecked = out.slice(out.indexOf('Not checked:'));
    expect(notChecked).toContain('env:route');
    expect(notChecked).not.toContain('tls:x:443');
  });
});

describe('remediationList', () => {
  it('orders failures before warnings, dedupes by text, splits by audience, ignores passes', () => {
    const list = remediationList([
      result('ntp', 'warn', 'w', [IT_123, INSTALLER]),
      result('tcp', 'fail', 'f', [IT_8883]),
      result('tls', 'error', 'e', [IT_8883, INSTALLER]),
      result('dns', 'pass', 'p', [{ audience: 'it', text: 'never shown' }]),
    ]);
    expect(list).toEqual({ it: [IT_8883.text, IT_123.text], installer: [INSTALLER.text] });
  });
});

describe('colorLevel', () => {
  it('honours NO_COLOR over everything, and FORCE_COLOR over the stream', () => {
    expect(colorLevel({ ...plain, isTTY: true }, { NO_COLOR: '1' })).toBe(0);
    expect(colorLevel({ ...plain, isTTY: true }, { NO_COLOR: '' })).toBe(2);
    expect(colorLevel(plain, { FORCE_COLOR: '1' })).toBe(1);
    expect(colorLevel(plain, { FORCE_COLOR: '3' })).toBe(3);
    expect(colorLevel({ ...plain, isTTY: true }, { FORCE_COLOR: '0' })).toBe(0);
  });

  it('colours a TTY only, and not a dumb terminal', () => {
    expect(colorLevel(plain, {})).toBe(0);
    expect(colorLevel({ ...plain, isTTY: true }, {})).toBe(2);
    expect(colorLevel({ ...plain, isTTY: true }, { COLORTERM: 'truecolor' })).toBe(3);
    expect(colorLevel({ ...plain, isTTY: true }, { TERM: 'dumb' })).toBe(0);
  });
});

describe('escapeForTerminal', () => {
  it('makes C0, DEL, C1, newlines and bidi overrides visible', () => {
    expect(escapeForTerminal(`a${ESC}[31mb`)).toBe('a\\x1b[31mb');
    expect(escapeForTerminal('a\u009b2Jb')).toBe('a\\x9b2Jb');
    expect(escapeForTerminal('line1\nline2\tx\u007f')).toBe('line1\\x0aline2\\x09x\\x7f');
    expect(escapeForTerminal('moc.\u202eexe')).toBe('moc.<U+202E>exe');
  });

  it('leaves ordinary text alone', () => {
    const s = 'Garage Nord ✔ Bærum — zapcloud.azure-devices.net:8883 (åpen)';
    expect(escapeForTerminal(s)).toBe(s);
  });
});
