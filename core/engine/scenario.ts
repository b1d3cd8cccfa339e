// The scenario runner's logic (shared/scenarios/README.md): check the file's shape, derive, and
// project the result onto the shape of `expected`. Pure: the CLI only reads the file and prints.
import { DomainError } from '../errors/domain-error.js';
import type { DomainWarning, NotificationStatus, RecipientOutcome, RefinedBy, TimelineElementInput } from '../model/types.js';
import { isInstant } from '../time/instant.js';
import { deriveNotification } from './derive.js';

/** What the runner prints: exactly the keys of a scenario's `expected`. */
export interface ScenarioOutput {
  status: NotificationStatus;
  statusHistory: { status: NotificationStatus; activeFrom: string; relatedTimelineElements: string[] }[];
  viewedAt: string | null;
  notificationLegalFacts: string[];
  perRecipient: {
    viewedAt: string | null;
    refinementDate: string | null;
    refinedBy: RefinedBy | null;
    outcome: RecipientOutcome;
    legalFacts: string[];
  }[];
}

export interface ScenarioRun {
  output: ScenarioOutput;
  /** Skipped elements and rule warnings (informative; not part of `expected`). */
  warnings: DomainWarning[];
}

function fail(path: string, reason: string): never {
  throw new DomainError('SCENARIO_INVALID', { path, reason });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The format lets recipientIndex, details and elementId be absent; a file written by another tool
 * may spell "absent" as null (or an empty elementId): read those as absent, not as an error.
 */
function withoutEmpty(ev: Record<string, unknown>): Record<string, unknown> {
  const out = { ...ev };
  for (const k of ['recipientIndex', 'details', 'elementId'] as const) {
    if (out[k] === null || (k === 'elementId' && typeof out[k] === 'string' && out[k].trim() === '')) delete out[k];
  }
  return out;
}

function checkEvent(raw: unknown, i: number): TimelineElementInput {
  const path = `events[${i}]`;
  if (!isRecord(raw)) fail(path, 'not an object');
  const ev = withoutEmpty(raw);
  if (typeof ev.category !== 'string') fail(`${path}.category`, 'missing or not a text');
  if (typeof ev.at !== 'string') fail(`${path}.at`, 'missing or not a text');
  // Digits in a text ("0") are read as the number by the engine (normalize.ts), like a number.
  const ri = ev.recipientIndex;
  if (ri !== undefined && !Number.isInteger(ri) && !(typeof ri === 'string' && /^\d{1,4}$/.test(ri))) fail(`${path}.recipientIndex`, 'not an integer');
  if (ev.details !== undefined && !isRecord(ev.details)) fail(`${path}.details`, 'not an object');
  if (ev.elementId !== undefined && typeof ev.elementId !== 'string') fail(`${path}.elementId`, 'not a text');
  return ev as unknown as TimelineElementInput;
}

/** Checks the shape the runner needs; element-level problems (unknown category...) are left to the engine. */
function checkScenario(json: unknown): { iun: string; sentAt: string; recipientCount: number; events: TimelineElementInput[] } {
  if (!isRecord(json)) fail('$', 'not a JSON object');
  const n = json.notification;
  if (!isRecord(n)) fail('notification', 'missing or not an object');
  if (typeof n.iun !== 'string' || n.iun === '') fail('notification.iun', 'missing or not a text');
  if (typeof n.sentAt !== 'string' || !isInstant(n.sentAt)) fail('notification.sentAt', 'missing or not an ISO-8601 instant with offset');
  if (!Array.isArray(n.recipients) || n.recipients.length === 0) fail('notification.recipients', 'missing or empty');
  if (!Array.isArray(json.events)) fail('events', 'missing or not a list');
  const events = json.events.map(checkEvent);
  return { iun: n.iun, sentAt: n.sentAt, recipientCount: n.recipients.length, events };
}

/**
 * Runs one scenario file's content: validates its shape (throws `SCENARIO_INVALID`), derives the
 * notification and returns the output in the shape of `expected` plus the warnings.
 */
export function runScenario(json: unknown): ScenarioRun {
  const s = checkScenario(json);
  const { result, errors } = deriveNotification({ iun: s.iun, sentAt: s.sentAt, recipientCount: s.recipientCount }, s.events);
  const output: ScenarioOutput = {
    status: result.status,
    statusHistory: result.statusHistory.map((h) => ({ status: h.status, activeFrom: h.activeFrom, relatedTimelineElements: h.relatedTimelineElements })),
    viewedAt: result.viewedAt,
    // DOMAIN.md 12 defines this output as ["SENDER_ACK"] when the history contains ACCEPTED: only
    // the types of the section 6 table. The engine also keeps SEND's cancellation attestation
    // (section 5 row 41, "unconfirmed") for the app, which the scenario output leaves out.
    notificationLegalFacts: result.notificationLegalFacts.filter((f) => f.type === 'SENDER_ACK').map((f) => f.type),
    perRecipient: result.perRecipient.map((r) => ({
      viewedAt: r.viewedAt,
      refinementDate: r.refinementDate,
      refinedBy: r.refinedBy,
      outcome: r.outcome,
      legalFacts: r.legalFacts.map((f) => f.type),
    })),
  };
  return { output, warnings: errors.concat(result.warnings) };
}
