import { describe, expect, it } from 'vitest';
import { shouldRunDailyBackup } from './backup.js';

describe('shouldRunDailyBackup', () => {
  it.each([
    ['never backed up', null, '2026-03-10T08:00:00+01:00', true],
    ['already backed up earlier the same Rome day', '2026-03-10T08:05:00+01:00', '2026-03-10T19:00:00+01:00', false],
    ['first check of the next Rome day, less than 24 h later', '2026-03-10T08:05:00+01:00', '2026-03-11T08:00:00+01:00', true],
    ['23:30 UTC is already the next day in Rome', '2026-03-10T10:00:00+01:00', '2026-03-10T23:30:00Z', true],
    ['22:30 UTC in summer is 00:30 of the next Rome day', '2026-07-10T10:00:00+02:00', '2026-07-10T22:30:00Z', true],
    ['22:30 UTC in winter is still 23:30 of the same Rome day', '2026-01-10T10:00:00+01:00', '2026-01-10T22:30:00Z', false],
    ['a clock moved back never triggers a second backup that day', '2026-03-11T09:00:00+01:00', '2026-03-10T09:00:00+01:00', false],
    ['an unreadable last date counts as never', 'yesterday', '2026-03-10T08:00:00+01:00', true],
  ])('%s', (_name, last, now, expected) => {
    expect(shouldRunDailyBackup(last, now)).toBe(expected);
  });
});
