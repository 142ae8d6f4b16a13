import { describe, expect, it } from 'vitest';
import { classify, diffReports, renderDiffMarkdown, renderDiffText } from '../../src/report/diff.js';
import { fixture, withChecks } from './helpers.js';

describe('report --diff', () => {
  it('classifies status changes', () => {
    expect(classify('fail', 'pass')).toBe('fixed');
    expect(classify('warn', 'pass')).toBe('fixed');
    expect(classify('pass', 'fail')).toBe('regressed');
    expect(classify('warn', 'error')).toBe('regressed');
    // A check that was fine and can no longer be tested (something before it broke) regressed.
    expect(classify('pass', 'skip')).toBe('regressed');
    expect(classify('warn', 'skip')).toBe('regressed');
    // Still fine, or still broken: not a regression.
    expect(classify('pass', 'warn')).toBe('unchanged');
    expect(classify('fail', 'error')).toBe('unchanged');
    // A failing check that could not run is not repaired: it is "no longer checked".
    expect(classify('fail', 'skip')).toBe('removed');
    expect(classify('skip', 'pass')).toBe('fixed');
    expect(classify('skip', 'fail')).toBe('regressed');
  });

  it('an IT change that turned off TLS inspection: four TLS checks fixed, HTTPS now checked', () => {
    const d = diffReports(fixture('lab-tls-intercepted.json'), fixture('lab-healthy.json'));
    expect(d.fixed.map((e) => e.id).sort()).toEqual(
      [
        'tls:zapcloud.azure-devices.net:8883',
        'tls:zapcloud-api.azurewebsites.net:443',
        'tls:devices.zaptec.com:443',
        'tls:api.zaptec.com:443',
        'https:zapcloud-api.azurewebsites.net:443',
        'https:devices.zaptec.com:443',
        'https:api.zaptec.com:443',
      ].sort(),
    );
    expect(d.regressed).toEqual([]);
    expect(d.unchanged.length).toBeGreaterThan(5);
    expect(d.a.verdict).toBe('not-ready');
    expect(d.b.verdict).toBe('ready');
  });

  it('the other way round is a regression, and a removed check is listed', () => {
    const healthy = fixture('lab-healthy.json');
    const fewer = withChecks(healthy, (cs) => cs.filter((c) => c.kind !== 'https'));
    const d = diffReports(fewer, fixture('lab-tls-intercepted.json'));
    expect(d.regressed.map((e) => e.id)).toContain('tls:api.zaptec.com:443');
    expect(d.added.map((e) => e.id)).toContain('https:api.zaptec.com:443');
    const back = diffReports(healthy, fewer);
    expect(back.removed.map((e) => e.id)).toContain('https:api.zaptec.com:443');
  });

  it('renders text and Markdown in Italian', () => {
    const d = diffReports(fixture('lab-tls-intercepted.json'), fixture('lab-healthy.json'));
    const text = renderDiffText(d, 'it');
    expect(text).toContain('Esito: RETE NON PRONTA → RETE PRONTA');
    expect(text).toMatch(
      /Risolti \(7\)\n {2}TLS zapcloud\.azure-devices\.net:8883: non superato TLS_INTERCEPTED → ok/,
    );
    expect(renderDiffMarkdown(d, 'en')).toContain('## Regressed (0)');
  });
});
