import { describe, expect, it } from 'vitest';
import { messageFor } from '../../core/index.js';
import { printFailure } from './print-document.js';
import { PRINT_TIMEOUT_REASON } from './printer.js';

describe('a print the system did not complete gets a stable code', () => {
  it('a failure callback is PRINT_FAILED, carrying the system\'s reason', () => {
    const e = printFailure({ printed: false, reason: 'Print job failed' });
    expect([e.code, e.params]).toEqual(['PRINT_FAILED', { reason: 'Print job failed' }]);
  });

  it('a closed dialog ("Print job canceled") is PRINT_CANCELLED, not a failure', () => {
    expect(printFailure({ printed: false, reason: 'Print job canceled' }).code).toBe('PRINT_CANCELLED');
  });

  it('no answer in time is PRINT_TIMEOUT', () => {
    expect(printFailure({ printed: false, reason: PRINT_TIMEOUT_REASON }).code).toBe('PRINT_TIMEOUT');
  });

  it('a failure without a reason is still PRINT_FAILED', () => {
    expect(printFailure({ printed: false }).code).toBe('PRINT_FAILED');
  });

  it('every message is complete in both languages (no placeholder left unfilled)', () => {
    for (const reason of ['Print job failed', 'Print job canceled', PRINT_TIMEOUT_REASON, 'Invalid printer settings']) {
      const e = printFailure({ printed: false, reason });
      for (const locale of ['it', 'en'] as const) expect(messageFor(e.code, locale, e.params), `${e.code} ${locale}`).not.toMatch(/\{\w+\}/);
    }
  });
});
