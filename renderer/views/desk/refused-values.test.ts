import { describe, expect, it } from 'vitest';
import type { IdentificationDraft } from '../../stores/desk.js';
import { stillRefused, valueAt, valuesOf } from './refused-values.js';

const doc = () => ({ type: 'CARTA_IDENTITA_ELETTRONICA', number: '', issuer: '', issueDate: '', expiryDate: '' });
const draft = (): IdentificationDraft => ({
  recipientType: 'PF', recipientTaxId: '', recipientDenomination: '', collector: 'DELEGATE', recipientDocument: doc(),
  delegateType: 'PF', delegateTaxId: '', delegateDenomination: '', delegateDocument: doc(), scans: {},
});

describe('refused values', () => {
  it('reads every field a refusal names by its form path', () => {
    const d = draft();
    d.recipientTaxId = 'RSSMRA80A01H501U';
    d.recipientDocument.number = 'CA12345AB';
    d.delegateTaxId = 'VRDLGU70A01F205X';
    d.delegateDenomination = 'Luigi Verdi';
    d.delegateDocument.issuer = 'Comune di Milano';
    d.scans.delegateId = { scanId: 'k1', contentType: 'image/png', name: 'doc.png', bytes: 10 };
    expect(valueAt(d, 'recipientTaxId')).toBe('RSSMRA80A01H501U');
    expect(valueAt(d, 'recipientDocument.number')).toBe('CA12345AB');
    expect(valueAt(d, 'delegate.taxId')).toBe('VRDLGU70A01F205X');
    expect(valueAt(d, 'delegate.denomination')).toBe('Luigi Verdi');
    expect(valueAt(d, 'delegate.document.issuer')).toBe('Comune di Milano');
    expect(valueAt(d, 'scans.delegateId')).toBe('k1');
    expect(valueAt(d, 'scans.recipientId')).toBe('');
    // Not a field of the form: no value, its message stays until the next search.
    expect(valueAt(d, 'recipientDocument.colour')).toBeUndefined();
    expect(valueAt(d, 'identification')).toBeUndefined();
  });

  it('keeps the message of a field still as refused and drops the one of a field changed since', () => {
    const d = draft();
    const messages = { recipientTaxId: 'Campo obbligatorio', 'recipientDocument.number': 'Campo obbligatorio', 'scans.recipientId': 'Manca la scansione', other: 'Altro' };
    const refused = valuesOf(d, Object.keys(messages));
    expect(stillRefused(messages, refused, d)).toEqual(messages);

    d.recipientTaxId = 'R';
    d.scans.recipientId = { scanId: 'k2', contentType: 'application/pdf', name: 'doc.pdf', bytes: 10 };
    expect(stillRefused(messages, refused, d)).toEqual({ 'recipientDocument.number': 'Campo obbligatorio', other: 'Altro' });

    // The same value as refused is wrong again; a message of a later refusal not yet taken stays.
    d.recipientTaxId = '';
    expect(stillRefused({ ...messages, 'delegate.taxId': 'Nuovo' }, refused, d)).toEqual({ recipientTaxId: 'Campo obbligatorio', 'recipientDocument.number': 'Campo obbligatorio', other: 'Altro', 'delegate.taxId': 'Nuovo' });
  });
});
