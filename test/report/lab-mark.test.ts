import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/result.js';
import { renderReport } from '../../src/report/index.js';
import { fixture } from './helpers.js';

/**
 * A lab run must never read as the real site's verdict: every report format says LAB where the verdict
 * is (`sites` and `history` are tested in test/history/cli.test.ts); a real run says nothing of the kind.
 */

const lab = fixture('lab-tls-intercepted.json');
const real: Report = { ...lab, environment: { ...lab.environment, mode: 'real', labScenario: null } };

describe('LAB marks in every report format', () => {
  it('HTML: the title and a bold banner under the verdict; Markdown: right under the verdict line', () => {
    for (const [lang, words] of [
      ['en', 'LAB: simulated site (lab scenario "tls-intercepted"), not a real network'],
      ['it', 'LAB: sito simulato (scenario di laboratorio "tls-intercepted"), non è una rete reale'],
    ] as const) {
      const html = renderReport('html', [lab], { lang });
      expect(html).toMatch(/<title>[^<]* · LAB<\/title>/);
      expect(html).toContain(`<div class="lab">${words.replace(/"/g, '&quot;')}</div>`);
      const md = renderReport('md', [lab], { lang });
      expect(md).toMatch(
        new RegExp(`^\\*\\*[^\\n]+\\*\\*: [^\\n]+\\n\\n\\*\\*${words.replace(/[()]/g, '\\$&')}\\*\\*$`, 'm'),
      );
      const text = renderReport('text', [lab], { lang });
      expect(text.split('\n').slice(0, 2).join(' ').replace(/\s+/g, ' ')).toContain(
        lang === 'en' ? 'LAB, simulated site' : 'LAB, sito simulato',
      );
      expect(renderReport('junit', [lab], { lang })).toContain('<property name="mode" value="lab"/>');
    }
  });

  it('a real run carries no LAB mark in any format', () => {
    for (const format of ['html', 'md', 'text'] as const) {
      expect(renderReport(format, [real], { lang: 'en' }), format).not.toMatch(/\bLAB\b|simulated site/);
    }
    expect(renderReport('junit', [real], { lang: 'en' })).toContain('<property name="mode" value="real"/>');
  });
});
