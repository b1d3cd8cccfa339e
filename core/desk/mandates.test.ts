import { describe, expect, it } from 'vitest';
import { hasActiveMandate } from './act-inquiry.js';
import { checkMandateDraft, checkNewMandate, mandateState, revokeMandate, type MandateDraft, type MandateRecordInput, type NewMandate } from './mandates.js';

const NOW = '2026-04-01T10:00:00+02:00';
const ESPOSITO = 'SPSGNN48C12F839Y';
const FERRARI = 'FRRNNA65S55D612P';
const COMPANY = '15376371009';

function draft(overrides: Partial<MandateDraft> = {}): MandateDraft {
  return { delegatorTaxId: ESPOSITO, delegateTaxId: FERRARI, delegateDenomination: 'Anna Ferrari', delegateType: 'PF', validFrom: '2026-04-01', validTo: '2026-12-31', ...overrides };
}

function checked(overrides: Partial<MandateDraft> = {}): NewMandate {
  const r = checkMandateDraft(draft(overrides));
  if (!r.ok) throw new Error(r.problems.map((p) => p.code).join());
  return r.value;
}

const stored = (validFrom: string | null, validTo: string | null, pair = { delegatorTaxId: ESPOSITO, delegateTaxId: FERRARI }): MandateRecordInput => ({ mandateId: 'm-old', ...pair, validFrom, validTo });

describe('the mandate form (DOMAIN.md 2.2, 2.3, 10 step 1)', () => {
  it('normalises the tax codes and spans the days from 00:00 of the first to the end of the last, Rome time', () => {
    const v = checked({ delegatorTaxId: ` ${ESPOSITO.toLowerCase()} `, delegateTaxId: FERRARI.toLowerCase(), delegateDenomination: '  Anna Ferrari ', validFrom: '2026-03-29', validTo: '2026-10-25' });
    expect(v).toEqual({
      delegatorTaxId: ESPOSITO, delegateTaxId: FERRARI, delegateDenomination: 'Anna Ferrari', delegateType: 'PF',
      // 29 March is the switch to summer time, 25 October the switch back: both days keep their Rome bounds.
      validFrom: '2026-03-29T00:00:00+01:00', validTo: '2026-10-25T23:59:59.999+01:00',
    });
  });

  it('leaves the end open when no last day is given', () => {
    expect(checked({ validTo: '' }).validTo).toBeNull();
    expect(checked({ validTo: null }).validTo).toBeNull();
  });

  it('accepts a single-day mandate (last day = first day) and a company as delegator or as delegate', () => {
    expect(checked({ validTo: '2026-04-01' }).validTo).toBe('2026-04-01T23:59:59.999+02:00');
    expect(checked({ delegatorTaxId: COMPANY }).delegatorTaxId).toBe(COMPANY);
    expect(checked({ delegateTaxId: COMPANY, delegateType: 'PG' }).delegateType).toBe('PG');
  });

  const refusals: Array<[string, Partial<MandateDraft>, Array<[string, string]>]> = [
    ['a wrong check letter of the delegator', { delegatorTaxId: 'SPSGNN48C12F839X' }, [['delegatorTaxId', 'TAX_ID_INVALID_CHECK_CHAR']]],
    ['a delegate PF with an 11-digit code', { delegateTaxId: COMPANY }, [['delegateTaxId', 'TAX_ID_INVALID_LENGTH']]],
    ['a partita IVA of zeros as a PG delegate', { delegateTaxId: '00000000000', delegateType: 'PG' }, [['delegateTaxId', 'VAT_INVALID']]],
    ['the delegator delegating themselves', { delegateTaxId: ESPOSITO.toLowerCase() }, [['delegateTaxId', 'MANDATE_SELF_DELEGATION']]],
    ['no delegate name', { delegateDenomination: ' x ' }, [['delegateDenomination', 'MANDATE_DENOMINATION_REQUIRED']]],
    ['a day that does not exist', { validFrom: '2026-02-30' }, [['validFrom', 'MANDATE_DATE_INVALID']]],
    ['a last day before the first', { validFrom: '2026-05-02', validTo: '2026-05-01' }, [['validTo', 'MANDATE_VALIDITY_INVERTED']]],
    ['two wrong fields at once', { delegatorTaxId: 'ABC', validTo: 'domani' }, [['delegatorTaxId', 'TAX_ID_INVALID_LENGTH'], ['validTo', 'MANDATE_DATE_INVALID']]],
  ];
  it.each(refusals)('refuses %s, naming the field', (_name, overrides, expected) => {
    const r = checkMandateDraft(draft(overrides));
    expect(r.ok ? [] : r.problems.map((p) => [p.field, p.code])).toEqual(expected);
  });
});

describe('a new mandate against the stored ones', () => {
  it('is accepted when the pair has no mandate, or only ended ones, or mandates of other people', () => {
    const others = [stored(null, null, { delegatorTaxId: ESPOSITO, delegateTaxId: 'VRDGPP80M01H501L' }), stored('2025-01-01T00:00:00+01:00', '2026-03-31T23:59:59.999+02:00')];
    expect(checkNewMandate(checked(), others, NOW)).toEqual({ ok: true });
  });

  it('refuses a last day already past', () => {
    const r = checkNewMandate(checked({ validFrom: '2026-03-01', validTo: '2026-03-31' }), [], NOW);
    expect(r).toEqual({ ok: false, code: 'MANDATE_VALID_TO_PAST', params: { validTo: '31/03/2026' } });
  });

  it.each([
    ['an open-ended active one', stored('2026-01-01T00:00:00+01:00', null)],
    ['one starting later that the new one would cover', stored('2026-11-01T00:00:00+01:00', '2027-01-31T23:59:59.999+01:00')],
  ])('refuses an overlap with %s of the same pair', (_name, old) => {
    const r = checkNewMandate(checked(), [old], NOW);
    expect(r.ok ? null : [r.code, r.params.mandateId]).toEqual(['MANDATE_OVERLAPS', 'm-old']);
  });

  it('accepts a later mandate of the same pair that starts after the current one ends', () => {
    const current = stored('2026-01-01T00:00:00+01:00', '2026-06-30T23:59:59.999+02:00');
    expect(checkNewMandate(checked({ validFrom: '2026-07-01', validTo: null }), [current], NOW)).toEqual({ ok: true });
  });
});

describe('mandate state and revocation (never deleted)', () => {
  it.each([
    ['2026-04-01T10:00:00+02:00', 'ACTIVE'],
    ['2026-03-31T23:59:59+02:00', 'NOT_YET_VALID'],
    ['2026-05-01T00:00:00+02:00', 'ENDED'],
  ] as const)('at %s the mandate of April is %s, as the desk judges it', (now, state) => {
    const m = { mandateId: 'm', delegatorTaxId: ESPOSITO, validFrom: '2026-04-01T00:00:00+02:00', validTo: '2026-04-30T23:59:59.999+02:00' };
    expect(mandateState(m, now)).toBe(state);
    expect(hasActiveMandate({ taxId: FERRARI, denomination: 'x', delegateType: 'PF', mandate: m }, ESPOSITO, now)).toBe(state === 'ACTIVE');
  });

  it('revokes an active mandate so that it no longer counts from that very instant', () => {
    const m = { mandateId: 'm', delegatorTaxId: ESPOSITO, validFrom: '2026-01-01T00:00:00+01:00', validTo: null };
    const r = revokeMandate(m, NOW);
    if (!r.ok) throw new Error(r.code);
    expect(r.validTo).toBe('2026-04-01T09:59:59.999+02:00');
    expect(hasActiveMandate({ taxId: FERRARI, denomination: 'x', delegateType: 'PF', mandate: { ...m, validTo: r.validTo } }, ESPOSITO, NOW)).toBe(false);
    expect(mandateState({ ...m, validTo: r.validTo }, NOW)).toBe('ENDED');
  });

  it('revokes a mandate that has not started yet, which then never counts', () => {
    const m = { validFrom: '2026-06-01T00:00:00+02:00', validTo: null };
    const r = revokeMandate(m, NOW);
    if (!r.ok) throw new Error(r.code);
    expect(mandateState({ ...m, validTo: r.validTo }, '2026-07-01T10:00:00+02:00')).toBe('ENDED');
  });

  it('refuses to revoke a mandate that has already ended', () => {
    expect(revokeMandate({ validFrom: null, validTo: '2026-03-31T23:59:59.999+02:00' }, NOW)).toEqual({ ok: false, code: 'MANDATE_ALREADY_ENDED', params: { validTo: '31/03/2026' } });
  });
});
