import { describe, expect, it } from 'vitest';
import { addressErrors, outcomeFieldErrors } from './field-errors.js';

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
});
