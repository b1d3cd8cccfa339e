// The new-notification form's state, shaped like sender.create's input (B2B NewNotificationRequest),
// with empty optional fields left out when sent. No rule here: the host validates with the core.
import type { InputOf } from '../../../electron/api/contract/index.js';

export interface PaymentDraft { noticeCode: string; creditorTaxId: string; amountEuro: number | null; applyCost: boolean }
export interface RecipientDraft {
  recipientType: 'PF' | 'PG';
  taxId: string;
  denomination: string;
  pec: string;
  address: string;
  addressDetails: string;
  zip: string;
  municipality: string;
  province: string;
  foreignState: string;
  payments: PaymentDraft[];
}
export interface DocumentDraft { title: string; sha256Base64: string; size: number; fileName: string }
export interface NotificationDraft {
  senderDenomination: string;
  senderTaxId: string;
  paProtocolNumber: string;
  idempotenceToken: string;
  subject: string;
  abstract: string;
  taxonomyCode: string;
  physicalCommunicationType: 'REGISTERED_LETTER_890' | 'AR_REGISTERED_LETTER';
  notificationFeePolicy: 'FLAT_RATE' | 'DELIVERY_MODE';
  paFee: number | null;
  vat: number | null;
  group: string;
  recipients: RecipientDraft[];
  documents: DocumentDraft[];
}

export function emptyRecipient(): RecipientDraft {
  return { recipientType: 'PF', taxId: '', denomination: '', pec: '', address: '', addressDetails: '', zip: '', municipality: '', province: '', foreignState: '', payments: [] };
}

export function emptyDraft(sender: { taxId: string | null; denomination: string | null }): NotificationDraft {
  return {
    senderDenomination: sender.denomination ?? '', senderTaxId: sender.taxId ?? '', paProtocolNumber: '', idempotenceToken: '', subject: '', abstract: '',
    taxonomyCode: '', physicalCommunicationType: 'REGISTERED_LETTER_890', notificationFeePolicy: 'FLAT_RATE', paFee: null, vat: null, group: '',
    recipients: [emptyRecipient()], documents: [],
  };
}

const opt = <K extends string>(k: K, v: string) => (v.trim() ? { [k]: v.trim() } : {}) as Partial<Record<K, string>>;

export function toCreateInput(d: NotificationDraft): InputOf<'sender.create'> {
  return {
    senderDenomination: d.senderDenomination, senderTaxId: d.senderTaxId, paProtocolNumber: d.paProtocolNumber, subject: d.subject,
    taxonomyCode: d.taxonomyCode.trim().toUpperCase(), physicalCommunicationType: d.physicalCommunicationType, notificationFeePolicy: d.notificationFeePolicy,
    ...opt('idempotenceToken', d.idempotenceToken), ...opt('abstract', d.abstract), ...opt('group', d.group),
    ...(d.paFee !== null ? { paFee: d.paFee } : {}), ...(d.vat !== null ? { vat: d.vat } : {}),
    recipients: d.recipients.map((r) => ({
      recipientType: r.recipientType, taxId: r.taxId, denomination: r.denomination,
      ...(r.pec.trim() ? { digitalDomicile: { type: 'PEC' as const, address: r.pec.trim() } } : {}),
      physicalAddress: { address: r.address, municipality: r.municipality, ...opt('zip', r.zip), ...opt('addressDetails', r.addressDetails), ...opt('province', r.foreignState.trim() ? r.province : r.province.toUpperCase()), ...opt('foreignState', r.foreignState) },
      ...(r.payments.length ? {
        payments: r.payments.map((p) => ({ noticeCode: p.noticeCode, creditorTaxId: p.creditorTaxId, applyCost: p.applyCost, ...(p.amountEuro !== null ? { amountCents: Math.round(p.amountEuro * 100) } : {}) })),
      } : {}),
    })),
    documents: d.documents.map((x) => ({ title: x.title, sha256Base64: x.sha256Base64 })),
  };
}
