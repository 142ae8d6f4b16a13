import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { HOSTILE, fixture, withChecks } from './helpers.js';

const profileFor = () => loadProfile('zaptec-pro');
const site = { name: 'Garage Nord', line: 2, chargers: 8, metered: true, address: 'Via Roma 1' };

describe('HTML handover', () => {
  it('is self-contained: a CSP that forbids every fetch and no URL to load', () => {
    const html = renderHtml([fixture('wifi-campus-tcp-8883-dropped.json')], { lang: 'en', profileFor });
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(|@import|<script|<link/i);
  });

  it('has one row per requirement R1-R9, the verdict, allow-list, budget and electrical reminders', () => {
    const html = renderHtml([fixture('lab-tls-intercepted.json')], {
      lang: 'en',
      profileFor,
      siteFor: () => site,
    });
    for (const id of ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'])
      expect(html).toContain(`id="req-${id}"`);
    expect(html).toMatch(/id="req-R4" data-status="fail"/);
    expect(html).toMatch(/id="req-R9" data-status="info"/);
    expect(html).toContain('<div class="label">NOT READY</div>');
    expect(html).toContain('IT allow-list (outbound only)');
    expect(html).toContain('Total: about 2 GB per month');
    expect(html).toContain('short-circuit current');
    expect(html).toContain('Three phases are recommended');
  });

  it('draws the Wi-Fi channel chart from the wifi check, and says so when there is none', () => {
    const withWifi = renderHtml([fixture('wifi-campus-tcp-8883-dropped.json')], { lang: 'en', profileFor });
    expect(withWifi).toMatch(/<svg viewBox="0 0 \d+ \d+"[^>]*class="chart">/);
    expect(withWifi).toContain('WIFI_IUTB_IOT (-64 dBm)');
    const without = renderHtml([fixture('lab-healthy.json')], { lang: 'en', profileFor });
    expect(without).not.toContain('<svg');
    expect(without).toContain('No Wi-Fi scan in this report');
    // Evidence in a shape we do not know: no chart, no crash.
    const odd = withChecks(fixture('lab-healthy.json'), (cs) => {
      const wifi = cs.find((c) => c.kind === 'wifi')!;
      wifi.evidence = { chart: 'nope', networks: [{ channel: 'x' }, null, 3] };
      return cs;
    });
    expect(renderHtml([odd], { lang: 'en' })).toContain('No Wi-Fi scan in this report');
  });

  it('escapes everything network-derived: site name, SSIDs, summaries, remediation', () => {
    const hostile = withChecks(fixture('wifi-campus-tcp-8883-dropped.json'), (cs) => {
      const wifi = cs.find((c) => c.kind === 'wifi')!;
      const networks = wifi.evidence.networks as { ssid: string }[];
      networks[0]!.ssid = `WIFI_IUTB_IOT${HOSTILE}`;
      (wifi.evidence.target as { ssid: string }).ssid = `WIFI_IUTB_IOT${HOSTILE}`;
      cs[0]!.summary = `x ${HOSTILE}`;
      cs[0]!.status = 'fail';
      cs[0]!.remediation = [{ audience: 'it', text: `fix ${HOSTILE}` }];
      return cs;
    });
    const html = renderHtml([{ ...hostile, site: `Site ${HOSTILE}` }], { lang: 'en', profileFor });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('\u001b');
    expect(html).not.toContain('\u202e');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;\\x1b[31m&amp;&lt;U+202E&gt;&quot;&#39;');
  });

  it('is in Italian with --lang it', () => {
    const html = renderHtml([fixture('lab-tls-intercepted.it.json')], { lang: 'it', profileFor });
    expect(html).toContain('<html lang="it">');
    expect(html).toContain('RETE NON PRONTA');
    expect(html).toContain('Promemoria elettrici');
    expect(html).toContain('corrente di cortocircuito');
  });
});

describe('Markdown handover', () => {
  it('has the same sections and every check; network text cannot become markup', () => {
    const hostile = withChecks(fixture('lab-tls-intercepted.json'), (cs) => {
      cs[0]!.summary = 'a | b [link](http://x) <b>**bold**</b>\nnext';
      return cs;
    });
    const md = renderMarkdown([hostile], { lang: 'en', profileFor, siteFor: () => site });
    expect(md).toContain('**NOT READY**: The network will not carry the chargers yet');
    expect(md).toContain('| R4 | Encrypted traffic (TLS) end to end, no inspection | ✖ fail |');
    expect(md).toContain('a \\| b \\[link\\](http://x) \\<b\\>\\*\\*bold\\*\\*\\</b\\> next');
    expect(md.match(/^\| [✔!✖–‼] \| /gm)).toHaveLength(hostile.checks.length);
    expect(md).toContain('## IT allow-list (outbound only)');
  });
});
