// SEND's IUN and the local IUN of a notification created here. The sender form stores a new
// notification under a locally generated IUN (electron/sender/new-notification.ts, DOMAIN.md 2.1)
// and SEND assigns its own IUN when it accepts the request. The pair is kept in sender_requests
// (notificationRequestId from the push, SEND's IUN from the stream or the request status).
//
// Choice: translate, do not re-key. The local IUN is the key of the timeline, recipients,
// documents, legal facts, engine state, desk records and of other areas' outbox items; renaming it
// everywhere in one transaction would touch tables this layer does not own, and a clerk may already
// have printed or written it down. So the sync layer translates at its edges:
// - pulled data about SEND's IUN is applied to the local notification: the element's IUN, and the
//   `IUN_<iun>` token SEND writes into elementIds (and into details that point at other elements),
//   so that SEND's copy of an element the desk wrote itself (its cancellation, DOMAIN.md 5) has the
//   same elementId and is stored once; SEND's header of a notification we already hold is dropped;
// - items pushed about the local IUN (a cancellation) go out under SEND's IUN;
// - a request SEND refused never gets SEND's IUN: the refusal is written on the local notification
//   as the element SEND itself uses (refusalElement), so its status becomes REFUSED (DOMAIN.md 4.2).
import type { TimelineElementInput } from '../../core/index.js';
import type { OutboxItem, PullPage, PulledElement, RequestLink } from './types.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every IUN a page names (headers and elements), once each. */
export function iunsOfPage(page: Pick<PullPage, 'notifications' | 'elements'>): string[] {
  const out = new Set<string>();
  for (const n of page.notifications) out.add(n.notification.iun);
  for (const e of page.elements) out.add(e.iun);
  return [...out];
}

function renameIn(element: PulledElement['element'], from: string, to: string): PulledElement['element'] {
  const a = `IUN_${from}`;
  const b = `IUN_${to}`;
  const out = { ...element };
  if (out.elementId?.includes(a)) out.elementId = out.elementId.split(a).join(b);
  if (out.details !== undefined) {
    const text = JSON.stringify(out.details);
    if (text.includes(a)) out.details = JSON.parse(text.split(a).join(b)) as Record<string, unknown>;
  }
  return out;
}

/**
 * The page as the local store knows it: `localOf` maps SEND IUN -> local IUN (identical pairs are
 * no-ops). Elements move to the local IUN; headers of mapped IUNs are dropped (the local
 * notification exists). Returns the page itself when nothing maps.
 */
export function toLocalPage<P extends Pick<PullPage, 'notifications' | 'elements'>>(page: P, localOf: ReadonlyMap<string, string>): P {
  const moved = [...localOf].filter(([peer, local]) => peer !== local);
  if (moved.length === 0) return page;
  const map = new Map(moved);
  return {
    ...page,
    notifications: page.notifications.filter((n) => !map.has(n.notification.iun)),
    elements: page.elements.map((e) => {
      const local = map.get(e.iun);
      return local === undefined ? e : { iun: local, element: renameIn(e.element, e.iun, local) };
    }),
  };
}

/** The local IUN an item names at the top of its payload (`{ iun }`: cancellations, RADD, postal). */
export function payloadIun(item: Pick<OutboxItem, 'payload'>): string | undefined {
  return isRecord(item.payload) && typeof item.payload.iun === 'string' ? item.payload.iun : undefined;
}

/** The item as the peer knows it: its payload's `iun` replaced by SEND's when `peerOf` has one. */
export function toPeerItem(item: OutboxItem, peerOf: ReadonlyMap<string, string>): OutboxItem {
  const iun = payloadIun(item);
  const peer = iun === undefined ? undefined : peerOf.get(iun);
  if (peer === undefined || peer === iun) return item;
  return { ...item, payload: { ...(item.payload as Record<string, unknown>), iun: peer } };
}

/**
 * The REQUEST_REFUSED element for the local notification `localIun` (DOMAIN.md 5 row 4): SEND's
 * elementId pattern under the local IUN, so that a repeated answer is a no-op, and SEND's reasons
 * as `details.refusalReasons`. Undefined when the link is not a refusal.
 */
export function refusalElement(localIun: string, link: Pick<RequestLink, 'status' | 'refusal'>): TimelineElementInput | undefined {
  if (link.status !== 'REFUSED' || link.refusal === undefined) return undefined;
  const refusalReasons = link.refusal.reasons.map((r) => ({ errorCode: r.errorCode, ...(r.detail !== undefined ? { detail: r.detail } : {}) }));
  return { elementId: `REQUEST_REFUSED.IUN_${localIun}`, category: 'REQUEST_REFUSED', at: link.refusal.at, details: { refusalReasons } };
}
