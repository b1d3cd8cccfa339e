// The outcome a screen or a CSV line sends (by meaning, dates as on the receipt, scans by their
// content key) -> the core's PostalOutcome and next step (DOMAIN.md 7.3). No rule is decided here:
// the core refuses what does not fit the attempt.
import {
  DomainError,
  type NextStepAfterFirstFailure,
  type PaperAttachment,
  type PhysicalAddress,
  type PostalOutcome,
} from '../../core/index.js';
import type { OutcomeInput } from '../api/contract/postal.js';
import { parseReceiptDate } from './receipt-date.js';

/** How a stored scan is named in details.attachments: its content key in the desk's file store. */
export const SCAN_URL_PREFIX = 'filestore://';

export interface FileLookup {
  has(sha256: string): Promise<boolean>;
}

export interface CoreOutcome {
  outcome: PostalOutcome;
  /** undefined: no next step given; null: the clerk left the address search to SEND. */
  next: NextStepAfterFirstFailure | null | undefined;
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined || value === '') throw new DomainError('POSTAL_FIELD_REQUIRED', { field });
  return value;
}

function address(a: NonNullable<OutcomeInput['discoveredAddress']>): PhysicalAddress {
  const out: PhysicalAddress = { address: a.address, zip: a.zip, municipality: a.municipality };
  if (a.addressDetails) out.addressDetails = a.addressDetails;
  if (a.province) out.province = a.province;
  return out;
}

async function attachmentsOf(input: OutcomeInput, files: FileLookup): Promise<PaperAttachment[] | undefined> {
  if (!input.scans?.length) return undefined;
  const out: PaperAttachment[] = [];
  for (const s of input.scans) {
    if (!(await files.has(s.sha256))) throw new DomainError('POSTAL_SCAN_NOT_FOUND', { sha256: s.sha256 });
    out.push({ documentType: s.documentType, url: `${SCAN_URL_PREFIX}${s.sha256}`, id: s.sha256 });
  }
  return out;
}

function nextOf(input: OutcomeInput, now: string | undefined): CoreOutcome['next'] {
  const n = input.next;
  if (!n) return undefined;
  if (n.kind === 'ADDRESS_INVESTIGATION') return null;
  const at = n.at === undefined ? {} : { at: parseReceiptDate(n.at, now) };
  if (n.kind === 'SECOND_ATTEMPT') return { kind: 'SECOND_ATTEMPT', address: address(n.address), ...at };
  return { kind: 'NO_SECOND_ADDRESS', failureCause: n.failureCause, ...at };
}

function withAt(input: OutcomeInput, attachments: PaperAttachment[] | undefined, now: string | undefined): PostalOutcome {
  const at = parseReceiptDate(required(input.at, 'date'), now);
  const base = attachments ? { at, attachments } : { at };
  switch (input.kind) {
    case 'DELIVERED_TO_OTHER_PERSON':
      return { ...base, kind: input.kind, receiverName: required(input.receiverName, 'receiverName'), receiverRelation: required(input.receiverRelation, 'receiverRelation') };
    case 'DELIVERED_AT_CONCIERGE':
      return { ...base, kind: input.kind, ...(input.receiverName ? { receiverName: input.receiverName } : {}) };
    case 'COLLECTED_BY_DELEGATE_FROM_GIACENZA':
      return { ...base, kind: input.kind, ...(input.delegateName ? { delegateName: input.delegateName } : {}) };
    case 'UNDELIVERED':
    case 'THEFT_LOSS_DAMAGE': {
      // An absent cause reaches the core, which answers MISSING_FAILURE_CAUSE (DOMAIN.md 7.4).
      const cause = input.cause as never;
      if (input.kind === 'THEFT_LOSS_DAMAGE') return { ...base, kind: input.kind, cause };
      return { ...base, kind: input.kind, cause, ...(input.discoveredAddress ? { discoveredAddress: address(input.discoveredAddress) } : {}) };
    }
    case 'IN_GIACENZA':
      return {
        ...base, kind: input.kind,
        ...(input.office ? { office: input.office } : {}),
        ...(input.giacenzaAt ? { giacenzaAt: parseReceiptDate(input.giacenzaAt, now) } : {}),
      };
    case 'SCANS_RECEIVED':
      return { kind: input.kind, at, attachments: attachments ?? [] };
    case 'GIACENZA_TERM_ELAPSED':
      throw new DomainError('POSTAL_UNKNOWN_OUTCOME', { value: input.kind });
    default:
      return { ...base, kind: input.kind };
  }
}

/**
 * The core's outcome for an input; throws POSTAL_FIELD_REQUIRED, POSTAL_DATE_INVALID,
 * POSTAL_TIME_REQUIRED (a date alone for today before midday, with `now`), POSTAL_SCAN_NOT_FOUND.
 */
export async function toCoreOutcome(input: OutcomeInput, files: FileLookup, now?: string): Promise<CoreOutcome> {
  const attachments = await attachmentsOf(input, files);
  // The 890 term has a computed date (inesito + 10 days): no date is typed for it (DOMAIN.md 7.3).
  const outcome: PostalOutcome = input.kind === 'GIACENZA_TERM_ELAPSED' ? { kind: 'GIACENZA_TERM_ELAPSED' } : withAt(input, attachments, now);
  return { outcome, next: nextOf(input, now) };
}
