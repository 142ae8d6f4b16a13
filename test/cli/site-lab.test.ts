import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { LAB_SCENARIOS } from '../../src/lab/index.js';
import type { Report } from '../../src/core/result.js';
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
      expect(report.verdict).toBe(failing ? 'not-ready' : 'ready');
      expect(run.code).toBe(failing ? 1 : 0);
      expect(scenario.name === 'healthy' ? 0 : 1).toBe(run.code);
    });
  }
});
