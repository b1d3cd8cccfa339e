// What a postal clerk records, by meaning, and which paper codes each meaning becomes per product
// (DOMAIN.md 7.3, 7.4). The rules of when a meaning may be recorded are in outcome.ts.
import type { IsoInstant, PhysicalAddress } from '../model/types.js';
import type { FailureCause } from './codes.js';
import type { PaperAttachment } from './elements.js';

export const POSTAL_OUTCOME_KINDS = [
  'DELIVERED_TO_RECIPIENT',
  'DELIVERED_TO_OTHER_PERSON',
  'DELIVERED_AT_CONCIERGE',
  'REFUSED',
  'DECEASED',
  'UNDELIVERED',
  'IN_GIACENZA',
  'COLLECTED_FROM_GIACENZA',
  'COLLECTED_BY_DELEGATE_FROM_GIACENZA',
  'NOT_COLLECTED_AT_GIACENZA',
  'GIACENZA_EXPIRED',
  'GIACENZA_TERM_ELAPSED',
  'THEFT_LOSS_DAMAGE',
  'NOT_REPORTABLE',
  'FORCE_MAJEURE',
  'SCANS_RECEIVED',
] as const;
export type PostalOutcomeKind = (typeof POSTAL_OUTCOME_KINDS)[number];

/** The products a postal clerk records outcomes for. */
export type PostalProduct = 'AR' | '890' | 'RS';

interface OutcomeBase {
  /** The date on the postal receipt (DOMAIN.md 7.3: never "now"). */
  at: IsoInstant;
  /** Scans of the receipt; they become the B/E event of the outcome (RECAG011B for a 890 giacenza). */
  attachments?: readonly PaperAttachment[];
  /** Date of the scans when later than `at`. */
  scansAt?: IsoInstant;
}

export type PostalOutcome =
  | (OutcomeBase & {
      kind: 'DELIVERED_TO_RECIPIENT' | 'REFUSED' | 'DECEASED' | 'COLLECTED_FROM_GIACENZA' | 'NOT_COLLECTED_AT_GIACENZA'
        | 'GIACENZA_EXPIRED' | 'NOT_REPORTABLE' | 'FORCE_MAJEURE';
    })
  | (OutcomeBase & { kind: 'DELIVERED_TO_OTHER_PERSON'; receiverName: string; receiverRelation: string })
  | (OutcomeBase & { kind: 'DELIVERED_AT_CONCIERGE'; receiverName?: string })
  | (OutcomeBase & { kind: 'COLLECTED_BY_DELEGATE_FROM_GIACENZA'; delegateName?: string })
  | (OutcomeBase & { kind: 'UNDELIVERED'; cause: FailureCause; discoveredAddress?: PhysicalAddress })
  | (OutcomeBase & { kind: 'IN_GIACENZA'; office?: string; giacenzaAt?: IsoInstant })
  | (OutcomeBase & { kind: 'THEFT_LOSS_DAMAGE'; cause: FailureCause })
  /** 890 only: the 10-day deposit term ran; its date is computed (inesito + 10 days), so there is no `at`. */
  | { kind: 'GIACENZA_TERM_ELAPSED' }
  | { kind: 'SCANS_RECEIVED'; at: IsoInstant; attachments: readonly PaperAttachment[] };

/** How a kind is written in codes: an A/B/C or D/E/F triple, one code, or the giacenza pair. */
export type CodeSpec =
  | { triple: string; letters: 'ABC' | 'DEF' }
  | { single: string }
  | { inesito: string; giacenza: string }
  | { scans: true };

const t = (triple: string, letters: 'ABC' | 'DEF' = 'ABC'): CodeSpec => ({ triple, letters });
const s = (single: string): CodeSpec => ({ single });
const SCANS: CodeSpec = { scans: true };

/** Kind -> product -> codes. A product missing from a row means PRODUCT_MISMATCH. */
export const OUTCOME_CODES: Readonly<Record<PostalOutcomeKind, Partial<Record<PostalProduct, CodeSpec>>>> = {
  // AR has a single "delivered" outcome whoever signs the card; 890 distinguishes authorised persons.
  DELIVERED_TO_RECIPIENT: { AR: t('RECRN001'), '890': t('RECAG001'), RS: s('RECRS001C') },
  DELIVERED_TO_OTHER_PERSON: { AR: t('RECRN001'), '890': t('RECAG002'), RS: s('RECRS001C') },
  DELIVERED_AT_CONCIERGE: { AR: t('RECRN001'), '890': t('RECAG002'), RS: s('RECRS001C') },
  REFUSED: { AR: t('RECRN002'), '890': t('RECAG003'), RS: t('RECRS002') },
  DECEASED: { AR: t('RECRN002'), '890': t('RECAG003'), RS: t('RECRS002') },
  UNDELIVERED: { AR: t('RECRN002', 'DEF'), '890': t('RECAG003', 'DEF'), RS: t('RECRS002', 'DEF') },
  IN_GIACENZA: {
    AR: { inesito: 'RECRN010', giacenza: 'RECRN011' },
    '890': { inesito: 'RECAG010', giacenza: 'RECAG011A' },
    RS: { inesito: 'RECRS010', giacenza: 'RECRS011' },
  },
  COLLECTED_FROM_GIACENZA: { AR: t('RECRN003'), '890': t('RECAG005'), RS: s('RECRS003C') },
  COLLECTED_BY_DELEGATE_FROM_GIACENZA: { '890': t('RECAG006') },
  NOT_COLLECTED_AT_GIACENZA: { AR: t('RECRN004'), '890': t('RECAG007'), RS: t('RECRS004') },
  GIACENZA_EXPIRED: { AR: t('RECRN005'), '890': t('RECAG008'), RS: t('RECRS005') },
  GIACENZA_TERM_ELAPSED: { '890': s('RECAG012') },
  THEFT_LOSS_DAMAGE: { AR: s('RECRN006'), '890': s('RECAG004'), RS: s('RECRS006') },
  NOT_REPORTABLE: { AR: s('RECRN013'), '890': s('RECAG013'), RS: s('RECRS013') },
  FORCE_MAJEURE: { AR: s('RECRN015'), '890': s('RECAG015'), RS: s('RECRS015') },
  SCANS_RECEIVED: { AR: SCANS, '890': SCANS, RS: SCANS },
};

/** Outcomes recorded at the door, before any giacenza. */
export const DOOR_KINDS: readonly PostalOutcomeKind[] = [
  'DELIVERED_TO_RECIPIENT', 'DELIVERED_TO_OTHER_PERSON', 'DELIVERED_AT_CONCIERGE', 'REFUSED', 'DECEASED', 'UNDELIVERED', 'IN_GIACENZA',
];
/** Outcomes that end a giacenza; after a term final (PNRN012, RECAG012) they are still recorded, as progress. */
export const GIACENZA_CLOSING_KINDS: readonly PostalOutcomeKind[] = [
  'COLLECTED_FROM_GIACENZA', 'COLLECTED_BY_DELEGATE_FROM_GIACENZA', 'NOT_COLLECTED_AT_GIACENZA', 'GIACENZA_EXPIRED',
];
/** Events of the journey that may happen at any time before the final (the item is re-sent or delayed). */
export const JOURNEY_KINDS: readonly PostalOutcomeKind[] = ['THEFT_LOSS_DAMAGE', 'NOT_REPORTABLE', 'FORCE_MAJEURE'];
