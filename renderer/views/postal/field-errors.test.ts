import { describe, expect, it } from 'vitest';
import { addressErrors, fieldLabelKey, missingFieldErrors, outcomeFieldErrors, refusalFieldErrors } from './field-errors.js';

describe('outcome field errors', () => {
  it('maps the second attempt address parts to the next-address fields', () => {
    const e = outcomeFieldErrors({ 'outcome.next.address.address': 'a', 'outcome.next.address.zip': 'z', 'outcome.next.address.municipality': 'm' });
    expect(e).toEqual({ 'next-address-street': 'a', 'next-address-zip': 'z', 'next-address-municipality': 'm' });
    expect(addressErrors(e, 'next-address')).toEqual({ street: 'a', zip: 'z', municipality: 'm' });
  });

  it('maps the discovered address and the plain fields; a whole missing address marks its street', () => {
    expect(outcomeFieldErrors({ 'outcome.discoveredAddress.zip': 'z', 'outcome.at': 'd', 'outcome.receiverRelation': 'r', 'outcome.next.address': 'x' }))
      .toEqual({ 'discovered-zip': 'z', at: 'd', relation: 'r', 'next-address-street': 'x' });
  });

  it('leaves out paths of no form field', () => {
    expect(outcomeFieldErrors({ items: 'x', 'outcome.scans.0.sha256': 'y' })).toEqual({});
    expect(outcomeFieldErrors(undefined)).toEqual({});
  });

  it('marks the date field for a refusal of the date, the fields for a validation failure', () => {
    expect(refusalFieldErrors({ code: 'OUTCOME_DATE_IN_FUTURE', message: 'futura' })).toEqual({ at: 'futura' });
    expect(refusalFieldErrors({ code: 'VALIDATION_FAILED', message: 'x', fields: { 'outcome.cause': 'c' } })).toEqual({ cause: 'c' });
    expect(refusalFieldErrors({ code: 'OUTCOME_NOT_ALLOWED', message: 'x' })).toEqual({});
    expect(refusalFieldErrors(null)).toEqual({});
  });

  it('names the required fields left empty by their field ids, and each id by its label', () => {
    expect(missingFieldErrors(['postal.form.date', 'postal.form.cause', 'postal.form.next'], 'obbligatorio')).toEqual({ at: 'obbligatorio', cause: 'obbligatorio', next: 'obbligatorio' });
    expect(fieldLabelKey('relation')).toBe('postal.form.receiverRelation');
    expect(fieldLabelKey('next-address-zip')).toBe('postal.form.zip');
  });
});
