// One outcome at the postal screen: find the item, preview the outcome (a real write rolled back),
// record it. The views come back computed: codes, status, term and refinement dates, legal facts.
import { DomainError, currentStatusLabel, type DerivedNotification } from '../../core/index.js';
import type { StoreScope } from '../../db/store.js';
import type { FindItemResult, LegalFactRefView, RecordedOutcomeView } from '../api/contract/postal-views.js';
import type { OutcomeInput } from '../api/contract/postal.js';
import { buildItemView, isActionable } from './item-view.js';
import { formatItemCode } from './item-code.js';
import { assertTakesPaperEvents, itemRefOf, loadNotification, readNotification, type PostalCall } from './load.js';
import type { FileLookup } from './outcome-input.js';
import { planOutcome, type OutcomePlan } from './plan.js';
import { stepOf } from './probe.js';
import { writePlan } from './write.js';

/** Thrown inside a transaction to roll a preview back; never leaves this module. */
class DryRun extends Error {}

/** Runs `fn` in a transaction and rolls everything it wrote back, returning its result. */
export async function dryRun<T>(store: StoreScope, fn: (tx: StoreScope) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await store.transaction(async (tx) => {
      result = await fn(tx);
      throw new DryRun();
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return result as T;
}

/** The items of a scanned code, actionable first; the one to show at once when it is clear. */
export async function findItem(tx: StoreScope, code: string, call: PostalCall): Promise<FindItemResult> {
  const ref = itemRefOf(code);
  // A read: no lock needed.
  const loaded = await readNotification(tx, ref.iun);
  if (!loaded || loaded.slots.length === 0) throw new DomainError('POSTAL_ITEM_NOT_FOUND', { item: code });
  // Nothing can be recorded for a cancelled notification: the screen says why instead of listing dead items.
  assertTakesPaperEvents(loaded.record);
  const items = loaded.slots.map((s) => buildItemView(loaded.record, loaded.elements, s, call));
  if (ref.recipientIndex !== undefined) {
    const named = formatItemCode({ iun: ref.iun, recipientIndex: ref.recipientIndex, attempt: ref.attempt! });
    if (!items.some((i) => i.code === named)) throw new DomainError('POSTAL_ITEM_NOT_FOUND', { item: code });
    return { items, selected: named };
  }
  const sorted = [...items.filter(isActionable), ...items.filter((i) => !isActionable(i))];
  const actionable = sorted.filter(isActionable);
  // The only item of the IUN is shown even when closed: the screen says there is nothing to record,
  // rather than showing nothing at all.
  const only = actionable.length === 1 ? actionable[0] : sorted.length === 1 ? sorted[0] : undefined;
  return { items: sorted, selected: only?.code ?? null };
}

function newLegalFacts(before: DerivedNotification, after: DerivedNotification, rec: number): LegalFactRefView[] {
  const known = new Set(before.perRecipient[rec]?.legalFacts.map((f) => f.id) ?? []);
  return (after.perRecipient[rec]?.legalFacts ?? []).filter((f) => !known.has(f.id)).map((f) => ({ id: f.id, type: f.type, at: f.at }));
}

/** The item and notification after a written plan (read back inside the same transaction). */
async function viewAfter(tx: StoreScope, plan: OutcomePlan, derived: DerivedNotification, call: PostalCall): Promise<RecordedOutcomeView> {
  const iun = plan.loaded.record.notification.iun;
  const rec = plan.slot.recipientIndex;
  const loaded = await loadNotification(tx, iun, iun);
  const slot = loaded.slots.find((s) => s.recipientIndex === rec && s.attempt === plan.slot.attempt)!;
  const state = derived.perRecipient[rec];
  return {
    item: buildItemView(loaded.record, loaded.elements, slot, call),
    steps: plan.elements.map(stepOf),
    status: derived.status,
    statusLabel: currentStatusLabel(derived),
    termDate: state?.termDate ?? null,
    refinementDate: state?.refinementDate ?? null,
    newLegalFacts: newLegalFacts(plan.loaded.record.derived, derived, rec),
  };
}

/** Records one outcome: plan (core rules), write, view. Call it inside a transaction. */
export async function recordOutcome(tx: StoreScope, files: FileLookup, code: string, input: OutcomeInput, call: PostalCall): Promise<RecordedOutcomeView> {
  const plan = await planOutcome(tx, files, code, input, call);
  const written = await writePlan(tx, plan, call);
  return viewAfter(tx, plan, written.derived, call);
}

/** What recording would do, computed by the real write path and rolled back. */
export function previewOutcome(store: StoreScope, files: FileLookup, code: string, input: OutcomeInput, call: PostalCall): Promise<RecordedOutcomeView> {
  return dryRun(store, (tx) => recordOutcome(tx, files, code, input, call));
}
