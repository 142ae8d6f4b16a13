import { describe, expect, it } from 'vitest';
import { displaySsid, escapeForDisplay, isDisplaySafe } from '../../src/core/display.js';

/** Bugs the hostile-network fuzz suite found, each pinned by the case that showed it. */
describe('fuzz regressions', () => {
  it('an SSID with U+2028/U+2029 (line/paragraph separator) is escaped for display, not shown raw', () => {
    // Found by checks.test.ts (Wi-Fi SSIDs): ssidDisplay carried a raw U+2028 into the wifi evidence and
    // the `zapcheck wifi` terminal output, while the probes' sanitiser and the report escape both treat it
    // as a control character.
    expect(escapeForDisplay('\u2028\u001b[2J')).toBe('<U+2028>\\x1b[2J');
    expect(escapeForDisplay('a\u2029b')).toBe('a<U+2029>b');
    expect(displaySsid('Garage\u2028Guest', false)).toBe('"Garage<U+2028>Guest"');
    expect(isDisplaySafe('Garage\u2028Guest')).toBe(false);
    expect(isDisplaySafe(escapeForDisplay('Garage\u2028Guest'))).toBe(true);
  });
});
