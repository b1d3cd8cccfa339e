// Batch entry: one outcome and one date for many scanned items. The preview checks every line as
// if the lines before it were recorded (a real write, rolled back); recording is one transaction,
// all or nothing, and a refused line is named in the error.
import { codedMessage, DomainError, isDomainError, withReason } from '../../core/index.js';
import type { StoreScope } from '../../db/store.js';
import type { BatchLineView, BatchPreviewView, BatchRecordedView } from '../api/contract/postal-views.js';
import type { OutcomeInput } from '../api/contract/postal.js';
import { formatItemCode } from './item-code.js';
import type { PostalCall } from './load.js';
import type { FileLookup } from './outcome-input.js';
import { planOutcome, type OutcomePlan } from './plan.js';
import { dryRun } from './record.js';
import { writePlan } from './write.js';

function okLine(line: number, input: string, plan: OutcomePlan): BatchLineView {
  const { record } = plan.loaded;
  return {
    line,
    input,
    itemCode: formatItemCode({ iun: record.notification.iun, recipientIndex: plan.slot.recipientIndex, attempt: plan.slot.attempt }),
    recipient: record.notification.recipients[plan.slot.recipientIndex]?.denomination ?? null,
    ok: true,
    codes: plan.elements.map((e) => e.details?.deliveryDetailCode).filter((c): c is string => typeof c === 'string'),
    error: null,
  };
}

/** Checks every line (each one seeing the lines before it as recorded); nothing stays written. */
export function previewBatch(store: StoreScope, files: FileLookup, items: readonly string[], outcome: OutcomeInput, call: PostalCall): Promise<BatchPreviewView> {
  return dryRun(store, async (tx) => {
    const lines: BatchLineView[] = [];
    for (const [i, input] of items.entries()) {
      let plan: OutcomePlan;
      try {
        plan = await planOutcome(tx, files, input, outcome, call);
      } catch (e) {
        if (!isDomainError(e)) throw e;
        lines.push({ line: i + 1, input, itemCode: null, recipient: null, ok: false, codes: [], error: codedMessage(e.code, call.locale, e.params) });
        continue;
      }
      // Planning wrote nothing; writing now lets the next lines see this one (a duplicate scan is refused).
      await writePlan(tx, plan, call);
      lines.push(okLine(i + 1, input, plan));
    }
    const okCount = lines.filter((l) => l.ok).length;
    return { lines, okCount, errorCount: lines.length - okCount };
  });
}

/**
 * Records every line in the caller's transaction; the first refused line throws
 * POSTAL_BATCH_LINE_REFUSED naming it, which rolls the whole batch back.
 */
export async function recordBatch(tx: StoreScope, files: FileLookup, items: readonly string[], outcome: OutcomeInput, call: PostalCall): Promise<BatchRecordedView> {
  const lines: BatchLineView[] = [];
  for (const [i, input] of items.entries()) {
    let plan: OutcomePlan;
    try {
      plan = await planOutcome(tx, files, input, outcome, call);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      // The line's own refusal travels as its code and params (withReason): a screen renders both in its language.
      throw new DomainError('POSTAL_BATCH_LINE_REFUSED', withReason({ line: i + 1, item: input }, e.code, e.params));
    }
    await writePlan(tx, plan, call);
    lines.push(okLine(i + 1, input, plan));
  }
  return { recorded: lines.length, lines };
}
