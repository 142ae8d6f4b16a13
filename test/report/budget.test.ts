import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/index.js';
import { dataBudget, describeBudget, formatMb } from '../../src/report/budget.js';

const traffic = { mbPerChargerPerDay: 3, mbPerSession: 5 };

describe('data budget (R3)', () => {
  it('is chargers x 3 MB a day plus 5 MB a session, over a 31-day month', () => {
    const b = dataBudget({ chargers: 10, traffic });
    expect(b).toMatchObject({ days: 31, baseMb: 930, sessions: 310, sessionsMb: 1550, totalMb: 2480 });
    // 2480 MB + 50% = 3720 MB: the 5 GB plan.
    expect(b.recommendedPlanMb).toBe(5000);
  });

  it('takes sessions per charger per day from the site, and no chargers needs nothing', () => {
    expect(dataBudget({ chargers: 2, traffic, sessionsPerChargerPerDay: 0 }).totalMb).toBe(186);
    expect(dataBudget({ chargers: 2, traffic, sessionsPerChargerPerDay: 0 }).recommendedPlanMb).toBe(500);
    expect(dataBudget({ chargers: 0, traffic }).totalMb).toBe(0);
  });

  it('beyond the largest plan, rounds up to tens of GB', () => {
    expect(dataBudget({ chargers: 1000, traffic, sessionsPerChargerPerDay: 3 }).recommendedPlanMb).toBe(
      840_000,
    );
  });

  it('writes sizes the way operators sell them, with a decimal comma in Italian', () => {
    expect(formatMb(930)).toBe('930 MB');
    expect(formatMb(2480)).toBe('2.5 GB');
    expect(formatMb(2000)).toBe('2 GB');
    expect(formatMb(2480, 'it')).toBe('2,5 GB');
    expect(formatMb(12_400)).toBe('12 GB');
  });

  it('advises a plan only for a metered uplink', () => {
    const b = dataBudget({ chargers: 10, traffic });
    const t = createTranslator('en');
    expect(describeBudget(b, true, t, 'en').advice).toBe(
      'Choose a mobile (LTE) data plan of at least 5 GB per month: the total plus 50% for firmware updates and reconnections.',
    );
    expect(describeBudget(b, false, t, 'en').advice).toBe('The uplink is not metered: no data plan to size.');
    expect(describeBudget(b, true, createTranslator('it'), 'it').lines).toContain(
      'Totale: circa 2,5 GB al mese',
    );
  });
});
