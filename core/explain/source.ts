// What explanations start from: a derived notification (with its causes and refinement bases),
// or the notification and its elements (derived here with the same engine).
import type { DerivedNotification, TimelineElementInput } from '../model/types.js';
import type { LocalizedText } from '../labels/status-labels.js';
import { deriveNotification } from '../engine/derive.js';
import type { EngineNotification } from '../engine/state.js';
import { formatRomeReadable, parseInstant } from '../time/instant.js';
import { timelineCategoryLabel } from '../labels/timeline-labels.js';

/**
 * One step of an explanation: the rule applied (a technical reference for support and tests, not
 * shown to the operator), the elements it used, the sentence for the clerk (plain words: events
 * by their timeline label, never by category code).
 */
export interface ExplanationStep {
  rule: string;
  elementIds: string[];
  text: LocalizedText;
}

export type ExplainSource = DerivedNotification | { notification: EngineNotification; inputs: readonly TimelineElementInput[] };

export function derivedOf(source: ExplainSource): DerivedNotification {
  if ('notification' in source) return deriveNotification(source.notification, source.inputs).result;
  return source;
}

/** `DD/MM/YYYY HH:MM:SS` Rome time of an ISO instant. */
export function readable(iso: string): string {
  return formatRomeReadable(parseInstant(iso));
}

export function step(rule: string, elementIds: string[], it: string, en: string): ExplanationStep {
  return { rule, elementIds, text: { it, en } };
}

/** An event as the operator reads it in the timeline: its label in «» (it) or "" (en). */
export function eventName(category: string): LocalizedText {
  const label = timelineCategoryLabel(category);
  return { it: `«${label.it}»`, en: `"${label.en}"` };
}
