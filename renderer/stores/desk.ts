import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type {
  DeskIdentityProblem,
  DeskInputView,
  DeskInquiryView,
  DeskScanView,
  DeskTransactionView,
  InputOf,
} from '../../electron/api/contract/index.js';
import { call } from '../api/client.js';
import { shownError } from '../api/host-text.js';
import { sentOnce } from '../api/request-id.js';
import { useBusyAction } from '../composables/use-busy-action.js';
import { onSignOut } from './session.js';
import { useDeskMandatesStore } from './desk-mandates.js';

export type IdentityDocumentDraft = { type: string; number: string; issuer: string; issueDate: string; expiryDate: string };
export type ScanSlot = 'recipientId' | 'delegateId' | 'delegationForm' | 'companyRegister' | 'selfDeclaration';

export interface IdentificationDraft {
  recipientType: 'PF' | 'PG';
  recipientTaxId: string;
  recipientDenomination: string;
  collector: 'RECIPIENT' | 'DELEGATE';
  recipientDocument: IdentityDocumentDraft;
  delegateType: 'PF' | 'PG';
  delegateTaxId: string;
  delegateDenomination: string;
  delegateDocument: IdentityDocumentDraft;
  scans: Partial<Record<ScanSlot, DeskScanView>>;
}

export interface DeskError {
  code: string;
  message: string;
  fields: Record<string, string>;
}

const emptyDocument = (): IdentityDocumentDraft => ({ type: 'CARTA_IDENTITA_ELETTRONICA', number: '', issuer: '', issueDate: '', expiryDate: '' });
const emptyDraft = (): IdentificationDraft => ({
  recipientType: 'PF', recipientTaxId: '', recipientDenomination: '', collector: 'RECIPIENT', recipientDocument: emptyDocument(),
  delegateType: 'PF', delegateTaxId: '', delegateDenomination: '', delegateDocument: emptyDocument(), scans: {},
});

/** The operationId is chosen here and kept before the first call, so that a retried start reuses it (DOMAIN.md 10.1). */
const PENDING_KEY = 'radd-desk-pending-operation';

/** The error kept for the screen: its texts follow the UI language (shownError). */
function toError(e: unknown): DeskError {
  return shownError(e);
}

/** Refusals of an action on an operation that another window or desk has closed meanwhile. */
const CLOSED_ELSEWHERE = new Set(['DESK_TRANSACTION_NOT_OPEN', 'RADD_TRANSACTION_COMPLETED_ELSEWHERE', 'RADD_TRANSACTION_ALREADY_COMPLETED', 'RADD_TRANSACTION_ALREADY_ABORTED']);

const isEmptyDraft = (d: IdentificationDraft) => JSON.stringify(d) === JSON.stringify(emptyDraft());
const sameTaxId = (a: string, b: string) => a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

/**
 * The counter flow: what was scanned, who is at the counter, what was found, the operation.
 * The identification typed for the citizen at the counter lives here, in memory only (never in
 * web storage): it survives a corrected code, a new scan and a detour to "Deleghe", and goes when
 * their operation completes or is aborted, on "Svuota" or "Nuova operazione", and on sign-out.
 */
export const useDeskStore = defineStore('desk', () => {
  const input = ref<DeskInputView | null>(null);
  const draft = ref<IdentificationDraft>(emptyDraft());
  /** The form holds what was typed for an earlier code (kept on a new scan): the screen says so. */
  const draftKept = ref(false);
  /**
   * An operation was started with the draft: the identification is that operation's now, and a code
   * read next is the next citizen's (the operation may be left open, to be resumed from the start).
   */
  let draftTaken = false;
  /** A code scanned on a screen other than the start: the start screen reads it when it opens. */
  const queuedScan = ref<string | null>(null);
  const problems = ref<DeskIdentityProblem[]>([]);
  const inquiry = ref<DeskInquiryView | null>(null);
  const operation = ref<DeskTransactionView | null>(null);
  const { busy, error, run: runAction } = useBusyAction(toError);
  /** Actions started so far: a quiet re-read (refresh) that answers after one started is older than its answer. */
  let actions = 0;
  function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    actions++;
    return runAction(action);
  }
  /** Milliseconds from the scan to the bundle being ready (shown to nobody; read by the e2e timing). */
  const scannedAt = ref<number | null>(null);

  const mode = computed<'ACT' | 'AOR'>(() => (input.value?.kind === 'TAX_ID' ? 'AOR' : 'ACT'));

  function identification(): InputOf<'desk.inquiry'>['identification'] {
    const d = draft.value;
    const scans = Object.fromEntries(Object.entries(d.scans).map(([k, v]) => [k, v.scanId]));
    return {
      recipientType: d.recipientType,
      recipientTaxId: d.recipientTaxId,
      ...(d.recipientDenomination.trim() ? { recipientDenomination: d.recipientDenomination } : {}),
      collector: d.collector,
      recipientDocument: { ...d.recipientDocument },
      ...(d.collector === 'DELEGATE' ? { delegate: { taxId: d.delegateTaxId, delegateType: d.delegateType, denomination: d.delegateDenomination, document: { ...d.delegateDocument } } } : {}),
      scans,
    } as InputOf<'desk.inquiry'>['identification'];
  }

  const target = () => (mode.value === 'ACT' ? (input.value?.qrCode ? { qrCode: input.value.qrCode } : { iun: input.value?.iun ?? '' }) : {});

  /**
   * Reads a scanned or typed code. What was typed for the citizen stays (a wrong code corrected, the
   * same code scanned again after a detour), unless the code is someone else's (another tax code, a
   * notification not addressed to the tax code typed) or an operation was already started with it:
   * the next citizen finds nothing of the one before.
   */
  async function identify(text: string): Promise<boolean> {
    scannedAt.value = performance.now();
    let earlier = draft.value;
    const read = await run(async () => {
      const code = await call('desk.identifyInput', { text });
      earlier = draft.value;
      const kept = !draftTaken && !isEmptyDraft(earlier);
      return { code, otherCitizen: kept && (await isSomeoneElses(code, earlier.recipientTaxId)) };
    });
    if (!read) return false;
    const found = read.code;
    const keep = !read.otherCitizen && !draftTaken && !isEmptyDraft(earlier);
    reset();
    input.value = found;
    if (keep) draft.value = earlier;
    draftKept.value = keep;
    fillFromInput();
    return true;
  }

  /**
   * Whether the code read is plainly another citizen's than the tax code typed: another tax code, or
   * (the next citizen's AAR, after one refused at the counter) a notification not addressed to it.
   * A notification that cannot be read (a wrong IUN being corrected) says nothing: the form stays.
   */
  async function isSomeoneElses(code: DeskInputView, typedTaxId: string): Promise<boolean> {
    if (typedTaxId.trim() === '') return false;
    if (code.kind === 'TAX_ID') return !sameTaxId(typedTaxId, code.taxId ?? '');
    if (!code.iun) return false;
    try {
      const notification = await call('notifications.getByIun', { iun: code.iun });
      return !notification.recipients.some((r) => sameTaxId(r.taxId, typedTaxId));
    } catch {
      return false;
    }
  }

  /** A tax code read at the start is the recipient's (AOR). */
  function fillFromInput(): void {
    const found = input.value;
    if (found?.kind === 'TAX_ID') draft.value = { ...draft.value, recipientTaxId: found.taxId ?? '', recipientType: found.recipientType ?? 'PF' };
  }

  /** "Svuota": the identification form starts again for the code read. */
  function clearDraft(): void {
    draft.value = emptyDraft();
    draftKept.value = false;
    problems.value = [];
    error.value = null;
    fillFromInput();
  }

  /** The citizen's operation is over: nothing typed for them is kept (the operation stays shown). */
  function forgetCitizen(): void {
    draftTaken = false;
    input.value = null;
    draft.value = emptyDraft();
    draftKept.value = false;
    problems.value = [];
    inquiry.value = null;
  }

  /** Keeps `code` for the start screen, replacing one kept before (the last scan wins). */
  function queueScan(code: string): void {
    queuedScan.value = code;
  }

  function takeQueuedScan(): string | null {
    const code = queuedScan.value;
    queuedScan.value = null;
    return code;
  }

  /** Identity check, then the inquiry; problems are shown by field. */
  async function inquire(): Promise<boolean> {
    const id = identification();
    const check = await run(() => call('desk.checkIdentity', { identification: id }));
    if (!check) return false;
    problems.value = check.problems;
    if (!check.ok) return false;
    const found = await run(() => call('desk.inquiry', { mode: mode.value, ...target(), identification: id }));
    inquiry.value = found ?? null;
    return found !== undefined;
  }

  async function start(): Promise<string | undefined> {
    const operationId = window.sessionStorage.getItem(PENDING_KEY) ?? crypto.randomUUID();
    window.sessionStorage.setItem(PENDING_KEY, operationId);
    const tx = await run(() => call('desk.startTransaction', { operationId, mode: mode.value, ...target(), identification: identification() }));
    // Kept while unanswered or refused (nothing was recorded): a retry reuses it. Done, or taken: a new one next time.
    if (tx || error.value?.code === 'RADD_TRANSACTION_ALREADY_EXISTS') window.sessionStorage.removeItem(PENDING_KEY);
    if (!tx) return undefined;
    operation.value = tx;
    draftTaken = true;
    // The results belong to this operation now: coming back to them must not start another one.
    inquiry.value = null;
    return tx.operationId;
  }

  async function load(operationId: string): Promise<void> {
    if (operation.value?.operationId !== operationId) operation.value = null;
    const tx = await run(() => call('desk.getTransaction', { operationId }));
    if (tx) operation.value = tx;
  }

  /**
   * Reads the shown operation again, quietly (the clerk came back to this window: another one may
   * have printed its receipt, ticked, completed or aborted it). No busy state, no error on screen,
   * nothing replaced while an action of this window runs or when one started meanwhile (its own
   * answer is the newer one), and the same view is not assigned again (nothing re-renders).
   */
  async function refresh(): Promise<void> {
    const id = operation.value?.operationId;
    if (!id || busy.value) return;
    const before = actions;
    let tx: DeskTransactionView;
    try {
      tx = await call('desk.getTransaction', { operationId: id });
    } catch {
      // Kept as it is; a session that ended is shown by the client's UNAUTHORIZED hook.
      return;
    }
    if (busy.value || actions !== before || operation.value?.operationId !== id) return;
    if (JSON.stringify(tx) !== JSON.stringify(operation.value)) operation.value = tx;
  }

  /**
   * A refusal that says the operation was closed meanwhile (another window or desk completed or
   * aborted it): the screen reads it again, so that it shows what happened (Completata, Annullata)
   * instead of a checklist whose buttons can only be refused again. The message stays on screen.
   */
  async function rereadIfClosedElsewhere(operationId: string): Promise<void> {
    if (!error.value || !CLOSED_ELSEWHERE.has(error.value.code)) return;
    try {
      const tx = await call('desk.getTransaction', { operationId });
      if (operation.value?.operationId === operationId) operation.value = tx;
    } catch {
      // Kept as shown; the message already says what went wrong.
    }
  }

  async function print(): Promise<string | null> {
    const id = operation.value?.operationId;
    if (!id) return null;
    const r = await run(() => call('desk.printBundle', { operationId: id }));
    if (!r) {
      await rereadIfClosedElsewhere(id);
      return null;
    }
    const { bundle, ...tx } = r;
    operation.value = tx;
    return bundle?.fileId ?? null;
  }

  async function download(position: number): Promise<string | null> {
    const id = operation.value?.operationId;
    if (!id) return null;
    const r = await run(() => call('desk.downloadDocument', { operationId: id, position }));
    if (!r) {
      await rereadIfClosedElsewhere(id);
      return null;
    }
    const { file, ...tx } = r;
    operation.value = tx;
    return file?.fileId ?? null;
  }

  async function tick(position: number, handedOver: boolean): Promise<void> {
    const id = operation.value?.operationId;
    if (!id) return;
    const tx = await run(() => call('desk.markHandedOver', { operationId: id, position, handedOver }));
    if (tx) operation.value = tx;
    else await rereadIfClosedElsewhere(id);
  }

  /**
   * The citizen's operation is over (completed or aborted): what was typed or searched for them is
   * gone from the counter and from "Deleghe" (the detour taken for them), before the next one comes.
   */
  function citizenDone(): void {
    forgetCitizen();
    useDeskMandatesStore().forget();
  }

  async function complete(): Promise<boolean> {
    const id = operation.value?.operationId;
    const tx = id ? await run(() => call('desk.completeTransaction', { operationId: id })) : undefined;
    if (tx) operation.value = tx;
    if (tx) citizenDone();
    else if (id) await rereadIfClosedElsewhere(id);
    return tx !== undefined;
  }

  async function abort(reason: string): Promise<boolean> {
    const id = operation.value?.operationId;
    const tx = id ? await run(() => call('desk.abortTransaction', { operationId: id, reason })) : undefined;
    if (tx) operation.value = tx;
    if (tx) citizenDone();
    else if (id) await rereadIfClosedElsewhere(id);
    return tx !== undefined;
  }

  async function receipt(): Promise<string | null> {
    const id = operation.value?.operationId;
    const r = id ? await run(() => call('desk.reprintReceipt', { operationId: id })) : undefined;
    return r?.fileId ?? null;
  }

  /**
   * Records on the host that the receipt of `operationId` was sent to the printer: every window, and
   * this one after a restart, then offers "print again".
   */
  async function markReceiptPrinted(operationId: string): Promise<void> {
    // One print, one id: sent again while its answer is lost, the host counts it once.
    const tx = await run(() => sentOnce((requestId) => call('desk.receiptPrinted', { operationId, requestId })));
    if (tx && operation.value?.operationId === operationId) operation.value = tx;
  }

  function reset(): void {
    window.sessionStorage.removeItem(PENDING_KEY);
    forgetCitizen();
    operation.value = null;
    error.value = null;
  }

  // An 11-digit number is never a person's codice fiscale: only a company's (partita IVA, DOMAIN.md
  // 2.3). Typed under "Persona fisica" it would be refused for its length, so the type follows it
  // (and the company's scans are asked for). A 16-character code may be a company's too: kept as chosen.
  const isCompanyNumber = (taxId: string) => /^\d{11}$/.test(taxId.replace(/\s+/g, ''));
  watch(() => draft.value.recipientTaxId, (taxId) => {
    if (isCompanyNumber(taxId)) draft.value.recipientType = 'PG';
  });
  watch(() => draft.value.delegateTaxId, (taxId) => {
    if (isCompanyNumber(taxId)) draft.value.delegateType = 'PG';
  });

  onSignOut(() => {
    reset();
    queuedScan.value = null;
  });

  return {
    input, draft, draftKept, queuedScan, problems, inquiry, operation, error, busy, mode, scannedAt,
    identify, inquire, start, load, refresh, print, download, tick, complete, abort, receipt, markReceiptPrinted,
    reset, clearDraft, queueScan, takeQueuedScan, toError,
  };
});
