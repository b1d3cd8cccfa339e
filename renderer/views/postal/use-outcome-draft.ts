// The outcome form's state and the request it becomes. Which fields a meaning shows is the form's
// structure (the fields of the core's PostalOutcome); whether the outcome fits the item is decided
// by the host and the core, whose message the screen shows.
import { computed, reactive, type ComputedRef } from 'vue';
import type { OutcomeOptionView } from '../../../electron/api/contract/index.js';
import type { PostalOutcomeKind } from '../../../core/index.js';
import type { OutcomeDraft } from '../../stores/postal.js';

export interface AddressDraft {
  address: string;
  zip: string;
  municipality: string;
  province: string;
}

export interface AttachedScan {
  sha256: string;
  fileName: string;
  size: number;
  documentType: 'AR' | '23L' | 'CAD' | 'CAN' | 'ARCAD' | 'Plico';
}

export type NextKind = 'SECOND_ATTEMPT' | 'NO_SECOND_ADDRESS' | 'ADDRESS_INVESTIGATION';

const emptyAddress = (): AddressDraft => ({ address: '', zip: '', municipality: '', province: '' });

/** The outcome form's fields, empty. */
export function newOutcomeForm() {
  return {
    kind: null as PostalOutcomeKind | null,
    /** The day on the receipt, `YYYY-MM-DD`. */
    at: '',
    /** Its time, `HH:MM`, when the receipt has one: without it the host takes 12:00 (electron/postal/receipt-date.ts). */
    atTime: '',
    receiverName: '',
    receiverRelation: '',
    delegateName: '',
    office: '',
    cause: '',
    discovered: emptyAddress(),
    nextKind: null as NextKind | null,
    nextAddress: emptyAddress(),
    nextCause: 'D00' as 'D00' | 'D01' | 'D02',
    scans: [] as AttachedScan[],
  };
}
export type OutcomeFormState = ReturnType<typeof newOutcomeForm>;

/**
 * The draft over `form`: the screen's own, or one kept in a store when the choice must outlive the
 * screen (the batch list keeps its outcome and date when the clerk leaves and comes back).
 */
export function useOutcomeDraft(option: () => OutcomeOptionView | undefined, form: OutcomeFormState = reactive(newOutcomeForm())) {
  const shows: ComputedRef<Record<string, boolean>> = computed(() => {
    const k = form.kind;
    const o = option();
    return {
      date: k !== null && k !== 'GIACENZA_TERM_ELAPSED',
      receiver: k === 'DELIVERED_TO_OTHER_PERSON' || k === 'DELIVERED_AT_CONCIERGE',
      relation: k === 'DELIVERED_TO_OTHER_PERSON',
      delegate: k === 'COLLECTED_BY_DELEGATE_FROM_GIACENZA',
      office: k === 'IN_GIACENZA',
      cause: (o?.causes.length ?? 0) > 0,
      discovered: k === 'UNDELIVERED',
      next: o?.asksNextStep === true,
      scans: k !== null && k !== 'GIACENZA_TERM_ELAPSED',
    };
  });

  function address(a: AddressDraft): AddressDraft | undefined {
    if (!a.address.trim() && !a.zip.trim() && !a.municipality.trim()) return undefined;
    const out: AddressDraft = { address: a.address.trim(), zip: a.zip.trim(), municipality: a.municipality.trim(), province: a.province.trim() };
    if (!out.province) delete (out as Partial<AddressDraft>).province;
    return out;
  }

  function nextStep(): OutcomeDraft['next'] {
    if (!shows.value.next || form.nextKind === null) return undefined;
    if (form.nextKind === 'ADDRESS_INVESTIGATION') return { kind: 'ADDRESS_INVESTIGATION' };
    if (form.nextKind === 'NO_SECOND_ADDRESS') return { kind: 'NO_SECOND_ADDRESS', failureCause: form.nextCause };
    return { kind: 'SECOND_ATTEMPT', address: address(form.nextAddress) ?? emptyAddress() };
  }

  /** The request body; only the fields the chosen meaning shows are sent. */
  function toDraft(): OutcomeDraft | null {
    if (form.kind === null) return null;
    const s = shows.value;
    const d: OutcomeDraft = { kind: form.kind };
    const text = (v: string) => (v.trim() ? v.trim() : undefined);
    if (s.date && text(form.at)) d.at = text(form.atTime) ? `${form.at}T${form.atTime}` : form.at;
    if (s.receiver && text(form.receiverName)) d.receiverName = form.receiverName.trim();
    if (s.relation && text(form.receiverRelation)) d.receiverRelation = form.receiverRelation.trim();
    if (s.delegate && text(form.delegateName)) d.delegateName = form.delegateName.trim();
    if (s.office && text(form.office)) d.office = form.office.trim();
    if (s.cause && text(form.cause)) d.cause = form.cause;
    const discovered = s.discovered ? address(form.discovered) : undefined;
    if (discovered) d.discoveredAddress = discovered;
    const next = nextStep();
    if (next) d.next = next;
    if (s.scans && form.scans.length > 0) d.scans = form.scans.map((x) => ({ sha256: x.sha256, documentType: x.documentType }));
    return d;
  }

  /** The labels (i18n keys) of the required fields still empty: checked before asking the host. */
  function missing(): string[] {
    const s = shows.value;
    const out: string[] = [];
    if (s.date && !form.at) out.push('postal.form.date');
    if (s.relation && !form.receiverName.trim()) out.push('postal.form.receiverName');
    if (s.relation && !form.receiverRelation.trim()) out.push('postal.form.receiverRelation');
    if (s.cause && !form.cause) out.push('postal.form.cause');
    if (s.next && form.nextKind === null) out.push('postal.form.next');
    return out;
  }

  function reset(): void {
    Object.assign(form, newOutcomeForm());
  }

  /** Whether something was typed or attached (more than the meaning chosen): clearing it would lose it. */
  function hasInput(): boolean {
    const typed = (a: AddressDraft) => Object.values(a).some((v) => v.trim() !== '');
    return [form.at, form.atTime, form.receiverName, form.receiverRelation, form.delegateName, form.office, form.cause].some((v) => v.trim() !== '')
      || typed(form.discovered) || typed(form.nextAddress) || form.nextKind !== null || form.scans.length > 0;
  }

  return { form, shows, toDraft, missing, reset, hasInput, emptyAddress };
}
