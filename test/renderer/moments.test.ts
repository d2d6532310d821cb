// Moments read `2026-12-02 05:25:14` in every language: not 2026/12/02, not 12/02/2026.
import { describe, expect, it } from 'vitest';
import { formatMoment } from '../../src/renderer/src/app/labels';

describe('formatMoment', () => {
  it('shows a moment in local time as YYYY-MM-DD HH:mm:ss', () => {
    const moment = new Date(2026, 11, 2, 5, 25, 14); // local time
    expect(formatMoment(moment.toISOString())).toBe('2026-12-02 05:25:14');
    expect(formatMoment(new Date(2026, 0, 9, 23, 4, 5).toISOString())).toBe('2026-01-09 23:04:05');
  });

  it('shows what is not a moment as written', () => {
    expect(formatMoment('not a moment')).toBe('not a moment');
  });
});
