// The giacenza register: items held at the post office now, with the 10-day term and the day from
// which the core accepts "holding period expired" (DOMAIN.md 7.3: AR 30 days from the giacenza;
// 890 once the 10-day deposit term has run), most urgent first. The dates are asked of the core
// by building (never writing) the outcome, so that the rule exists only there.
import {
  allowedOutcomes,
  buildPostalOutcomeElements,
  formatRomeDate,
  isDomainError,
  romeDayNumber,
  romeLocalToEpochMs,
  romeWallClock,
  formatInstant,
  tryParseInstant,
  type AttemptContext,
  type IsoInstant,
  type TimelineElementInput,
} from '../../core/index.js';
import { GIACENZA_START_CODES } from '../../db/repositories/postal-queries.js';
import type { StoreScope } from '../../db/store.js';
import type { GiacenzaEntryView, GiacenzaRegisterView } from '../api/contract/postal-views.js';
import { itemElements, type ItemSlot } from './attempts.js';
import { formatItemCode } from './item-code.js';
import { readNotification, type LoadedNotification } from './load.js';

const DAY_MS = 86_400_000;
/** Far enough for any holding period (890: 6 months, DOMAIN.md 7.3). */
const SEARCH_DAYS = 400;
const CLOSING = ['COLLECTED_FROM_GIACENZA', 'COLLECTED_BY_DELEGATE_FROM_GIACENZA', 'NOT_COLLECTED_AT_GIACENZA', 'GIACENZA_EXPIRED'];

interface Target {
  ctx: AttemptContext;
  iun: string;
  recipientIndex: number;
}

function tryExpired(t: Target, atMs: number): TimelineElementInput[] | undefined {
  const at = formatInstant(atMs);
  try {
    return buildPostalOutcomeElements(t.ctx, { kind: 'GIACENZA_EXPIRED', at }, { iun: t.iun, recipientIndex: t.recipientIndex, now: at });
  } catch (e) {
    if (isDomainError(e)) return undefined;
    throw e;
  }
}

/** Noon (Europe/Rome) of the day `k` days after the day of `fromMs`. */
function noonAfter(fromMs: number, k: number): number {
  const w = romeWallClock(fromMs);
  return romeLocalToEpochMs(w.year, w.month, w.day, 12) + k * DAY_MS;
}

/** First day from `sinceMs` on which the core accepts GIACENZA_EXPIRED (binary search: refused, then accepted). */
function firstExpiryNoon(t: Target, sinceMs: number): number | undefined {
  let lo = 0;
  let hi = SEARCH_DAYS;
  if (!tryExpired(t, noonAfter(sinceMs, hi))) return undefined;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (tryExpired(t, noonAfter(sinceMs, mid))) hi = mid;
    else lo = mid + 1;
  }
  return noonAfter(sinceMs, lo);
}

/** The 10-day term (PNRN012 / RECAG012): already recorded, else the one the core would write. */
function termDateOf(t: Target, events: readonly TimelineElementInput[], sinceMs: number): IsoInstant | null {
  const recorded = events.find((e) => e.category === 'SEND_ANALOG_FEEDBACK');
  if (recorded) return recorded.at;
  const planned = tryExpired(t, noonAfter(sinceMs, SEARCH_DAYS))?.find((e) => e.category === 'SEND_ANALOG_FEEDBACK');
  return planned?.at ?? null;
}

function entryOf(loaded: LoadedNotification, slot: ItemSlot & { ctx: AttemptContext }, nowMs: number): GiacenzaEntryView {
  const n = loaded.record.notification;
  const t: Target = { ctx: slot.ctx, iun: n.iun, recipientIndex: slot.recipientIndex };
  const events = itemElements(loaded.elements, slot);
  const held = [...events].reverse().find((e) => GIACENZA_START_CODES.includes(String(e.details?.deliveryDetailCode)));
  const heldSince = (held ?? events[events.length - 1])?.at ?? slot.ctx.sentAt;
  const sinceMs = tryParseInstant(heldSince);
  const expiry = firstExpiryNoon(t, sinceMs);
  return {
    code: formatItemCode({ iun: n.iun, recipientIndex: slot.recipientIndex, attempt: slot.attempt }),
    iun: n.iun,
    recipientIndex: slot.recipientIndex,
    attempt: slot.attempt,
    productType: slot.productType,
    recipient: n.recipients[slot.recipientIndex]?.denomination ?? '',
    municipality: slot.address?.municipality ?? null,
    heldSince,
    termDate: termDateOf(t, events, sinceMs),
    expiresOn: expiry === undefined ? null : formatRomeDate(expiry),
    daysLeft: expiry === undefined ? null : romeDayNumber(expiry) - romeDayNumber(nowMs),
  };
}

function byUrgency(a: GiacenzaEntryView, b: GiacenzaEntryView): number {
  const da = a.daysLeft ?? Number.POSITIVE_INFINITY;
  const db = b.daysLeft ?? Number.POSITIVE_INFINITY;
  return da - db || a.heldSince.localeCompare(b.heldSince) || a.code.localeCompare(b.code);
}

/** Every item still held (a giacenza outcome is allowed now), most urgent first. */
export async function giacenzaRegister(store: StoreScope, now: IsoInstant): Promise<GiacenzaRegisterView> {
  const nowMs = tryParseInstant(now);
  const entries: GiacenzaEntryView[] = [];
  const byIun = new Map<string, number[]>();
  for (const c of await store.postalQueries.giacenzaCandidates()) byIun.set(c.iun, [...(byIun.get(c.iun) ?? []), c.recipientIndex]);
  for (const [iun, recipients] of byIun) {
    const loaded = await readNotification(store, iun);
    if (!loaded) continue;
    for (const slot of loaded.slots) {
      if (!slot.ctx || !recipients.includes(slot.recipientIndex)) continue;
      if (!allowedOutcomes(slot.ctx, now).some((k) => CLOSING.includes(k))) continue;
      entries.push(entryOf(loaded, slot as ItemSlot & { ctx: AttemptContext }, nowMs));
    }
  }
  return { today: formatRomeDate(nowMs), entries: entries.sort(byUrgency) };
}
