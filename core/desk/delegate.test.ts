import { describe, expect, it } from 'vitest';
import { computeVatCheckDigit } from '../identifiers/tax-id.js';
import { hasActiveMandate } from './act-inquiry.js';
import { checkDelegateIdentity, parseDelegateTaxId } from './delegate.js';

const NOW = '2026-04-01T10:00:00+02:00';
const ESPOSITO = 'SPSGNN48C12F839Y';
const FERRARI = 'FRRNNA65S55D612P';
/** A CAF's partita IVA: ten digits and the check digit of DOMAIN.md 2.3. */
const CAF = `0123456789${computeVatCheckDigit('0123456789')}`;
const wrongCheck = (vat: string) => vat.slice(0, 10) + String((Number(vat[10]) + 1) % 10);

describe('the delegate at the counter (DOMAIN.md 10 step 1)', () => {
  it('is a person unless said otherwise: a codice fiscale is accepted, 11 digits are not', () => {
    expect(checkDelegateIdentity({ recipientTaxId: ESPOSITO, delegateTaxId: ` ${FERRARI.toLowerCase()} ` })).toEqual({ ok: true, taxId: FERRARI, delegateType: 'PF' });
    expect(checkDelegateIdentity({ recipientTaxId: ESPOSITO, delegateTaxId: CAF })).toMatchObject({ ok: false, code: 'TAX_ID_INVALID_LENGTH' });
  });

  it('accepts a company (PG) by its partita IVA, checked with the partita IVA rules (DOMAIN.md 2.3)', () => {
    expect(checkDelegateIdentity({ recipientTaxId: ESPOSITO, delegateTaxId: ` ${CAF} `, delegateType: 'PG' })).toEqual({ ok: true, taxId: CAF, delegateType: 'PG' });
    expect(checkDelegateIdentity({ recipientTaxId: ESPOSITO, delegateTaxId: wrongCheck(CAF), delegateType: 'PG' })).toMatchObject({ ok: false, code: 'VAT_INVALID_CHECK_DIGIT' });
    expect(checkDelegateIdentity({ recipientTaxId: ESPOSITO, delegateTaxId: '0123456789', delegateType: 'PG' })).toMatchObject({ ok: false, code: 'VAT_INVALID_FORMAT' });
  });

  it('validates a PG delegate exactly as the mandate form does, so a sole trader registered by personal code is found too', () => {
    expect(parseDelegateTaxId(FERRARI, 'PG')).toMatchObject({ ok: true, value: FERRARI });
  });

  it('refuses the recipient as their own delegate, a company recipient included', () => {
    expect(checkDelegateIdentity({ recipientTaxId: ESPOSITO.toLowerCase(), delegateTaxId: ESPOSITO })).toMatchObject({ ok: false, code: 'DELEGATE_IS_RECIPIENT' });
    expect(checkDelegateIdentity({ recipientTaxId: CAF, delegateTaxId: CAF, delegateType: 'PG' })).toMatchObject({ ok: false, code: 'DELEGATE_IS_RECIPIENT' });
  });

  it('lets a company delegate collect only with an active mandate of the recipient', () => {
    const mandate = { mandateId: 'm-caf', delegatorTaxId: ESPOSITO, validFrom: '2026-03-01T00:00:00+01:00', validTo: null };
    const caf = { taxId: CAF, denomination: 'CAF Roma Centro', delegateType: 'PG' as const };
    expect(hasActiveMandate({ ...caf, mandate }, ESPOSITO, NOW)).toBe(true);
    expect(hasActiveMandate({ ...caf, mandate: null }, ESPOSITO, NOW)).toBe(false);
    expect(hasActiveMandate({ ...caf, mandate }, FERRARI, NOW)).toBe(false);
  });
});
