// The public surface of the core: other layers import only from here.
export * from './model/types.js';
export * from './errors/index.js';
export * from './labels/status-labels.js';
// Sender screens: timeline category and PEC code labels, outcome channel (DOMAIN.md 5, 7, 12).
export * from './labels/timeline-labels.js';
export * from './labels/outcome-channel.js';
// The largest files accepted (scans at the counter, PDFs to notify), for the host and the screens.
export {
  MAX_SCAN_BYTES,
  SENDER_MAX_DOCUMENT_BYTES,
  POSTAL_SCAN_MAX_BYTES,
  POSTAL_CSV_MAX_BYTES,
  /** HTTP body cap of an operation carrying one base64 file of at most that many bytes. */
  uploadBodyBytes,
  /** Bytes of a file from the length of its base64 text. */
  base64DecodedBytes,
  /** "15" for whole megabytes, otherwise one decimal in the locale: "16,2" (it) / "16.2" (en). */
  megabytesText,
  /** Megabytes to one decimal as a number (a DomainError param; messageFor writes it in the locale). */
  megabytes,
} from './files/upload-limits.js';
// AAR quick access (DOMAIN.md 9): tokens are built for the AARs the desk prints, never decoded.
export type { ScannedAar } from './aar/index.js';
export {
  /** base64url (no padding) of UTF-8 `<IUN>_<recipientInternalId>_<uuid>`; throws AAR_TOKEN_INPUT_INVALID. */
  buildAarToken,
  /** The QR content `<accessBase>notifica?aar=<token>`. */
  aarQrUrl,
  /** The access site of a recipient type (PF citizens, PG businesses), settings first. */
  aarAccessBase,
  /** `<landing>/perfezionamento`, linked from the AAR. */
  perfezionamentoUrl,
  /** Scanner input (full AAR URL or bare token) to the token; anything else throws AAR_QR_INVALID. */
  parseScannedAar,
  /** RFC 4648 base64url without padding, by hand (core has no Buffer/btoa). */
  base64UrlEncode,
  /** UTF-8 bytes of a string, by hand. */
  utf8Bytes,
  DEFAULT_AAR_ACCESS_BASE,
  DEFAULT_SEND_LANDING_URL,
} from './aar/index.js';

// Identifiers (DOMAIN.md 2, 14): branded types made only by their parsers.
export type { Iun } from './identifiers/iun.js';
export type { TaxId, TaxIdKind, TaxIdResult, CodiceFiscaleInfo, TaxIdPerson } from './identifiers/tax-id.js';
export type { ParseResult, ParseFailure } from './identifiers/result.js';
export {
  /** Strict IUN check of typed/scanned input: normalise, shape, alphabet, month, check char; adjacency only warns. */
  parseIun,
  /** IUN from SEND: public regex only, warning when the check char does not verify (DOMAIN.md 14). */
  acceptIunFromSend,
  /** Check character of `AAAA-AAAA-AAAA-YYYYMM` (DOMAIN.md 2.1). */
  computeIunCheckChar,
  /** Valid IUN from 12 letters, `YYYYMM` and version (simulator, builders); throws IUN_INVALID_*. */
  makeIun,
  /** 12 IUN letters obeying the generator rule, drawn with the caller's RNG. */
  pickIunLetters,
  /** `YYYYMM` (UTC) of an IUN's creation instant. */
  iunYearMonthOf,
  /** Trim, uppercase, re-insert dashes of a 20-character dashless IUN. */
  normalizeIunInput,
  IUN_ALPHABET,
} from './identifiers/iun.js';
export {
  /** Recipient tax id typed by a person: PF 16-char CF; PG 11 digits or a sole trader's CF. */
  parseRecipientTaxId,
  /** Strict 16-character codice fiscale (omocodia decoded, month, day, check letter). */
  parseCodiceFiscale,
  /** Strict 11-digit partita IVA / numeric codice fiscale. */
  parseVatNumber,
  /** Tax id from SEND: public regex only, warning when the check does not verify (DOMAIN.md 14). */
  acceptTaxIdFromSend,
  /** Check letter over the first 15 characters of a codice fiscale, as written. */
  computeTaxIdCheckChar,
  /** Check digit over the first 10 digits of a partita IVA. */
  computeVatCheckDigit,
  /** Valid codice fiscale of a person (surname, name, birth date, sex, cadastral code). */
  makeTaxId,
  /** Omocodic variant of a codice fiscale at level 1..7, check letter recomputed. */
  makeOmocodicVariant,
  /** Valid partita IVA from its first 10 digits. */
  makeVatNumber,
  /** A typed tax code as the parsers read it: every space removed, upper case. */
  normalizeTaxIdInput,
} from './identifiers/tax-id.js';
export {
  /** Postcode of a notification address: an Italian CAP is required and 5 digits; abroad, optional and as typed. */
  parsePostcode,
  /** Whether an address is in Italy: no foreign state, or one naming Italy. */
  isItalianAddress,
} from './identifiers/postcode.js';

// Paper (analog) delivery: code table, postal entry by meaning, raw code import (DOMAIN.md 7.3, 7.4, 13).
export type {
  PaperProduct,
  PaperCodeKind,
  PaperCodePhase,
  PaperCodeInfo,
  GiacenzaSubLabel,
  FailureCause,
} from './paper/codes.js';
export {
  /** Every known paper event code, as data. */
  PAPER_CODES,
  /** Italian/English labels of failure causes M01-M08, F01-F03. */
  FAILURE_CAUSES,
  /** The table row of a paper code, or undefined. */
  paperCodeInfo,
  /** The product of SEND's productType spellings (AR, RN_890, RI_RS...). */
  paperProductOf,
  isFailureCause,
} from './paper/codes.js';
export type { AttemptContext, PaperEventRecord } from './paper/attempt-state.js';
export type { PaperAttachment, PaperEventInput, PaperElementOptions, NextStepAfterFirstFailure } from './paper/elements.js';
export type { PostalOutcome, PostalOutcomeKind, PostalProduct } from './paper/outcome-kinds.js';
export type { PostalOutcomeOptions } from './paper/outcome.js';
export type { PaperEventCheck, ValidateOptions } from './paper/validate.js';
export {
  /** Every outcome kind a postal clerk can record. */
  POSTAL_OUTCOME_KINDS,
} from './paper/outcome-kinds.js';
export type { PaperEntryRefusal } from './paper/workflow-open.js';
export {
  /** Why no paper event may be recorded for a notification in this status (CANCELLED), or null. */
  paperEntryRefusal,
} from './paper/workflow-open.js';
export {
  /** Outcome kinds a clerk may record now for an attempt. */
  allowedOutcomes,
  /** Timeline elements of one postal outcome (progress, feedback, workflow); throws DomainError. */
  buildPostalOutcomeElements,
} from './paper/outcome.js';
export {
  /** Checks one raw paper event (code + date) against its attempt; returns a result, never throws. */
  validatePaperEvent,
  /** Timeline category of a paper event: progress / feedback; always SIMPLE_REGISTERED_LETTER_PROGRESS for RS. */
  paperEventCategory,
} from './paper/validate.js';
export {
  /** Timeline elements of one raw paper event (CSV import); validates first, throws DomainError. */
  buildPaperEventElements,
} from './paper/elements.js';
export {
  /** The 890/AR attempt context of a recipient read from its timeline. */
  analogAttemptContextOf,
  /** The RS letter context of a recipient read from its timeline. */
  simpleLetterContextOf,
} from './paper/timeline-context.js';
export {
  /** DELIVERED sub-label from the last paper event codes (DOMAIN.md 13). */
  deliveredSubLabel,
  SUB_LABEL_TEXT,
} from './paper/sub-label.js';

// RADD desk rules (DOMAIN.md 10, 10.1, 13): transactions, ACT/AOR eligibility, completion elements.
export type {
  RaddResultCode,
  RaddResultInfo,
  RaddTransactionResponseCode,
  DeskFailure,
  DeskParams,
  DeskOperationType,
  TransactionState,
  TransactionStartData,
  DeskTransaction,
  TransactionEvent,
  TransactionErrorCode,
  TransitionResult,
  DeskMandate,
  DeskDelegate,
  ActInquiryInput,
  ActInquiryOk,
  ActInquiryErrorCode,
  ActInquiryResult,
  AarQrOwnershipInput,
  AarQrOwnershipErrorCode,
  AarQrOwnershipResult,
  MandateState,
  MandateRecordInput,
  MandateDraft,
  NewMandate,
  MandateField,
  MandateProblem,
  MandateDraftResult,
  MandateFailure,
  PrintableDocument,
  PrintableDocumentKind,
  AorRecord,
  AorCandidate,
  DelegateInfo,
  ActCompletionInput,
  AorCompletionInput,
  IdentityDocumentType,
  IdentityDocumentInput,
  IdentityDocumentErrorCode,
  IdentityDocumentProblem,
  IdentityDocumentResult,
  HistorySearchInput,
  HistorySearchQuery,
  HistorySearchErrorCode,
  HistorySearchResult,
  DelegateIdentityInput,
  DelegateIdentityResult,
} from './desk/index.js';
export {
  /** The RADD result codes 0, 2, 3, 4, 5, 10, 80, 99 as data, each with its catalogue message. */
  RADD_RESULT_CODES,
  RADD_RESULTS,
  /** Info of a numeric result code from SEND (unknown numbers read as 99). */
  raddResultInfo,
  /** The RADD result code standing for one of the desk's typed errors. */
  raddResultCodeFor,
  RADD_TRANSACTION_RESPONSE_CODES,
  /** The complete/abort response code (0, 1, 2, 99) standing for a transaction outcome. */
  transactionResponseCodeFor,
  /** A desk failure as a DomainError, for handlers that throw. */
  toDomainError,
  TRANSACTION_STATES,
  /** Applies START / DOCUMENTS_READY / COMPLETE / ABORT / FAIL to a stored transaction (or undefined). */
  transitionTransaction,
  /** Whether two start payloads are the same (idempotent start on operationId). */
  isSameStartData,
  /** The token of a scanned AAR QR (URL or bare token): what the desk keeps and SEND's qrCode carries. */
  aarQrToken,
  /** Whether a transaction can still be completed or aborted. */
  isOpenTransaction,
  /** SEND's shipped print limit per IUN and recipient (0 = unlimited). */
  DEFAULT_PRINT_LIMIT,
  /** Whether completed prints reach the limit (0 = unlimited). */
  isPrintLimitReached,
  /** ACT eligibility of a person for a notification, with the printable documents. */
  checkActInquiry,
  /** Whether a delegate holds an active mandate of the recipient now. */
  hasActiveMandate,
  /** Index of the recipient with a tax code, or -1. */
  findRecipientIndex,
  /** Whether the AAR QR scanned belongs to the recipient identified (in person or by a delegate). */
  checkAarQrOwnership,
  MANDATE_STATES,
  /** ACTIVE / NOT_YET_VALID / ENDED of a desk mandate now. */
  mandateState,
  /** Checks the mandate form (tax codes, not self, days in order); problems by field. */
  checkMandateDraft,
  /** Checks a new mandate against the stored ones (not already over, no overlap for the same pair). */
  checkNewMandate,
  /** The validTo that revokes a mandate now (never deleted), or why it cannot be revoked. */
  revokeMandate,
  /** Documents an ACT operation hands out, in SEND's order, with availability. */
  buildPrintableDocuments,
  /** Availability limits (acts 120 days, AAR and legal facts 10 years) from a refinement date. */
  availabilityLimits,
  ACTS_AVAILABLE_DAYS,
  AAR_AVAILABLE_YEARS,
  LEGAL_FACTS_AVAILABLE_YEARS,
  /** The pending notifications of a tax code for an AOR operation. */
  selectAorNotifications,
  /** raddType written on desk views ('ALT'). */
  DESK_RADD_TYPE,
  /** NOTIFICATION_VIEWED_CREATION_REQUEST + NOTIFICATION_VIEWED of an ACT completion (none if already viewed). */
  buildActCompletionElements,
  /** NOTIFICATION_RADD_RETRIEVED per IUN and recipient of an AOR completion. */
  buildAorCompletionElements,
  /** delegateInfo of a NOTIFICATION_VIEWED for a delegate, or null. */
  delegateInfoOf,
  IDENTITY_DOCUMENT_TYPES,
  IDENTITY_DOCUMENT_LABELS,
  /** Checks the identity document typed at the desk; every problem with its field. */
  checkIdentityDocument,
  /** Validates a desk history search (no future dates, "to" = end of that Rome day). */
  validateHistorySearch,
  /** Validates a Dal/Al range of Rome days (valid, not in the future, not inverted) as instants. */
  validateHistoryRange,
  /** Whether an operation start falls in a history search's date range. */
  isInHistoryRange,
  /** PF unless the clerk says the delegate at the counter is a company. */
  DEFAULT_DELEGATE_TYPE,
  /** The delegate's tax id by the type chosen (PF codice fiscale, PG partita IVA). */
  parseDelegateTaxId,
  /** A delegate's tax id valid for its type and not the recipient's own. */
  checkDelegateIdentity,
} from './desk/index.js';

// Demo notifications and simulated SEND timelines (demo adapter, seed data, benchmarks).
export type { SimulationPath, DemoNotificationOptions, Rng } from './simulator/index.js';
export {
  SIMULATION_PATHS,
  NOTIFICATION_LEVEL_PATHS,
  DIGITAL_PATHS,
  DELIVERY_PATHS,
  isSimulationPath,
  /** A realistic notification (IUN, codici fiscali, sender, documents, payments), deterministic from a seed. */
  makeDemoNotification,
  /** A demo notification tailored to a path and its simulated timeline, from one seed. */
  makeDemoCase,
  /** The office of the demo sender operators (Comune di Milano). */
  DEMO_HOME_SENDER_TAX_ID,
  /** The timeline SEND would write for a notification following a path, deterministic from a seed. */
  simulateTimeline,
  /** The simulated elements whose business time is at or before `now`. */
  simulateUntil,
  /** A seeded mulberry32 generator (core has no randomness of its own). */
  createRng,
  /** Base64 SHA-256 of the UTF-8 bytes of a text (pure TypeScript). */
  sha256Base64,
} from './simulator/index.js';

// Europe/Rome calendar math (DOMAIN.md 8.1, 12): the one place for it.
export type { EpochMs, RomeWallClock } from './time/index.js';
export {
  /** Epoch ms of an ISO-8601 instant with offset; throws INVALID_INSTANT when malformed or impossible. */
  parseInstant,
  /** Epoch ms of an ISO-8601 instant with offset, or NaN (non-throwing, for hot loops). */
  tryParseInstant,
  /** Whether a text is a valid ISO-8601 instant with offset. */
  isInstant,
  /** ISO-8601 with the Europe/Rome offset of the instant (`2026-04-03T11:00:00+02:00`, ms only when non-zero). */
  formatInstant,
  /** Re-prints an ISO instant with the Europe/Rome offset; throws INVALID_INSTANT. */
  toRomeIso,
  /** `YYYY-MM-DD` of the Europe/Rome calendar day of an instant. */
  formatRomeDate,
  /** `DD/MM/YYYY HH:MM:SS` Europe/Rome time, for clerk-facing text. */
  formatRomeReadable,
  /** Offset of Europe/Rome at an instant in minutes (EU rule: 120 in summer time, 60 otherwise). */
  romeOffsetMinutes,
  /** Europe/Rome wall-clock fields (year..millisecond, weekday, offset) of an instant. */
  romeWallClock,
  /** Milliseconds since Europe/Rome midnight of an instant. */
  romeTimeOfDayMs,
  /** Europe/Rome calendar day of an instant as a day number, to compare calendar dates. */
  romeDayNumber,
  /** Instant of a Europe/Rome wall-clock time (spring gap: +01:00 reading; autumn overlap: earlier). */
  romeLocalToEpochMs,
  /** The instant N x 24 h later (DOMAIN.md 8.1: not calendar days). */
  addDays24h,
  /** Whether the Rome wall-clock time is strictly after 21:00:00.000 (DOMAIN.md 8.1). */
  isAfterRome2100,
} from './time/index.js';

// Timeline elements, status machine, refinement and legal-fact rules as data (DOMAIN.md 4-8).
export type { CategoryInfo, IdPattern, IdSegment } from './timeline/index.js';
export {
  /** DOMAIN.md 5 elementId patterns, per category. */
  ID_PATTERNS,
  /** Rank of a category (DOMAIN.md 5 row order), undefined when unknown. */
  categoryRank,
  /** Whether the engine knows a category (DOMAIN.md 5 table and notes). */
  isKnownCategory,
  /** elementId of an element given without one, from the DOMAIN.md 5 pattern and its details. */
  buildElementId,
} from './timeline/index.js';
export type { TransitionRow, TransitionCondition } from './status/index.js';
export {
  /** DOMAIN.md 4.2 transition table, one row per line. */
  TRANSITIONS,
  /** DOMAIN.md 4.1 completion categories (gate priority order). */
  COMPLETION_CATEGORIES,
  /** The 4.2 row for (status, category) with N recipients, if any. */
  findTransition,
} from './status/index.js';
export type { TermRule } from './refinement/index.js';
export {
  /** DOMAIN.md 8.1 term rules per workflow end (base, days, 21:00 rule). */
  TERM_RULES,
} from './refinement/index.js';
export type { LegalFactRule } from './legal-facts/index.js';
export {
  /** DOMAIN.md 6 legal-fact table (category, type, count, level). */
  LEGAL_FACT_RULES,
  /** Stable legal-fact id `<elementId>~<type>[~<n>]`. */
  legalFactId,
} from './legal-facts/index.js';

// One input element checked and completed (elementId built, category known) before storage (DOMAIN.md 5).
export { normalizeElement } from './timeline/index.js';

// The workflow engine (DOMAIN.md 4-8, 12): full derivation, incremental state for the store,
// explanations, scenario runner.
export type { EngineNotification, EngineState, SortKey, ApplyOutcome, ApplyResult, ScenarioOutput, ScenarioRun } from './engine/index.js';
export {
  /** Derives status, history, views, refinements and legal facts; bad elements become errors, never throws on them. */
  deriveNotification,
  /** The timeline as the engine reads it: valid, deduplicated, business times corrected, in processing order. */
  prepareTimeline,
  /** Empty engine state (IN_VALIDATION from sentAt) of a notification; plain JSON. */
  createEngineState,
  /** Applies one element to a state: 'applied' | 'duplicate' | 'rejected' | 'needs-rederive'; never mutates its input. */
  applyElement,
  /** Complete engine state from all the elements of a notification (after 'needs-rederive'). */
  rebuildEngineState,
  /** The derived notification of an engine state. */
  stateToDerived,
  /** Version of the EngineState JSON shape (a store may rebuild states of another version). */
  ENGINE_STATE_VERSION,
  /** Validates a scenario file's content (SCENARIO_INVALID) and derives the output shaped like its `expected`. */
  runScenario,
} from './engine/index.js';
export type { ExplanationStep, ExplainSource } from './explain/index.js';
export {
  /** Why the notification has its status: one step per change, with the causing element and rule. */
  explainStatus,
  /** Why a recipient has its refinement date: workflow end, base, days, 21:00 rule, view vs term. */
  explainRefinement,
} from './explain/index.js';
