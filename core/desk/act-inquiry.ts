// ACT eligibility: may this person collect this notification at the desk, and what is printed
// (DOMAIN.md 10 step 2, 10.1 "Print limit", 13).
import type { DerivedNotification, IsoInstant, Notification, RecipientType } from '../model/types.js';
import { buildPrintableDocuments, type PrintableDocument } from './printable-documents.js';
import { deskFailure, type DeskFailure } from './result.js';
import { normalizeTaxIdInput } from '../identifiers/tax-id.js';
import { tryParseInstant } from '../time/index.js';

/** Shipped `maxPrintRequests` of SEND (DOMAIN.md 10.1); 0 means unlimited. */
export const DEFAULT_PRINT_LIMIT = 10;

/** An accepted delegation (SEND mandate) from the recipient to the delegate. */
export interface DeskMandate {
  mandateId: string;
  delegatorTaxId: string;
  validFrom?: IsoInstant | null;
  validTo?: IsoInstant | null;
}

export interface DeskDelegate {
  taxId: string;
  denomination: string;
  delegateType: RecipientType;
  /** The active delegation found for this delegate, or null when none was found. */
  mandate: DeskMandate | null;
}

export interface ActInquiryInput {
  /** undefined when no notification has that IUN (or the QR resolved to nothing). */
  notification: Notification | undefined;
  derived: DerivedNotification | undefined;
  recipientTaxId: string;
  delegate?: DeskDelegate | null;
  now: IsoInstant;
  /** Completed ACT transactions for this IUN and recipient (aborted ones do not count). */
  printCountForRecipient: number;
  /** 0 = unlimited. */
  printLimit: number;
  /**
   * What the clerk read: an AAR QR (default) or an IUN typed or scanned. A tax code that is not a
   * recipient is "QR non associato al codice fiscale" for a QR (DOMAIN.md 13); for an IUN there is no
   * QR to speak of, and the message names the notification instead.
   */
  readFrom?: 'QR' | 'IUN';
}

export interface ActInquiryOk {
  ok: true;
  recipientIndex: number;
  documents: PrintableDocument[];
}

export type ActInquiryErrorCode =
  | 'NOTIFICATION_NOT_FOUND'
  | 'NOTIFICATION_REFUSED'
  | 'NOTIFICATION_CANCELLED'
  | 'TAX_ID_NOT_RECIPIENT'
  | 'IUN_NOT_OF_TAX_ID'
  | 'DELEGATION_MISSING'
  | 'PRINT_LIMIT_REACHED'
  | 'DOCUMENTS_NO_LONGER_AVAILABLE';

export type ActInquiryResult = ActInquiryOk | DeskFailure<ActInquiryErrorCode>;

/** Tax codes compare as typed codes are read everywhere (spaces removed, upper case). */
export const normaliseTaxId = (taxId: string): string => normalizeTaxIdInput(taxId);

/** Whether `count` completed prints already reach the limit (0 = unlimited). */
export function isPrintLimitReached(count: number, limit: number): boolean {
  return limit > 0 && count >= limit;
}

/** Index of the recipient with that tax code, or -1. */
export function findRecipientIndex(notification: Notification, taxId: string): number {
  const wanted = normaliseTaxId(taxId);
  return notification.recipients.findIndex((r) => normaliseTaxId(r.taxId) === wanted);
}

/** A delegate may act only with an accepted mandate of this recipient, valid now (DOMAIN.md 10 step 1). */
export function hasActiveMandate(delegate: DeskDelegate, recipientTaxId: string, now: IsoInstant): boolean {
  const m = delegate.mandate;
  if (!m || m.mandateId.trim() === '') return false;
  if (normaliseTaxId(m.delegatorTaxId) !== normaliseTaxId(recipientTaxId)) return false;
  const t = tryParseInstant(now);
  if (m.validFrom && t < tryParseInstant(m.validFrom)) return false;
  if (m.validTo && t > tryParseInstant(m.validTo)) return false;
  return true;
}

/**
 * Checks in this order: the notification exists and is visible (IN_VALIDATION = not found), was not
 * refused, the tax code is one of its recipients (checked before revealing a cancellation), the
 * delegate holds a mandate, not cancelled, print limit, and finally that something is printable.
 */
export function checkActInquiry(input: ActInquiryInput): ActInquiryResult {
  const { notification, derived } = input;
  if (!notification || !derived || derived.status === 'IN_VALIDATION') return deskFailure('NOTIFICATION_NOT_FOUND', {});
  if (derived.status === 'REFUSED') return deskFailure('NOTIFICATION_REFUSED', { iun: notification.iun });
  const recipientIndex = findRecipientIndex(notification, input.recipientTaxId);
  if (recipientIndex < 0) {
    const taxId = normaliseTaxId(input.recipientTaxId);
    return input.readFrom === 'IUN' ? deskFailure('IUN_NOT_OF_TAX_ID', { iun: notification.iun, taxId }) : deskFailure('TAX_ID_NOT_RECIPIENT', { taxId });
  }
  const delegate = input.delegate ?? null;
  if (delegate && !hasActiveMandate(delegate, input.recipientTaxId, input.now)) {
    const params = { recipientTaxId: normaliseTaxId(input.recipientTaxId), delegateTaxId: normaliseTaxId(delegate.taxId) };
    return deskFailure('DELEGATION_MISSING', params);
  }
  if (derived.status === 'CANCELLED') return deskFailure('NOTIFICATION_CANCELLED', { iun: notification.iun });
  if (isPrintLimitReached(input.printCountForRecipient, input.printLimit)) {
    return deskFailure('PRINT_LIMIT_REACHED', { limit: input.printLimit });
  }
  const documents = buildPrintableDocuments(notification, derived, recipientIndex, input.now);
  // The cover page alone is nothing to hand out.
  if (!documents.some((d) => d.kind !== 'COVER_PAGE' && d.available)) {
    return deskFailure('DOCUMENTS_NO_LONGER_AVAILABLE', { iun: notification.iun });
  }
  return { ok: true, recipientIndex, documents };
}
