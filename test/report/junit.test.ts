import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/report/junit.js';
import { FIXTURES, HOSTILE, fixture, withChecks } from './helpers.js';

/**
 * JUnit output validated against a JUnit XML schema (fixtures/junit.xsd) with xmllint (Debian package
 * libxml2-utils). Without xmllint the schema test says so loudly and skips.
 */

const run = promisify(execFile);
const XSD = path.join(FIXTURES, 'junit.xsd');

async function hasXmllint(): Promise<boolean> {
  try {
    await run('xmllint', ['--version']);
    return true;
  } catch {
    return false;
  }
}
const xmllint = await hasXmllint();
if (!xmllint) {
  process.stderr.write(
    '\n!!! test/report/junit.test.ts: xmllint not found: the JUnit schema test is SKIPPED. Install Debian package libxml2-utils.\n\n',
  );
}

describe('JUnit report', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-junit-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const hostile = withChecks(fixture('lab-tls-intercepted.json'), (cs) => {
    cs[0]!.summary = `summary ${HOSTILE} \u0000\u0007 ]]>`;
    cs[0]!.status = 'error';
    cs[0]!.cause = 'INTERNAL_ERROR';
    return cs;
  });
  const cases = {
    healthy: [fixture('lab-healthy.json')],
    'tls-intercepted': [fixture('lab-tls-intercepted.json')],
    'dns-servfail (Italian)': [fixture('lab-dns-servfail.it.json')],
    'two reports': [fixture('lab-healthy.json'), fixture('lab-tcp-8883-dropped.json')],
    'hostile text': [hostile],
  };

  for (const [name, reports] of Object.entries(cases)) {
    it.skipIf(!xmllint)(`validates against the JUnit schema: ${name}`, async () => {
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.xml`);
      writeFileSync(file, renderJunit(reports, { lang: 'en' }));
      const { stderr } = await run('xmllint', ['--noout', '--schema', XSD, file]);
      expect(stderr).toContain('validates');
    });
  }

  it('a schema violation is caught (the schema test can fail)', async () => {
    if (!xmllint) return;
    const file = path.join(dir, 'bad.xml');
    writeFileSync(
      file,
      renderJunit([fixture('lab-healthy.json')], { lang: 'en' }).replace(/ hostname="[^"]*"/, ''),
    );
    await expect(run('xmllint', ['--noout', '--schema', XSD, file])).rejects.toThrow(/hostname/);
  });

  it('one testcase per check; failures carry cause and remediation', () => {
    const report = fixture('lab-tls-intercepted.json');
    const xml = renderJunit([report], { lang: 'en' });
    expect(xml.match(/<testcase /g)).toHaveLength(report.checks.length);
    expect(xml).toMatch(/tests="21" failures="4" errors="0" skipped="5"/);
    const failure =
      /<testcase name="tls:api\.zaptec\.com:443"[^>]*>\s*<failure message="([^"]*)" type="TLS_INTERCEPTED">([^<]*)<\/failure>/.exec(
        xml,
      );
    expect(failure?.[1]).toContain('intercepted by Fortinet FortiGate');
    expect(failure?.[2]).toContain('TLS_INTERCEPTED: TLS to api.zaptec.com:443 is intercepted');
    expect(failure?.[2]).toContain(
      'For the site’s IT: Turn off TLS inspection (decryption) for api.zaptec.com port 443',
    );
  });

  it("carries the handover's R1-R9 rows as properties, the same words as the page, in both languages", () => {
    const report = fixture('lab-tls-intercepted.json');
    const xml = renderJunit([report], { lang: 'en' });
    expect(xml).toContain(
      '<property name="requirement.R6" value="fail: fails because of R4: TLS is intercepted by Fortinet FortiGate"/>',
    );
    expect(xml).toMatch(
      /<property name="requirement.R4" value="fail: TLS is intercepted by Fortinet FortiGate"\/>/,
    );
    expect(xml.match(/<property name="requirement\.R\d"/g)).toHaveLength(9);
    const italian = renderJunit([fixture('lab-tls-intercepted.it.json')], { lang: 'it' });
    expect(italian).toContain(
      '<property name="requirement.R7" value="fail: non superato a causa di R4: il TLS è intercettato da Fortinet FortiGate"/>',
    );
  });

  it('escapes what came from the network; a warning passes unless the run was strict', () => {
    const xml = renderJunit([hostile], { lang: 'en' });
    expect(xml).not.toContain('<img');
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;\\x1b[31m&amp;&lt;U+202E&gt;&quot;&#39;');
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u001b]/);
    const warned = withChecks(fixture('lab-healthy.json'), (cs) => {
      cs[0]!.status = 'warn';
      return cs;
    });
    expect(renderJunit([warned], { lang: 'en' })).toMatch(/failures="0"/);
    expect(renderJunit([{ ...warned, strict: true }], { lang: 'en' })).toMatch(/failures="1"/);
  });
});
