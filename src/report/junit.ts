import type { CheckResult, Report, SurveySpot } from '../core/result.js';
import { notCheckedLabels } from '../core/result.js';
import { createTranslator, type Translate } from '../i18n/index.js';
import { buildHandover, type RenderOptions } from './handover.js';
import { escapeMarkup as x } from './markup.js';

/**
 * JUnit XML for CI: one <testsuite> per report, one <testcase> per check (name = the check id, stable
 * across runs; classname = zapcheck.<kind>). fail -> <failure type=CAUSE>, error -> <error>, skip ->
 * <skipped>; a warning passes (with its summary in <system-out>) unless the run was --strict. The body of
 * a failure carries the cause and the remediation. Follows the common Ant/Jenkins schema (test fixture
 * test/report/fixtures/junit.xsd, after windyroad/JUnit-Schema): timestamps without a zone (UTC here),
 * properties (the R1-R9 rows as requirement.R<n> = "<status>: <detail>"), system-out and system-err
 * present on every suite.
 */

const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);

function failureBody(c: CheckResult, t: Translate): string {
  const lines = [`${c.cause}: ${c.summary}`];
  for (const r of c.remediation) {
    lines.push(`${r.audience === 'it' ? t('report.fix.it') : t('report.fix.installer')}: ${r.text}`);
  }
  return lines.join('\n');
}

function testcase(c: CheckResult, report: Report, t: Translate): string {
  const head = `    <testcase name="${x(c.id)}" classname="zapcheck.${x(c.kind)}" time="${seconds(c.durationMs)}"`;
  const failing = c.status === 'fail' || (c.status === 'warn' && report.strict);
  if (failing) {
    return `${head}>\n      <failure message="${x(c.summary)}" type="${x(c.cause)}">${x(failureBody(c, t))}</failure>\n    </testcase>`;
  }
  if (c.status === 'error') {
    return `${head}>\n      <error message="${x(c.summary)}" type="${x(c.cause)}">${x(failureBody(c, t))}</error>\n    </testcase>`;
  }
  if (c.status === 'skip') return `${head}>\n      <skipped message="${x(c.summary)}"/>\n    </testcase>`;
  if (c.status === 'warn') {
    return `${head}>\n      <system-out>${x(`${t('status.warn')}: ${failureBody(c, t)}`)}</system-out>\n    </testcase>`;
  }
  return `${head}/>`;
}

/** One survey spot as a testcase (name survey:<spot>, classname zapcheck.survey), judged like a check. */
function spotCase(s: SurveySpot, report: Report, t: Translate): string {
  const dbm = s.medianDbm === null ? t('survey.notseen') : `${s.medianDbm} dBm`;
  const summary = `${s.spot}: ${dbm}, ${s.summary}`;
  return testcase(
    {
      id: `survey:${s.spot}`,
      kind: 'survey',
      title: s.spot,
      target: { host: s.ssid, protocol: '802.11' },
      status: s.status,
      cause: s.cause,
      summary,
      evidence: {},
      remediation: s.remediation,
      durationMs: 0,
    },
    report,
    t,
  );
}

function suite(report: Report, id: number, t: Translate, opts: RenderOptions): string {
  const spots = report.survey ?? [];
  const failures = [...report.checks, ...spots].filter(
    (c) => c.status === 'fail' || (c.status === 'warn' && report.strict),
  ).length;
  const errors = report.checks.filter((c) => c.status === 'error').length;
  const skipped = report.checks.filter((c) => c.status === 'skip').length;
  const timestamp = new Date(report.startedAt).toISOString().slice(0, 19);
  const props: [string, string][] = [
    ['site', report.site],
    ['profile', report.profile],
    ['verdict', report.verdict],
    ['notChecked', notCheckedLabels(report.checks).join(', ')],
    ['interrupted', String(report.interrupted)],
    ['strict', String(report.strict)],
    ['mode', report.environment.mode],
    ['labScenario', report.environment.labScenario ?? ''],
    ['zapcheck.version', report.tool.version],
    ['schemaVersion', String(report.schemaVersion)],
    // The handover's R1-R9 rows, the same words: "fail: fails because of R4: TLS is intercepted ...".
    ...buildHandover(report, opts).rows.map((r): [string, string] => [
      `requirement.${r.id}`,
      `${r.status}: ${r.summary}`,
    ]),
    // The site's Wi-Fi survey: survey.<spot> = "<status>: <median> dBm".
    ...spots.map((s): [string, string] => [
      `survey.${s.spot}`,
      `${s.status}: ${s.medianDbm === null ? t('survey.notseen') : `${s.medianDbm} dBm`}`,
    ]),
  ];
  const lines = [
    `  <testsuite name="${x(`zapcheck ${report.site}`)}" package="zapcheck" id="${id}" timestamp="${timestamp}" hostname="localhost" tests="${report.checks.length + spots.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(report.durationMs)}">`,
    '    <properties>',
    ...props.map(([k, v]) => `      <property name="${x(k)}" value="${x(v)}"/>`),
    '    </properties>',
    ...report.checks.map((c) => testcase(c, report, t)),
    ...(report.survey ?? []).map((s) => spotCase(s, report, t)),
    '    <system-out/>',
    '    <system-err/>',
    '  </testsuite>',
  ];
  return lines.join('\n');
}

export function renderJunit(reports: readonly Report[], opts: RenderOptions): string {
  const t = createTranslator(opts.lang);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${reports.map((r, i) => suite(r, i, t, opts)).join('\n')}\n</testsuites>\n`;
}
