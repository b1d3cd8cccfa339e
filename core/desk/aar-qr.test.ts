import { describe, expect, it } from 'vitest';
import { checkAarQrOwnership, type AarQrOwnershipInput } from './aar-qr.js';
import type { DeskDelegate } from './act-inquiry.js';
import { aNotification } from './desk-fixtures.test-support.js';

const NOW = '2026-04-01T10:00:00+02:00';
// aNotification(): recipient 0 RSSMRA85T10A562S (Mario Rossi), recipient 1 BNCLRA90A41F205I.
const ROSSI = 'RSSMRA85T10A562S';
const BIANCHI = 'BNCLRA90A41F205I';
const STRANGER = 'MRNLCU72E12L219H';
const COMPANY = '15376371009';

function input(overrides: Partial<AarQrOwnershipInput> = {}): AarQrOwnershipInput {
  return { notification: aNotification(), qrRecipientIndex: 0, recipientTaxId: ROSSI, now: NOW, ...overrides };
}

const delegate = (mandate: DeskDelegate['mandate']): DeskDelegate => ({ taxId: 'VRDGPP80M01H501L', denomination: 'Giuseppe Verdi', delegateType: 'PF', mandate });

const withCompany = aNotification({
  recipients: [
    { taxId: ROSSI, recipientType: 'PF', denomination: 'Mario Rossi' },
    { taxId: COMPANY, recipientType: 'PG', denomination: 'PagoPA S.p.A.' },
  ],
});

describe('an AAR QR belongs to one recipient (DOMAIN.md 9, 13)', () => {
  it('accepts the recipient the QR was made for, matching the tax code ignoring case and spaces', () => {
    expect(checkAarQrOwnership(input({ recipientTaxId: ` ${ROSSI.toLowerCase()} ` }))).toEqual({ ok: true, recipientIndex: 0 });
  });

  it('accepts the QR of the second recipient for that recipient', () => {
    expect(checkAarQrOwnership(input({ qrRecipientIndex: 1, recipientTaxId: BIANCHI }))).toEqual({ ok: true, recipientIndex: 1 });
  });

  it('accepts a delegate holding an active mandate of the QR\'s recipient', () => {
    const r = checkAarQrOwnership(input({ delegate: delegate({ mandateId: 'm-1', delegatorTaxId: ROSSI, validFrom: '2026-01-01T00:00:00+01:00' }) }));
    expect(r).toEqual({ ok: true, recipientIndex: 0 });
  });

  it('accepts a PG recipient identified by its 11-digit tax code', () => {
    expect(checkAarQrOwnership(input({ notification: withCompany, qrRecipientIndex: 1, recipientTaxId: COMPANY }))).toEqual({ ok: true, recipientIndex: 1 });
  });

  const refusals: Array<[string, Partial<AarQrOwnershipInput>, string, Record<string, string>]> = [
    ['another recipient of the same notification', { recipientTaxId: BIANCHI }, 'TAX_ID_NOT_RECIPIENT', { taxId: BIANCHI }],
    ['someone who is not a recipient at all', { recipientTaxId: STRANGER.toLowerCase() }, 'TAX_ID_NOT_RECIPIENT', { taxId: STRANGER }],
    ['the PF recipient showing the PG recipient\'s QR', { notification: withCompany, qrRecipientIndex: 1 }, 'TAX_ID_NOT_RECIPIENT', { taxId: ROSSI }],
    ['a token pointing past the recipient list', { qrRecipientIndex: 5 }, 'TAX_ID_NOT_RECIPIENT', { taxId: ROSSI }],
    [
      'a delegate of the other recipient',
      { qrRecipientIndex: 1, recipientTaxId: ROSSI, delegate: delegate({ mandateId: 'm-1', delegatorTaxId: ROSSI }) },
      'TAX_ID_NOT_RECIPIENT',
      { taxId: ROSSI },
    ],
    [
      'a delegate whose mandate comes from someone else',
      { delegate: delegate({ mandateId: 'm-2', delegatorTaxId: BIANCHI }) },
      'DELEGATION_MISSING',
      { recipientTaxId: ROSSI, delegateTaxId: 'VRDGPP80M01H501L' },
    ],
    ['a delegate without a mandate', { delegate: delegate(null) }, 'DELEGATION_MISSING', { recipientTaxId: ROSSI, delegateTaxId: 'VRDGPP80M01H501L' }],
  ];
  it.each(refusals)('refuses %s', (_name, overrides, code, params) => {
    const r = checkAarQrOwnership(input(overrides));
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.code, r.params, r.raddCode]).toEqual([code, params, 10]);
  });
});
