import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../src/core/report-shape.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../src/schemas/report.schema.json', import.meta.url), 'utf8'),
) as unknown;

describe('report shape: one definition', () => {
  it('the shipped report.schema.json is the one generated from src/core/report-shape.ts (run `npm run schema`)', () => {
    expect(shipped).toEqual(reportJsonSchema());
  });
});
