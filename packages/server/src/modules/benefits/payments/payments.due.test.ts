import type { EnrolmentTerms } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import { amountDue, lastDayOfMonth } from './payments.due';

const start = (startDate: string, amountVnd: number, endDate: string | null = null): EnrolmentTerms => ({
  startDate,
  endDate,
  events: [{ kind: 'start', effectiveFrom: startDate, amountVnd }],
});

describe('amountDue', () => {
  it('pays a monthly benefit every month it runs, at the decided amount', () => {
    const terms: EnrolmentTerms = {
      startDate: '2024-03-15',
      endDate: null,
      events: [
        { kind: 'start', effectiveFrom: '2024-03-15', amountVnd: 900_000 },
        { kind: 'adjust', effectiveFrom: '2024-07-01', amountVnd: 1_250_000 },
      ],
    };
    expect(amountDue('monthly', terms, '2024-02')).toBeNull();
    expect(amountDue('monthly', terms, '2024-03')).toBe(900_000);
    expect(amountDue('monthly', terms, '2024-06')).toBe(900_000);
    expect(amountDue('monthly', terms, '2024-07')).toBe(1_250_000);
  });

  it('pays a one-off benefit in its start month only', () => {
    const terms = start('2026-02-10', 2_000_000);
    expect(amountDue('once', terms, '2026-01')).toBeNull();
    expect(amountDue('once', terms, '2026-02')).toBe(2_000_000);
    expect(amountDue('once', terms, '2026-03')).toBeNull();
    expect(amountDue('once', terms, '2027-02')).toBeNull();
  });

  it('pays a yearly benefit in the start month of every year until it ends', () => {
    const terms = start('2025-01-20', 500_000, '2026-12-31');
    expect(amountDue('yearly', terms, '2025-01')).toBe(500_000);
    expect(amountDue('yearly', terms, '2025-02')).toBeNull();
    expect(amountDue('yearly', terms, '2026-01')).toBe(500_000);
    expect(amountDue('yearly', terms, '2027-01')).toBeNull();
  });

  it('knows the last day of a month', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2026-11')).toBe('2026-11-30');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
  });
});
