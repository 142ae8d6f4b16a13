import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { LAB_SCENARIOS } from '../../src/lab/index.js';
import type { Report } from '../../src/core/result.js';
import { createTranslator } from '../../src/i18n/index.js';
import { renderHtml } from '../../src/report/html.js';
import { escapeMarkdown, renderMarkdown } from '../../src/report/markdown.js';
import { escapeMarkup } from '../../src/report/markup.js';
import { requirementRows } from '../../src/report/requirements.js';
import { renderText } from '../../src/report/text.js';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * The whole product as a user runs it: `zapcheck site --lab <scenario> --json -` for every lab
 * scenario, asserting the status and cause of every check the scenario names (and pass for the
 * rest), the exit code, and that the JSON validates against the schema that ships in the package.
 */

const schema = JSON.parse(readFileSync(path.join(ROOT, 'src/schemas/report.schema.json'), 'utf8')) as object;
const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);

function parseReport(stdout: string): Report {
  const report = JSON.parse(stdout) as Report;
  if (!validate(report)) throw new Error(`schema: ${JSON.stringify(validate.errors, null, 2)}`);
  return report;
}

/**
 * The handover's R1-R9 rows each scenario must get: `R6=fail<R4` is "fail, because of R4". Rows not named
 * are: R1 and R2 not checked (the lab has no Wi-Fi scan or DHCP facts), R3 and R9 information, every
 * other row pass (R7 included: the MQTT CONNECT is sent by default).
 */
const ROWS: Record<string, string> = {
  healthy: '',
  'dns-nxdomain': 'R4=fail<R8 R6=fail<R8 R8=fail',
  'dns-sinkhole': 'R4=fail<R8 R7=fail<R8 R8=fail',
  'dns-servfail': 'R4=fail<R8 R5=fail<R8 R6=fail<R8 R7=fail<R8 R8=fail',
  'dns-timeout': 'R4=fail<R8 R5=fail<R8 R6=fail<R8 R7=fail<R8 R8=fail',
  'dns-filtered': 'R4=fail<R8 R7=fail<R8 R8=fail',
  'dns-private-answer': 'R4=fail<R8 R6=fail<R8 R8=fail',
  'dns-hijack-portal': 'R4=fail<R8 R5=fail<R8 R6=fail<R8 R7=fail<R8 R8=fail',
  'dns-ipv6-only': 'R4=fail<R8 R6=fail<R8 R8=fail',
  'dns-second-refused': 'R8=warn',
  'dhcp-no-dns': 'R4=fail<R8 R5=fail<R8 R6=fail<R8 R7=fail<R8 R8=fail',
  'dhcp-no-router': 'R4=fail<R7 R5=fail R6=fail R7=fail',
  'route-unreadable': '',
  'dns-outside-lab': 'R4=error<R6 R6=error',
  'ntp-blocked': 'R5=fail',
  'ntp-kod': 'R5=fail',
  'ntp-unsynchronised': 'R5=fail',
  'ntp-bad-reply': 'R5=fail',
  'clock-skew': 'R5=fail',
  'tcp-8883-refused': 'R4=fail<R7 R7=fail',
  'tcp-8883-dropped': 'R4=fail<R7 R7=fail',
  'tcp-443-dropped': 'R4=fail<R6 R6=fail',
  'tcp-all-dropped': 'R4=fail<R7 R6=fail R7=fail',
  'tls-intercepted': 'R4=fail R6=fail<R4 R7=fail<R4',
  'tls-expired': 'R4=fail R7=fail<R4',
  'tls-not-yet-valid': 'R4=fail R7=fail<R4',
  'tls-expired-intermediate': 'R4=fail R7=fail<R4',
  'tls-leaf-only': 'R4=fail R6=fail<R4',
  'tls-wrong-host': 'R4=fail R6=fail<R4',
  'tls-self-signed': 'R4=fail R6=fail<R4',
  'tls-1.3-only': 'R4=fail R7=fail<R4',
  'tls-1.0-only': 'R4=fail R7=fail<R4',
  'tls-sni-filtered': 'R4=fail R7=fail<R4',
  'tls-mtu-blackhole': 'R4=fail R6=fail<R4 R7=fail<R4',
  'tls-alert': 'R4=fail R7=fail<R4',
  'tls-reset': 'R4=fail R7=fail<R4',
  'https-captive-portal': 'R6=fail',
  'https-proxy-required': 'R6=fail',
  'https-not-http': 'R6=fail',
  'https-silent': 'R6=fail',
  'mqtt-not-mqtt': 'R7=fail',
};

function expectedRows(
  scenario: string,
  mqtt: boolean,
): Record<string, { status: string; because: string | null }> {
  const rows: Record<string, { status: string; because: string | null }> = {};
  for (const id of ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9']) {
    const status =
      id === 'R1' || id === 'R2' || (id === 'R7' && !mqtt) ? 'skip' : /R[39]/.test(id) ? 'info' : 'pass';
    rows[id] = { status, because: null };
  }
  for (const m of (ROWS[scenario] ?? '').matchAll(/(R\d)=(\w+)(?:<(R\d))?/g)) {
    rows[m[1]!] = { status: m[2]!, because: m[3] ?? null };
  }
  return rows;
}

/** The rows in JSON, and the same words in Italian, HTML, Markdown and text. */
function expectRows(report: Report, scenario: string, mqtt: boolean): void {
  const want = expectedRows(scenario, mqtt);
  const got = Object.fromEntries(
    (report.requirements ?? []).map((r) => [r.id, { status: r.status, because: r.because }]),
  );
  expect(got).toEqual(want);
  const html = { en: renderHtml([report], { lang: 'en' }), it: renderHtml([report], { lang: 'it' }) };
  for (const lang of ['en', 'it'] as const) {
    const rows = requirementRows(report, createTranslator(lang));
    expect(Object.fromEntries(rows.map((r) => [r.id, { status: r.status, because: r.because }]))).toEqual(
      want,
    );
    const md = renderMarkdown([report], { lang });
    const text = renderText([report], { lang }).replace(/\s+/g, ' ');
    for (const r of rows) {
      if (r.because)
        expect(r.summary).toMatch(lang === 'en' ? `because of ${r.because}: ` : `a causa di ${r.because}: `);
      const attrs = `id="req-${r.id}" data-status="${r.status}" data-cause="${r.cause}"${r.because ? ` data-because="${r.because}"` : ''}`;
      expect(html[lang]).toContain(`<tr ${attrs}>`);
      expect(html[lang]).toContain(`<td class="detail">${escapeMarkup(r.summary)}</td>`);
      expect(md).toContain(`| ${r.id} | ${escapeMarkdown(r.text)} |`);
      expect(md).toContain(`${escapeMarkdown(r.summary)} |`);
      expect(text).toContain(r.summary.replace(/\s+/g, ' '));
    }
    if (lang === 'en') {
      for (const r of report.requirements ?? [])
        expect(rows.find((x) => x.id === r.id)?.summary).toBe(r.summary);
    }
  }
}

describe('zapcheck site --lab <scenario>', () => {
  for (const scenario of LAB_SCENARIOS) {
    it(`${scenario.name}: ${scenario.verdict}`, async () => {
      const args = ['site', 'Lab test', '--lab', scenario.name, '--json', '-'];
      const run = await runCli(args);
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // never a stack trace
      const report = parseReport(run.stdout);
      expect(report.environment.mode).toBe('lab');
      expect(report.environment.labScenario).toBe(scenario.name);

      const byId = new Map(report.checks.map((c) => [c.id, c]));
      for (const e of scenario.expect) {
        const got = byId.get(e.id);
        expect(got, `check ${e.id} is in the report`).toBeDefined();
        expect({ id: e.id, status: got?.status, cause: got?.cause }).toEqual({
          id: e.id,
          status: e.status,
          cause: e.cause,
        });
      }
      const named = new Set(scenario.expect.map((e) => e.id));
      for (const c of report.checks) {
        if (named.has(c.id) || c.kind === 'wifi' || c.kind === 'dhcp') continue;
        expect({ id: c.id, status: c.status, cause: c.cause }).toEqual({
          id: c.id,
          status: 'pass',
          cause: 'OK',
        });
      }
      const failing = report.checks.some((c) => c.status === 'fail');
      const broken = report.checks.some((c) => c.status === 'error');
      expect(report.verdict).toBe(failing || broken ? 'not-ready' : 'ready');
      // 1 not ready; 3 when only zapcheck's own refusal stands in the way (its guard); 0 ready.
      expect(run.code).toBe(failing ? 1 : broken ? 3 : 0);
      const planned = scenario.expect.map((e) => e.status);
      expect(planned.includes('fail') ? 1 : planned.includes('error') ? 3 : 0).toBe(run.code);
      expect(Object.keys(ROWS)).toContain(scenario.name);
      // The MQTT CONNECT is sent by default: R7 is judged on the CONNACK in every scenario.
      expectRows(report, scenario.name, true);
    });
  }
});
