// EngineState -> DerivedNotification (DOMAIN.md 12). Shared by the full and the incremental
// derivation, so both give the same output for the same state.
import type { DerivedNotification, DomainWarning, RecipientState, RefinementBasis, StatusHistoryEntry } from '../model/types.js';
import { notificationLegalFacts } from '../legal-facts/legal-facts.js';
import type { RecipientFold } from '../refinement/recipient-fold.js';
import { outcomeOf, refinementOf } from '../refinement/result.js';
import { formatInstant, tryParseInstant } from '../time/instant.js';
import type { EngineState } from './state.js';

const fmt = (ms: number | null): string | null => (ms === null ? null : formatInstant(ms));

function basisOf(rf: RecipientFold): RefinementBasis {
  const end = rf.end === null ? null : { elementId: rf.end.id, category: rf.end.category, kind: rf.end.kind };
  const t = rf.term;
  return {
    end,
    base: t === null ? null : { elementId: t.base.id, category: t.base.category, at: formatInstant(t.base.ms), fallback: t.fallback },
    days: t === null ? null : t.days,
    after2100: t !== null && t.after2100,
    view: rf.firstView === null ? null : { elementId: rf.firstView.id, at: formatInstant(rf.firstView.ms) },
  };
}

function recipientState(rf: RecipientFold, i: number, refused: boolean, copy: boolean): RecipientState {
  const r = refinementOf(rf);
  return {
    recipientIndex: i,
    viewedAt: fmt(r.viewedMs),
    refinementDate: fmt(r.refinementMs),
    refinedBy: r.refinedBy,
    termDate: fmt(r.termMs),
    outcome: outcomeOf(rf, refused),
    legalFacts: copy ? rf.legalFacts.slice() : rf.legalFacts,
    refinementBasis: basisOf(rf),
  };
}

/** DOMAIN.md 8.3: SCHEDULE_REFINEMENT with a date other than the computed S -> REFINEMENT_DATE_MISMATCH. */
function scheduleWarnings(recipients: readonly RecipientFold[]): DomainWarning[] {
  const out: DomainWarning[] = [];
  recipients.forEach((rf, recipientIndex) => {
    if (rf.term === null) return;
    for (const s of rf.scheduled) {
      if (s.schedulingDate === null || tryParseInstant(s.schedulingDate) === rf.term.ms) continue;
      const computed = formatInstant(rf.term.ms);
      out.push({ code: 'REFINEMENT_DATE_MISMATCH', elementId: s.id, params: { recipientIndex, written: s.schedulingDate, computed } });
    }
  });
  return out;
}

/** The derived notification of a state (status, history, views, refinements, legal facts, warnings). */
export function stateToDerived(state: EngineState): DerivedNotification {
  return derivedOf(state, true);
}

/**
 * stateToDerived; with `copy` false the result shares the state's arrays, for a state that is
 * thrown away right after (the full derivation), so nothing can change them behind the caller.
 */
export function derivedOf(state: EngineState, copy: boolean): DerivedNotification {
  const statusHistory: StatusHistoryEntry[] = state.status.history.map((h) => {
    const entry: StatusHistoryEntry = { status: h.status, activeFrom: formatInstant(h.atMs), relatedTimelineElements: copy ? h.related.slice() : h.related };
    if (h.cause !== undefined) entry.cause = h.cause;
    return entry;
  });
  const refused = statusHistory.some((h) => h.status === 'REFUSED');
  let viewedMs: number | null = null;
  for (const rf of state.recipients) {
    if (rf.firstView !== null && (viewedMs === null || rf.firstView.ms < viewedMs)) viewedMs = rf.firstView.ms;
  }
  return {
    iun: state.iun,
    status: state.status.state,
    statusHistory,
    viewedAt: fmt(viewedMs),
    notificationLegalFacts: notificationLegalFacts(statusHistory),
    perRecipient: state.recipients.map((rf, i) => recipientState(rf, i, refused, copy)),
    warnings: state.warnings.concat(scheduleWarnings(state.recipients)),
  };
}
