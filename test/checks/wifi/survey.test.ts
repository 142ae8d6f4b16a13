import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  judgeSpot,
  lowerMedian,
  sampleOf,
  signalBar,
  signalStats,
  takeSamples,
} from '../../../src/checks/wifi/survey.js';
import { createTranslator } from '../../../src/i18n/index.js';
import { parseScanText } from '../../../src/platform/wifi/detect.js';
import { loadProfile } from '../../../src/profile/load.js';

/**
 * The survey's policy on replayed real scans (fixtures/survey: one recorded iw scan with the target's
 * signal set to -46, -73 and -82 dBm, see fixtures/platform/PROVENANCE.md) and the zaptec-pro thresholds.
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
const scan = (name: string) =>
  parseScanText(readFileSync(path.join(ROOT, 'fixtures/survey', name), 'utf8')).records;
const AT_46 = scan('1-iw-scan-campus-iot-46dbm.txt');
const AT_73 = scan('2-iw-scan-campus-iot-73dbm.txt');
const AT_82 = scan('3-iw-scan-campus-iot-82dbm.txt');
const rules = loadProfile('zaptec-pro').wifi;
const en = createTranslator('en');
const it_ = createTranslator('it');
const SSID = 'WIFI_IUTB_IOT';
const sample = (records: typeof AT_46) => sampleOf(records, rules, { ssid: SSID, t: en });

describe('judgeSpot', () => {
  it("-46, -73 and -82 dBm give pass, warn and fail with the wifi check's cause", () => {
    expect(judgeSpot('Bay 1', SSID, [sample(AT_46)], en)).toMatchObject({
      status: 'pass',
      cause: 'OK',
      bssid: '70:f0:96:d2:e0:62',
      channel: 1,
      band: '2.4',
      samples: [-46],
      minDbm: -46,
      medianDbm: -46,
      remediation: [],
    });
    expect(judgeSpot('Bay 2', SSID, [sample(AT_73)], en)).toMatchObject({
      status: 'warn',
      cause: 'WIFI_WEAK_SIGNAL',
    });
    const bad = judgeSpot('Bay 3', SSID, [sample(AT_82)], en);
    expect(bad).toMatchObject({ status: 'fail', cause: 'WIFI_WEAK_SIGNAL', medianDbm: -82 });
    expect(bad.remediation).toEqual([
      { audience: 'installer', text: 'Add an access point or move the existing one nearer to Bay 3.' },
    ]);
    expect(
      judgeSpot('Box 3', SSID, [sampleOf(AT_82, rules, { ssid: SSID, t: it_ })], it_).remediation[0]?.text,
    ).toBe('Aggiungere un access point o avvicinare quello esistente a Box 3.');
  });

  it('is judged on the median sample: one lucky reading does not pass a weak spot', () => {
    const v = judgeSpot('Bay 4', SSID, [sample(AT_82), sample(AT_46), sample(AT_82)], en);
    expect(v).toMatchObject({ status: 'fail', samples: [-82, -46, -82], minDbm: -82, medianDbm: -82 });
    const w = judgeSpot(
      'Bay 5',
      SSID,
      [sample(AT_46), sample(AT_73), sample(AT_46), sample(AT_82), sample(AT_46)],
      en,
    );
    expect(w).toMatchObject({ status: 'pass', minDbm: -82, medianDbm: -46 });
    // Even count: the lower middle one decides.
    expect(judgeSpot('Bay 6', SSID, [sample(AT_46), sample(AT_73)], en).status).toBe('warn');
  });

  it('a network not seen at the spot fails it (SSID not found), and counts as the weakest sample', () => {
    const v = judgeSpot('Bay 7', 'Nowhere', [sampleOf(AT_46, rules, { ssid: 'Nowhere', t: en })], en);
    expect(v).toMatchObject({
      status: 'fail',
      cause: 'WIFI_SSID_NOT_FOUND',
      samples: [null],
      medianDbm: null,
    });
    expect(v.remediation[0]?.text).toContain('nearer to Bay 7');
  });
});

describe('meter numbers', () => {
  it('current, min and median of what was seen', () => {
    expect(signalStats([-60, null, -70, -50])).toEqual({ current: -50, min: -70, median: -60 });
    expect(signalStats([null])).toEqual({ current: null, min: null, median: null });
    expect(lowerMedian([-1, -2, -3, -4])).toBe(-3);
  });

  it('a bar against the thresholds: filled up to the signal, | at -74 and -67 dBm', () => {
    expect(signalBar(-46, rules)).toBe(`[${'#'.repeat(18)}${'.'.repeat(6)}]`);
    expect(signalBar(-90, rules)).toBe(`[${'.'.repeat(6)}|..|${'.'.repeat(14)}]`);
    expect(signalBar(-73, rules)).toBe(`[${'#'.repeat(7)}..|${'.'.repeat(14)}]`);
    expect(signalBar(null, rules)).toBe(signalBar(-90, rules));
  });
});

describe('takeSamples', () => {
  it('takes n samples a second apart with the injected sleep (no real waiting), none after the last', async () => {
    const slept: number[] = [];
    const read: number[] = [];
    const got = await takeSamples({
      n: 5,
      intervalMs: 1000,
      read: (i) => {
        read.push(i);
        return Promise.resolve(i * 10);
      },
      sleep: (ms) => {
        slept.push(ms);
        return Promise.resolve();
      },
    });
    expect(got).toEqual([0, 10, 20, 30, 40]);
    expect(read).toEqual([0, 1, 2, 3, 4]);
    expect(slept).toEqual([1000, 1000, 1000, 1000]);
  });

  it('stops with what it has when aborted (Ctrl-C)', async () => {
    const ac = new AbortController();
    const got = await takeSamples({
      n: 5,
      intervalMs: 1000,
      read: (i) => Promise.resolve(i),
      sleep: () => {
        ac.abort();
        return Promise.resolve();
      },
      signal: ac.signal,
    });
    expect(got).toEqual([0]);
  });
});
