import { describe, expect, it } from 'vitest';
import type { CheckResult, Status } from '../../src/core/result.js';
import { createTranslator } from '../../src/i18n/index.js';
import {
  formatOffset,
  judgeRequirement,
  requirementRows,
  requirementVerdicts,
} from '../../src/report/requirements.js';

/**
 * The rule for a requirement's row, on its own: hand-made results (the shape the runner produces, a skip
 * carrying evidence.blockedBy), no network.
 */

function check(
  id: string,
  status: Status,
  cause = status === 'pass' ? 'OK' : 'X',
  extra: Partial<CheckResult> = {},
): CheckResult {
  const [kind = '', host, port] = id.split(':');
  return {
    id,
    kind,
    title: id,
    target: {
      ...(host !== undefined ? { host } : {}),
      ...(port !== undefined ? { port: Number(port) } : {}),
    },
    status,
    cause,
    summary: `${id} ${status}`,
    evidence: {},
    remediation: [],
    durationMs: 1,
    ...extra,
  };
}
const skippedBy = (id: string, blocker: string): CheckResult =>
  check(id, 'skip', 'SKIPPED', { evidence: { blockedBy: blocker, rootCause: 'X' } });

const en = createTranslator('en');
const it_ = createTranslator('it');
const HUB = 'zapcloud.azure-devices.net';
const API = 'api.zaptec.com';

describe('judgeRequirement', () => {
  it('fails when one of its own checks failed, naming no other requirement', () => {
    const checks = [check(`tcp:${API}:443`, 'fail', 'TCP_DROPPED'), check(`https:x:443`, 'pass')];
    expect(judgeRequirement('R6', checks)).toMatchObject({
      status: 'fail',
      cause: 'TCP_DROPPED',
      because: null,
    });
  });

  it('fails "because of R4" when its check was skipped behind a failed TLS check (not "not checked")', () => {
    const checks = [
      check(`tcp:${API}:443`, 'pass'),
      check(`tls:${API}:443`, 'fail', 'TLS_INTERCEPTED', {
        evidence: { interception: { product: 'Fortinet FortiGate', issuer: 'FortiGate CA' } },
      }),
      skippedBy(`https:${API}:443`, `tls:${API}:443`),
    ];
    const j = judgeRequirement('R6', checks);
    expect(j).toMatchObject({ status: 'fail', cause: 'TLS_INTERCEPTED', because: 'R4' });
    const row = requirementRows({ checks }, en).find((r) => r.id === 'R6')!;
    expect(row.summary).toBe('fails because of R4: TLS is intercepted by Fortinet FortiGate');
    const riga = requirementRows({ checks }, it_).find((r) => r.id === 'R6')!;
    expect(riga.summary).toBe('non superato a causa di R4: il TLS è intercettato da Fortinet FortiGate');
    // R4 itself fails with its own check.
    expect(judgeRequirement('R4', checks)).toMatchObject({ status: 'fail', because: null });
  });

  it('follows a chain of skips to the check that failed (DNS -> TCP -> TLS -> HTTPS)', () => {
    const checks = [
      check(`dns:${API}`, 'fail', 'DNS_NXDOMAIN'),
      skippedBy(`tcp:${API}:443`, `dns:${API}`),
      skippedBy(`tls:${API}:443`, `tcp:${API}:443`),
      skippedBy(`https:${API}:443`, `tls:${API}:443`),
    ];
    expect(judgeRequirement('R6', checks)).toMatchObject({
      status: 'fail',
      because: 'R8',
      cause: 'DNS_NXDOMAIN',
    });
    expect(judgeRequirement('R4', checks)).toMatchObject({ status: 'fail', because: 'R8' });
    expect(requirementRows({ checks }, en).find((r) => r.id === 'R4')!.summary).toBe(
      'fails because of R8: api.zaptec.com does not resolve (DNS_NXDOMAIN)',
    );
  });

  it('a TLS failure on 8883 fails R7 because of R4, and a dropped 8883 fails R4 because of R7', () => {
    const intercepted = [check(`tcp:${HUB}:8883`, 'pass'), check(`tls:${HUB}:8883`, 'fail', 'TLS_EXPIRED')];
    expect(judgeRequirement('R7', intercepted)).toMatchObject({ status: 'fail', because: 'R4' });
    const dropped = [
      check(`tcp:${HUB}:8883`, 'fail', 'TCP_DROPPED'),
      skippedBy(`tls:${HUB}:8883`, `tcp:${HUB}:8883`),
    ];
    expect(judgeRequirement('R4', dropped)).toMatchObject({ status: 'fail', because: 'R7' });
    expect(judgeRequirement('R7', dropped)).toMatchObject({ status: 'fail', because: null });
  });

  it('names every upstream requirement when several are at fault', () => {
    const checks = [
      check(`tcp:${HUB}:8883`, 'fail', 'TCP_DROPPED'),
      skippedBy(`tls:${HUB}:8883`, `tcp:${HUB}:8883`),
      check(`tcp:${API}:443`, 'fail', 'TCP_DROPPED'),
      skippedBy(`tls:${API}:443`, `tcp:${API}:443`),
    ];
    expect(requirementRows({ checks }, en).find((r) => r.id === 'R4')!.summary).toBe(
      `fails because of R7: TCP 8883 to ${HUB} does not connect (TCP_DROPPED); R6: TCP 443 to ${API} does not connect (TCP_DROPPED)`,
    );
  });

  it('a failure outranks a warning and an error; a warning outranks "not checked"', () => {
    const a = [
      check('dns:a', 'warn', 'DNS_PARTIAL'),
      check('dns:b', 'fail', 'DNS_NXDOMAIN'),
      check('dns:c', 'error', 'E'),
    ];
    expect(judgeRequirement('R8', a).status).toBe('fail');
    expect(
      judgeRequirement('R8', [check('dns:a', 'warn', 'DNS_PARTIAL'), check('dns:b', 'pass')]),
    ).toMatchObject({
      status: 'warn',
      cause: 'DNS_PARTIAL',
    });
    expect(
      judgeRequirement('R8', [check('dns:a', 'pass'), check('dns:b', 'error', 'GUARD_BLOCKED')]).status,
    ).toBe('error');
  });

  it("a skip behind an optional endpoint's softened failure warns, naming the requirement", () => {
    const checks = [
      check(`tls:${API}:443`, 'warn', 'TLS_UNTRUSTED', { evidence: { optionalFailure: true } }),
      skippedBy(`https:${API}:443`, `tls:${API}:443`),
      check(`tcp:${API}:443`, 'pass'),
    ];
    expect(judgeRequirement('R6', checks)).toMatchObject({ status: 'warn', because: 'R4' });
    expect(requirementRows({ checks }, en).find((r) => r.id === 'R6')!.summary).toMatch(
      /^warning because of R4: /,
    );
  });

  it('is "not checked" only when nothing could test it, and says what would', () => {
    const wifi = check('wifi', 'skip', 'WIFI_NO_SCAN', {
      summary: 'no Wi-Fi scan available in this run',
      remediation: [{ audience: 'installer', text: 'Run zapcheck wifi on a laptop with Wi-Fi.' }],
    });
    const rows = requirementRows({ checks: [wifi, check('dhcp', 'skip', 'NOT_AVAILABLE')] }, en);
    expect(rows[0]).toMatchObject({ id: 'R1', status: 'skip', cause: 'WIFI_NO_SCAN', because: null });
    expect(rows[0]!.summary).toBe(
      'no Wi-Fi scan available in this run. Run zapcheck wifi on a laptop with Wi-Fi.',
    );
    expect(rows[1]!.summary).toContain('on a laptop joined to the site network');
    // No check at all for a requirement: not checked, never pass.
    expect(rows.find((r) => r.id === 'R5')).toMatchObject({ status: 'skip', cause: 'NOT_CHECKED' });
  });

  it('R1 is "not checked" when the wifi check passed without a site network named', () => {
    const unnamed = check('wifi', 'pass');
    expect(judgeRequirement('R1', [unnamed])).toMatchObject({ status: 'skip', cause: 'WIFI_NO_SSID' });
    expect(requirementRows({ checks: [unnamed] }, en)[0]!.summary).toContain('no site network was named');
    const named = check('wifi', 'pass', 'OK', { target: { host: 'Garage', protocol: '802.11' } });
    expect(judgeRequirement('R1', [named]).status).toBe('pass');
  });

  it('R7 passes only on an MQTT CONNACK: TLS verified without MQTT is "not checked"', () => {
    const tls = [check(`tcp:${HUB}:8883`, 'pass'), check(`tls:${HUB}:8883`, 'pass')];
    expect(judgeRequirement('R7', tls)).toMatchObject({ status: 'skip', cause: 'MQTT_NOT_TRIED' });
    expect(requirementRows({ checks: tls }, en).find((r) => r.id === 'R7')!.summary).toMatch(
      /^TLS verified, MQTT not tried/,
    );
    expect(requirementRows({ checks: tls }, it_).find((r) => r.id === 'R7')!.summary).toMatch(
      /^TLS verificato, MQTT non provato/,
    );
    // The probe switched off shows up as a skipped mqtt check (not behind a failure): the same words.
    const off = [...tls, check(`mqtt:${HUB}:8883`, 'skip', 'MQTT_OFF')];
    expect(judgeRequirement('R7', off)).toMatchObject({ status: 'skip', cause: 'MQTT_NOT_TRIED' });
    const withMqtt = [...tls, check(`mqtt:${HUB}:8883`, 'pass')];
    expect(judgeRequirement('R7', withMqtt).status).toBe('pass');
    const mqttFailed = [...tls, check(`mqtt:${HUB}:8883`, 'fail', 'MQTT_NO_CONNACK')];
    expect(judgeRequirement('R7', mqttFailed)).toMatchObject({ status: 'fail', because: null });
  });

  it('passes only when every check ran and passed, and says what holds in words', () => {
    const checks = [
      check(`tcp:a:443`, 'pass'),
      check(`tcp:b:443`, 'pass'),
      check(`https:a:443`, 'pass'),
      check(`https:b:443`, 'pass'),
      check('ntp:n:123', 'pass', 'OK', { evidence: { offsetMs: -2 } }),
      check('dns:a', 'pass'),
      check('dns:b', 'pass'),
      check('tls:a:443', 'pass'),
    ];
    const rows = requirementRows({ checks }, en);
    const by = (id: string) => rows.find((r) => r.id === id)!;
    expect(by('R6')).toMatchObject({
      status: 'pass',
      summary: 'TCP 443 connects to all 2 hosts and each answers HTTPS',
    });
    expect(by('R5').summary).toBe('NTP answers, clock 2 ms off');
    expect(by('R8').summary).toBe('all 2 cloud hosts resolve');
    expect(by('R4').summary).toBe('all 1 TLS connections work and nobody intercepts them');
    // One check not run (skipped behind a pass cannot happen; a not-available skip can): not a pass.
    const partly = [...checks, check('https:c:443', 'skip', 'NOT_AVAILABLE')];
    expect(judgeRequirement('R6', partly).status).toBe('skip');
  });

  it('R3 and R9 are information; the JSON verdicts carry id, status, cause, because, summary only', () => {
    const v = requirementVerdicts(requirementRows({ checks: [] }, en, { budgetDetail: 'About 2 GB' }));
    expect(v.find((r) => r.id === 'R3')).toEqual({
      id: 'R3',
      status: 'info',
      cause: 'INFO',
      because: null,
      summary: 'About 2 GB',
    });
    expect(Object.keys(v[0]!)).toEqual(['id', 'status', 'cause', 'because', 'summary']);
    expect(v.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9']);
  });

  it('formats a clock offset in words', () => {
    expect(formatOffset(-2)).toBe('2 ms');
    expect(formatOffset(1400)).toBe('1.4 s');
    expect(formatOffset(600_000)).toBe('10 min');
    expect(formatOffset(1400, createTranslator('it'))).toBe('1,4 s');
  });

  it("R1 follows the site's Wi-Fi survey: the weakest spot is named, a failing spot fails R1", () => {
    const spot = (name: string, dbm: number, status: Status) => ({
      spot: name,
      takenAt: '2026-12-01T09:30:00.000Z',
      ssid: 'Garage',
      bssid: null,
      channel: 6,
      band: '2.4' as const,
      samples: [dbm],
      minDbm: dbm,
      medianDbm: dbm,
      status,
      cause: status === 'pass' ? 'OK' : 'WIFI_WEAK_SIGNAL',
      summary: 's',
      remediation: [],
    });
    const noScan = check('wifi', 'skip', 'WIFI_NO_SCAN');
    const good = requirementRows(
      { checks: [noScan], survey: [spot('Bay 1', -50, 'pass'), spot('Bay 2', -60, 'pass')] },
      en,
    );
    expect(good[0]).toMatchObject({
      status: 'pass',
      cause: 'OK',
      summary: '2 spots surveyed, the weakest "Bay 2" at -60 dBm',
    });
    const bad = requirementRows(
      {
        checks: [noScan],
        survey: [spot('Bay 1', -46, 'pass'), spot('Bay 2', -73, 'warn'), spot('Bay 3', -82, 'fail')],
      },
      it_,
    );
    expect(bad[0]).toMatchObject({ status: 'fail', cause: 'WIFI_WEAK_SIGNAL', because: null });
    expect(bad[0]!.summary).toBe(
      'punto più debole "Bay 3": -82 dBm (WIFI_WEAK_SIGNAL); Aggiungere un access point o avvicinare quello esistente a Bay 3.',
    );
    // A wifi check that found worse than the survey still decides.
    const failing = check('wifi', 'fail', 'WIFI_CHANNEL_OUT_OF_RANGE', { target: { host: 'Garage' } });
    expect(requirementRows({ checks: [failing], survey: [spot('Bay 1', -50, 'pass')] }, en)[0]).toMatchObject(
      {
        status: 'fail',
        cause: 'WIFI_CHANNEL_OUT_OF_RANGE',
      },
    );
  });
});
