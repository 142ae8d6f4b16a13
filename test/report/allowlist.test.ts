import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/index.js';
import { loadProfile, normalizeProfile } from '../../src/profile/load.js';
import {
  buildAllowList,
  renderAllowListCsv,
  renderAllowListJson,
  renderAllowListText,
} from '../../src/report/allowlist.js';

const en = createTranslator('en');
const it_ = createTranslator('it');

describe('IT allow-list', () => {
  const pro = loadProfile('zaptec-pro');

  it('lists DNS and every profile endpoint, outbound, with transport and why', () => {
    const list = buildAllowList(pro, en);
    expect(list.rules.map((r) => [r.host, r.transport, r.port, r.protocol])).toEqual([
      [null, 'udp+tcp', 53, 'dns'],
      ['no.pool.ntp.org', 'udp', 123, 'ntp'],
      ['zapcloud.azure-devices.net', 'tcp', 8883, 'mqtts'],
      ['zapcloud-api.azurewebsites.net', 'tcp', 443, 'https'],
      ['devices.zaptec.com', 'tcp', 443, 'https'],
      ['api.zaptec.com', 'tcp', 443, 'https'],
    ]);
    expect(list.notes.join('\n')).toMatch(/by host name, not by IP address/);
    expect(list.notes.join('\n')).toMatch(/No inbound rules/);
    expect(list.notes.join('\n')).toMatch(/No TLS inspection/);
    expect(list.notes.join('\n')).toMatch(/No proxy/);
  });

  it('translates the built-in profile’s reasons, keeps a user profile’s own words', () => {
    const list = buildAllowList(pro, it_);
    expect(list.rules[2]?.why).toMatch(/^Canale principale verso ZapCloud/);
    const custom = normalizeProfile(
      {
        id: 'acme',
        name: 'Acme',
        endpoints: [{ host: 'ocpp.acme.example', port: 7890, protocol: 'tls', why: 'OCPP backend' }],
      },
      'test',
    );
    expect(buildAllowList(custom, it_).rules[1]?.why).toBe('OCPP backend');
  });

  it('text: a table and the rules, in Italian', () => {
    const text = renderAllowListText(buildAllowList(pro, it_), it_);
    expect(text).toMatch(/^Collegamenti in uscita necessari alle stazioni \(profilo zaptec-pro\)/);
    expect(text).toMatch(/zapcloud\.azure-devices\.net\s+TCP 8883\s+MQTT su TLS\s+sì/);
    expect(text).toContain('Non servono regole in ingresso né inoltro di porte');
  });

  it('csv: RFC 4180 quoting, and no cell a spreadsheet would run as a formula', () => {
    const custom = normalizeProfile(
      {
        id: 'x',
        name: 'X',
        endpoints: [
          {
            host: 'a.example',
            port: 443,
            protocol: 'https',
            why: '=HYPERLINK("http://evil","click"), "quoted"',
          },
        ],
      },
      'test',
    );
    const csv = renderAllowListCsv(buildAllowList(custom, en), en);
    const lines = csv.split('\r\n');
    expect(lines[2]).toBe(
      'a.example,443,TCP,HTTPS,yes,"\'=HYPERLINK(""http://evil"",""click""), ""quoted"""',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('csv for Excel: a byte-order mark, and ";" between cells where decimals take a comma', () => {
    const english = renderAllowListCsv(buildAllowList(pro, en), en, 'en');
    expect(english.startsWith('\uFEFFHost,Port,UDP/TCP,')).toBe(true);
    const italian = renderAllowListCsv(buildAllowList(pro, it_), it_, 'it');
    const [head = '', ...rows] = italian.split('\r\n');
    expect(head.startsWith('\uFEFFHost;Porta;UDP/TCP;')).toBe(true);
    expect(rows[2]).toMatch(/^zapcloud\.azure-devices\.net;8883;TCP;MQTT su TLS;sì;/);
    // A ";" inside a cell is quoted, so every row keeps its six cells.
    for (const r of rows.filter(Boolean)) expect(r.replace(/"[^"]*"/g, '').split(';')).toHaveLength(6);
  });

  it('json: codes plus the texts, and the policy in words a script can check', () => {
    const json = JSON.parse(renderAllowListJson(buildAllowList(pro, en))) as Record<string, unknown>;
    expect(json).toMatchObject({
      schemaVersion: 1,
      profile: 'zaptec-pro',
      policy: { allowBy: 'hostname', inbound: 'none', tlsInspection: 'off', proxy: 'none' },
    });
    expect((json.rules as unknown[]).length).toBe(6);
  });
});
