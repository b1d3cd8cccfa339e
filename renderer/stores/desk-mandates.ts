import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DeskMandateList, DeskMandateView } from '../../electron/api/contract/index.js';
import { call } from '../api/client.js';
import { shownError } from '../api/host-text.js';
import { requestIds } from '../api/request-id.js';
import { newestWins, STALE } from '../composables/newest-wins.js';
import type { DeskError } from './desk.js';
import { onSignOut } from './session.js';

export type MandateDraft = { delegatorTaxId: string; delegateTaxId: string; delegateDenomination: string; delegateType: 'PF' | 'PG'; validFrom: string; validTo: string };

/** Today as a Europe/Rome calendar day: the form's default first day (a default, not a rule). */
export const romeToday = (): string => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });

export const emptyMandateDraft = (): MandateDraft => ({ delegatorTaxId: '', delegateTaxId: '', delegateDenomination: '', delegateType: 'PF', validFrom: romeToday(), validTo: '' });

function toError(e: unknown): DeskError {
  return shownError(e, (path) => path.replace(/^mandate\./, ''));
}

/** What the screen confirms after a write: which mandate, and what happened to it. */
export interface MandateNotice {
  kind: 'created' | 'revoked';
  mandate: DeskMandateView;
}

/** The "Deleghe" screen: mandates of a tax code, a new one, a revocation (DOMAIN.md 10 step 1). */
export const useDeskMandatesStore = defineStore('desk-mandates', () => {
  const taxId = ref('');
  const list = ref<DeskMandateList | null>(null);
  const draft = ref<MandateDraft>(emptyMandateDraft());
  const error = ref<DeskError | null>(null);
  const formError = ref<DeskError | null>(null);
  const notice = ref<MandateNotice | null>(null);
  // Requests in flight: a search sent while another is awaited keeps the screen busy until both end.
  const pending = ref(0);
  const busy = computed(() => pending.value > 0);
  const searches = newestWins();
  // A delegation whose answer was lost is sent again under the same id while the form is unchanged (api/request-id.ts).
  const createIds = requestIds();

  async function run<T>(target: typeof error, action: () => Promise<T>): Promise<T | undefined> {
    pending.value++;
    error.value = null;
    formError.value = null;
    try {
      return await action();
    } catch (e) {
      target.value = toError(e);
      return undefined;
    } finally {
      pending.value--;
    }
  }

  /** The mandates of `taxId`; a search typed before the previous one answered is the one shown. */
  async function search(): Promise<boolean> {
    notice.value = null;
    const found = await run(error, () => searches.run(() => call('desk.listMandates', { taxId: taxId.value })));
    if (found === STALE) return false;
    list.value = found ?? null;
    return found !== undefined;
  }

  async function create(): Promise<boolean> {
    notice.value = null;
    const { validTo, ...rest } = draft.value;
    // An empty last day means an open-ended mandate.
    const mandate = validTo.trim() === '' ? rest : { ...rest, validTo };
    const requestId = createIds.idFor(mandate);
    const created = await run(formError, () => call('desk.createMandate', { mandate, requestId }));
    if (!created) return false;
    createIds.answered();
    draft.value = emptyMandateDraft();
    taxId.value = created.delegatorTaxId;
    await search();
    notice.value = { kind: 'created', mandate: created };
    return true;
  }

  async function revoke(mandateId: string): Promise<boolean> {
    notice.value = null;
    const revoked = await run(error, () => call('desk.revokeMandate', { mandateId }));
    if (!revoked) return false;
    if (list.value) list.value = { ...list.value, items: list.value.items.map((m) => (m.mandateId === mandateId ? revoked : m)) };
    notice.value = { kind: 'revoked', mandate: revoked };
    return true;
  }

  /** Something was typed in the "Nuova delega" form (its defaults aside). */
  function formHasInput(): boolean {
    return JSON.stringify(draft.value) !== JSON.stringify(emptyMandateDraft());
  }

  function resetForm(): void {
    draft.value = emptyMandateDraft();
    formError.value = null;
  }

  /** Nothing of a citizen stays on the screen: the tax code searched, their delegations, the form. */
  function forget(): void {
    taxId.value = '';
    list.value = null;
    error.value = null;
    notice.value = null;
    resetForm();
  }

  // The next operator finds no one's delegations on screen, and no half-typed form.
  onSignOut(forget);

  return { taxId, list, draft, error, formError, notice, busy, search, create, revoke, formHasInput, resetForm, forget };
});
