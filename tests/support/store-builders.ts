// Test data for the store suites: notifications with small valid timelines that bring them to a
// chosen status (DOMAIN.md 4.2 rows), with distinct IUNs per call.
import type { Notification, NotificationStatus, TimelineElementInput } from '../../core/index.js';
import type { NotificationImport } from '../../db/repositories/timeline-writer.js';

const LETTERS = 'ADEGHJKLMNPQRTUVWXYZ';
let counter = 0;

/** A syntactically valid IUN, unique within the test run (check character not computed). */
export function nextIun(yyyymm = '202603'): string {
  counter += 1;
  let n = counter;
  let groups = '';
  for (let i = 0; i < 12; i++) {
    groups += LETTERS[n % 20];
    n = Math.floor(n / 20);
  }
  return `${groups.slice(0, 4)}-${groups.slice(4, 8)}-${groups.slice(8, 12)}-${yyyymm}-A-1`;
}

export function aNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    iun: nextIun(),
    sentAt: '2026-03-10T09:15:00+01:00',
    senderDenomination: 'Comune di Milano',
    senderTaxId: '01199250158',
    subject: 'Verbale di contravvenzione al codice della strada',
    physicalCommunicationType: 'REGISTERED_LETTER_890',
    recipients: [
      {
        taxId: 'RSSMRA85T10A562S',
        recipientType: 'PF',
        denomination: 'Mario Rossi',
        digitalDomicile: { type: 'PEC', address: 'mario.rossi@pec.example.it' },
        physicalAddress: { address: 'Via Roma 1', zip: '00184', municipality: 'Roma', province: 'RM' },
        payments: [{ noticeCode: '302000100000019421', creditorTaxId: '01199250158', amountCents: 10150, dueDate: '2026-04-10' }],
      },
    ],
    documents: [{ title: 'Verbale', contentType: 'application/pdf', digests: { sha256: 'jezIVxlG1M1woCSUngM6KipUN3/p8cG5RMIPnuEanlE=' } }],
    ...overrides,
  };
}

/** Minutes after sentAt, as an ISO instant in UTC. */
function after(n: Notification, minutes: number): string {
  return new Date(Date.parse(n.sentAt) + minutes * 60_000).toISOString();
}

function pecDelivered(n: Notification, rec: number): TimelineElementInput[] {
  return [
    { category: 'SEND_DIGITAL_DOMICILE', at: after(n, 10), recipientIndex: rec, details: { digitalAddressSource: 'SPECIAL', sentAttemptMade: 0, retryNumber: 0 } },
    { category: 'SEND_DIGITAL_FEEDBACK', at: after(n, 20), recipientIndex: rec, details: { digitalAddressSource: 'SPECIAL', sentAttemptMade: 0, responseStatus: 'OK', deliveryDetailCode: 'C003' } },
    { category: 'DIGITAL_DELIVERY_CREATION_REQUEST', at: after(n, 21), recipientIndex: rec, details: { endWorkflowStatus: 'SUCCESS' } },
  ];
}

/** A timeline that brings `n` to `status` (DOMAIN.md 4.2); REFUSED/IN_VALIDATION are the short ones. */
export function aTimeline(n: Notification, status: NotificationStatus): TimelineElementInput[] {
  if (status === 'IN_VALIDATION') return [];
  if (status === 'REFUSED') return [{ category: 'REQUEST_REFUSED', at: after(n, 2), details: { refusalReasons: [{ errorCode: 'FILE_NOTFOUND', detail: 'x' }] } }];
  const accepted: TimelineElementInput[] = [{ category: 'REQUEST_ACCEPTED', at: after(n, 3), details: {} }];
  const recs = n.recipients.map((_, i) => i);
  switch (status) {
    case 'ACCEPTED':
      return accepted;
    case 'DELIVERING':
      return [...accepted, pecDelivered(n, 0)[0]!];
    case 'DELIVERED':
      return [...accepted, ...recs.flatMap((r) => pecDelivered(n, r))];
    case 'VIEWED':
      return [...accepted, { category: 'NOTIFICATION_VIEWED', at: after(n, 30), recipientIndex: 0, details: { raddType: 'ALT', raddTransactionId: 'op-x' } }];
    case 'CANCELLED':
      return [...accepted, { category: 'NOTIFICATION_CANCELLED', at: after(n, 40), details: {} }];
    default:
      throw new Error(`no fixture timeline for ${status}`);
  }
}

/** A notification and the timeline that brings it to `status`. */
export function anImport(overrides: Partial<Notification> = {}, status: NotificationStatus = 'ACCEPTED'): NotificationImport & { elements: TimelineElementInput[] } {
  const notification = aNotification(overrides);
  return { notification, elements: aTimeline(notification, status) };
}
