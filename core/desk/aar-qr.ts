// "An AAR QR belongs to one recipient" (DOMAIN.md 9, 13): the tax code identified at the desk must
// be that of the recipient the QR was generated for, whether that recipient is at the counter or
// sends a delegate; otherwise "QR non associato al codice fiscale".
import type { IsoInstant, Notification } from '../model/types.js';
import { findRecipientIndex, hasActiveMandate, normaliseTaxId, type DeskDelegate } from './act-inquiry.js';
import { deskFailure, type DeskFailure } from './result.js';

export interface AarQrOwnershipInput {
  notification: Notification;
  /** The recipient index the scanned token resolved to (DOMAIN.md 9: never decoded, looked up). */
  qrRecipientIndex: number;
  /** The recipient identified at the counter (the delegator when a delegate is at the counter). */
  recipientTaxId: string;
  delegate?: DeskDelegate | null;
  now: IsoInstant;
}

export type AarQrOwnershipErrorCode = 'TAX_ID_NOT_RECIPIENT' | 'DELEGATION_MISSING';

export type AarQrOwnershipResult = { ok: true; recipientIndex: number } | DeskFailure<AarQrOwnershipErrorCode>;

/**
 * Whether the QR's recipient is the identified recipient, in person or through a delegate who holds
 * an active mandate of that recipient. Another recipient of the same notification is refused too:
 * the QR is per recipient, not per notification.
 */
export function checkAarQrOwnership(input: AarQrOwnershipInput): AarQrOwnershipResult {
  const taxId = normaliseTaxId(input.recipientTaxId);
  const identified = findRecipientIndex(input.notification, input.recipientTaxId);
  if (identified < 0 || identified !== input.qrRecipientIndex) return deskFailure('TAX_ID_NOT_RECIPIENT', { taxId });
  const delegate = input.delegate ?? null;
  if (delegate && !hasActiveMandate(delegate, input.recipientTaxId, input.now)) {
    return deskFailure('DELEGATION_MISSING', { recipientTaxId: taxId, delegateTaxId: normaliseTaxId(delegate.taxId) });
  }
  return { ok: true, recipientIndex: identified };
}
