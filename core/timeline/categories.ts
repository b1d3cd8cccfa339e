// The category table of DOMAIN.md 5 as data: rank (row order, used only to break ties of equal
// `at`) and the elementId pattern. Read it side by side with the table in DOMAIN.md.
import { OTHER_KNOWN_CATEGORIES, TIMELINE_CATEGORIES } from '../model/types.js';
import type { TimelineCategory } from '../model/types.js';

/**
 * One segment after `IUN_x[.RECINDEX_i]` of an elementId; the value source is given by DOMAIN.md 5:
 * SOURCE = details.digitalAddressSource, ATTEMPT = details.sentAttemptMade (0 when absent),
 * IDX = details.progressIndex, COURTESYADDRESSTYPE = details.digitalAddressType,
 * REPEAT = "true" only when details.isFirstSendRetry is true, CORRELATIONID = details.correlationId
 * (the element's `at` as written when absent), DELIVERYMODE / CONTACTPHASE = details.deliveryMode /
 * details.contactPhase.
 */
export type IdSegment = 'SOURCE' | 'ATTEMPT' | 'IDX' | 'COURTESYADDRESSTYPE' | 'REPEAT' | 'CORRELATIONID' | 'DELIVERYMODE' | 'CONTACTPHASE';

export interface IdPattern {
  prefix: string;
  /** `IUN_<iun>` segment present (all but the registry response). */
  iun: boolean;
  /** `RECINDEX_<i>` segment present: the element belongs to one recipient and must say which. */
  recipient: boolean;
  segments: readonly IdSegment[];
}

const p = (prefix: string, recipient: boolean, ...segments: IdSegment[]): IdPattern => ({ prefix, iun: true, recipient, segments });

/** DOMAIN.md 5, column "elementId pattern", row by row. */
export const ID_PATTERNS: Readonly<Record<TimelineCategory, IdPattern>> = {
  SENDER_ACK_CREATION_REQUEST: p('SENDERACK_LEGALFACT_CREATION_REQUEST', false),
  VALIDATE_NORMALIZE_ADDRESSES_REQUEST: p('VALIDATE_NORMALIZE_ADDRESSES_REQUEST', false),
  NORMALIZED_ADDRESS: p('NORMALIZED_ADDRESS', true),
  REQUEST_REFUSED: p('REQUEST_REFUSED', false),
  REQUEST_ACCEPTED: p('REQUEST_ACCEPTED', false),
  AAR_CREATION_REQUEST: p('AAR_CREATION_REQUEST', true),
  AAR_GENERATION: p('AAR_GEN', true),
  SEND_COURTESY_MESSAGE: p('SEND_COURTESY_MESSAGE', true, 'COURTESYADDRESSTYPE'),
  PROBABLE_SCHEDULING_ANALOG_DATE: p('PROBABLE_SCHEDULING_ANALOG_DATE', true),
  GET_ADDRESS: p('GET_ADDRESS', true, 'SOURCE', 'ATTEMPT'),
  PUBLIC_REGISTRY_CALL: p('NATIONAL_REGISTRY_CALL', true, 'DELIVERYMODE', 'CONTACTPHASE', 'ATTEMPT'),
  PUBLIC_REGISTRY_RESPONSE: { prefix: 'NATIONAL_REGISTRY_RESPONSE', iun: false, recipient: false, segments: ['CORRELATIONID'] },
  SCHEDULE_ANALOG_WORKFLOW: p('SCHEDULE_ANALOG_WORKFLOW', true, 'ATTEMPT'),
  SCHEDULE_DIGITAL_WORKFLOW: p('SCHEDULE_DIGITAL_WORKFLOW', true, 'SOURCE', 'ATTEMPT'),
  PREPARE_DIGITAL_DOMICILE: p('PREPARE_DIGITAL_DOMICILE', true, 'SOURCE', 'ATTEMPT', 'CORRELATIONID'),
  SEND_DIGITAL_DOMICILE: p('SEND_DIGITAL', true, 'SOURCE', 'REPEAT', 'ATTEMPT'),
  SEND_DIGITAL_PROGRESS: p('DIGITAL_PROG', true, 'SOURCE', 'REPEAT', 'ATTEMPT', 'IDX'),
  SEND_DIGITAL_FEEDBACK: p('SEND_DIGITAL_FEEDBACK', true, 'SOURCE', 'ATTEMPT'),
  DIGITAL_DELIVERY_CREATION_REQUEST: p('DIGITAL_DELIVERY_CREATION_REQUEST', true),
  DIGITAL_SUCCESS_WORKFLOW: p('DIGITAL_SUCCESS_WORKFLOW', true),
  DIGITAL_FAILURE_WORKFLOW: p('DIGITAL_FAILURE_WORKFLOW', true),
  PREPARE_SIMPLE_REGISTERED_LETTER: p('PREPARE_SIMPLE_REGISTERED_LETTER', true),
  SEND_SIMPLE_REGISTERED_LETTER: p('SEND_SIMPLE_REGISTERED_LETTER', true),
  SIMPLE_REGISTERED_LETTER_PROGRESS: p('SIMPLE_REGISTERED_LETTER_PROGRESS', true, 'ATTEMPT', 'IDX'),
  PREPARE_ANALOG_DOMICILE: p('PREPARE_ANALOG_DOMICILE', true, 'ATTEMPT'),
  PREPARE_ANALOG_DOMICILE_FAILURE: p('PREPARE_ANALOG_DOMICILE_FAILURE', true, 'ATTEMPT'),
  SEND_ANALOG_DOMICILE: p('SEND_ANALOG_DOMICILE', true, 'ATTEMPT'),
  SEND_ANALOG_PROGRESS: p('SEND_ANALOG_PROGRESS', true, 'ATTEMPT', 'IDX'),
  SEND_ANALOG_FEEDBACK: p('SEND_ANALOG_FEEDBACK', true, 'ATTEMPT'),
  ANALOG_SUCCESS_WORKFLOW: p('ANALOG_SUCCESS_WORKFLOW', true),
  ANALOG_FAILURE_WORKFLOW: p('ANALOG_FAILURE_WORKFLOW', true),
  ANALOG_WORKFLOW_RECIPIENT_DECEASED: p('ANALOG_WORKFLOW_RECIPIENT_DECEASED', true),
  COMPLETELY_UNREACHABLE_CREATION_REQUEST: p('COMPLETELY_UNREACHABLE_CREATION_REQUEST', true),
  COMPLETELY_UNREACHABLE: p('COMPLETELY_UNREACHABLE', true),
  SCHEDULE_REFINEMENT: p('SCHEDULE_REFINEMENT_WORKFLOW', true),
  REFINEMENT: p('REFINEMENT', true),
  NOTIFICATION_VIEWED_CREATION_REQUEST: p('NOTIFICATION_VIEWED_CREATION_REQUEST', true),
  NOTIFICATION_VIEWED: p('NOTIFICATION_VIEWED', true),
  NOTIFICATION_RADD_RETRIEVED: p('NOTIFICATION_RADD_RETRIEVED', true),
  NOTIFICATION_CANCELLATION_REQUEST: p('NOTIFICATION_CANCELLATION_REQUEST', false),
  NOTIFICATION_CANCELLED: p('NOTIFICATION_CANCELLED', false),
  NOT_HANDLED: p('NOT_HANDLED', true),
  // DOMAIN.md 5 notes: known, status-neutral categories outside the table. Their SEND patterns are
  // not in the sources; choice: `<CATEGORY>.IUN_x[.RECINDEX_i].AT_<at as written>` (RECINDEX when
  // given, never required; see element-id.ts),
  // so that two distinct events (e.g. two payments) are not merged, while a repeated one is.
  PUBLIC_REGISTRY_VALIDATION_CALL: p('PUBLIC_REGISTRY_VALIDATION_CALL', false),
  PUBLIC_REGISTRY_VALIDATION_RESPONSE: p('PUBLIC_REGISTRY_VALIDATION_RESPONSE', false),
  ANALOG_FAILURE_WORKFLOW_TIMEOUT: p('ANALOG_FAILURE_WORKFLOW_TIMEOUT', false),
  NOTIFICATION_PAID: p('NOTIFICATION_PAID', false),
  VALIDATED_F24: p('VALIDATED_F24', false),
  GENERATE_F24_REQUEST: p('GENERATE_F24_REQUEST', false),
  GENERATED_F24: p('GENERATED_F24', false),
  SEND_ANALOG_TIMEOUT: p('SEND_ANALOG_TIMEOUT', false),
  VALIDATE_F24_REQUEST: p('VALIDATE_F24_REQUEST', false),
  PAYMENT: p('PAYMENT', false),
  NOTIFICATION_CANCELLED_DOCUMENT_CREATION_REQUEST: p('NOTIFICATION_CANCELLED_DOCUMENT_CREATION_REQUEST', false),
  NOTIFICATION_TIMELINE_REWORKED: p('NOTIFICATION_TIMELINE_REWORKED', false),
};

/** Everything the engine looks up about a category, in one lookup. */
export interface CategoryInfo {
  category: TimelineCategory;
  /** Row number in DOMAIN.md 5 (1..42); the other known categories after. */
  rank: number;
  pattern: IdPattern;
  /** Known category outside the DOMAIN.md 5 table. */
  other: boolean;
}

const INFO = new Map<string, CategoryInfo>();
TIMELINE_CATEGORIES.forEach((category, i) => INFO.set(category, { category, rank: i + 1, pattern: ID_PATTERNS[category], other: false }));
OTHER_KNOWN_CATEGORIES.forEach((category, i) =>
  INFO.set(category, { category, rank: TIMELINE_CATEGORIES.length + 1 + i, pattern: ID_PATTERNS[category], other: true }),
);
/**
 * SEND's API spells row 24 `SEND_SIMPLE_REGISTERED_LETTER_PROGRESS` (TimelineElementCategoryV2x in
 * ../shared/specs/); DOMAIN.md 5 and the engine call it SIMPLE_REGISTERED_LETTER_PROGRESS. Read as
 * the same category, so that an RS scan pulled from SEND counts (its legal facts, its rank).
 */
export const CATEGORY_ALIASES: Readonly<Record<string, TimelineCategory>> = {
  SEND_SIMPLE_REGISTERED_LETTER_PROGRESS: 'SIMPLE_REGISTERED_LETTER_PROGRESS',
};
for (const [alias, category] of Object.entries(CATEGORY_ALIASES)) INFO.set(alias, INFO.get(category)!);

/** The category's info, or undefined when the engine does not know it. */
export function categoryInfo(category: string): CategoryInfo | undefined {
  return INFO.get(category);
}

/** True for the known categories outside the DOMAIN.md 5 table (their ids end with the `at`). */
export function isOtherKnownCategory(category: TimelineCategory): boolean {
  return INFO.get(category)?.other === true;
}

/** Rank of a category: its row number in DOMAIN.md 5 (1..42), the other known ones after; undefined when unknown. */
export function categoryRank(category: string): number | undefined {
  return INFO.get(category)?.rank;
}

/** Narrowing check: the category is one the engine knows (DOMAIN.md 5 table and notes). */
export function isKnownCategory(category: string): category is TimelineCategory {
  return INFO.has(category);
}
