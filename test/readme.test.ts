import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_SCENARIOS } from '../src/lab/index.js';
import { ROOT } from './helpers/cli.js';

/** The README is part of the product: its scenario table and set-up commands must stay true. */
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('shows the two set-up commands: the lab run and the tests', () => {
    expect(readme).toContain('npm ci && npm run build && npx zapcheck site --lab');
    expect(readme).toContain('npm ci && npm test');
  });

  it('lists every lab scenario with what the network does and the verdict', () => {
    for (const s of LAB_SCENARIOS) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${s.name}\``));
      expect(row, `README row for ${s.name}`).toBeDefined();
      expect(row).toContain(s.network);
      expect(row).toContain(s.verdict);
    }
  });
});
