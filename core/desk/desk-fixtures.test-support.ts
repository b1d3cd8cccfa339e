// Builders for the desk unit tests (test support only; not exported from core/index.ts).
import type { DerivedNotification, LegalFact, Notification, NotificationStatus, RecipientState } from '../model/types.js';

export function aNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    iun: 'QDUX-GHKP-JNAM-202603-T-1',
    sentAt: '2026-03-10T09:15:00+01:00',
    senderDenomination: 'Comune di Milano',
    senderTaxId: '01199250158',
    subject: 'Verbale di contravvenzione al codice della strada',
    physicalCommunicationType: 'AR_REGISTERED_LETTER',
    recipients: [
      {
        taxId: 'RSSMRA85T10A562S',
        recipientType: 'PF',
        denomination: 'Mario Rossi',
        payments: [{ noticeCode: '302000100000019421', creditorTaxId: '01199250158', amountCents: 4200 }],
      },
      { taxId: 'BNCLRA90A41F205I', recipientType: 'PF', denomination: 'Laura Bianchi' },
    ],
    documents: [
      { title: 'Verbale di accertamento', contentType: 'application/pdf', digests: { sha256: 'jezIVxlG1M1woCSUngM6KipUN3/p8cG5RMIPnuEanlE=' } },
      { title: 'Informativa', contentType: 'application/pdf', digests: { sha256: 'AAAAVxlG1M1woCSUngM6KipUN3/p8cG5RMIPnuEanlE=' } },
    ],
    ...overrides,
  };
}

export function aLegalFact(type: LegalFact['type'], elementId: string, recipientIndex?: number): LegalFact {
  return { id: `${elementId}~${type}`, type, elementId, at: '2026-03-10T10:00:00+01:00', ...(recipientIndex === undefined ? {} : { recipientIndex }) };
}

export function aRecipientState(overrides: Partial<RecipientState> = {}): RecipientState {
  return {
    recipientIndex: 0,
    viewedAt: null,
    refinementDate: null,
    refinedBy: null,
    termDate: null,
    outcome: 'IN_PROGRESS',
    legalFacts: [],
    ...overrides,
  };
}

export function aDerived(status: NotificationStatus, perRecipient: Partial<RecipientState>[] = [{}, {}]): DerivedNotification {
  return {
    iun: 'QDUX-GHKP-JNAM-202603-T-1',
    status,
    statusHistory: [],
    viewedAt: null,
    notificationLegalFacts: status === 'IN_VALIDATION' || status === 'REFUSED' ? [] : [aLegalFact('SENDER_ACK', 'REQUEST_ACCEPTED.IUN_QDUX-GHKP-JNAM-202603-T-1')],
    perRecipient: perRecipient.map((r, i) => aRecipientState({ recipientIndex: i, ...r })),
    warnings: [],
  };
}
