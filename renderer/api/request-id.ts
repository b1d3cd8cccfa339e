// The id a screen gives a write it sends (the API's `requestId`, a UUID v4): the same while the
// draft stays the same, so that a request whose answer was lost, sent again (the screen retrying, the
// clerk clicking again), gets the first answer instead of a refusal ("already recorded", "overlapping
// delegation", "username already used"): the host keeps it (electron/api/answer-once.ts). Another
// draft is another request; after an answer the next one is new too.

export interface RequestIds {
  /** The id of `request`: the pending one while the request is the same, a new one otherwise. */
  idFor(request: unknown): string;
  /** The request was answered: the next one gets a new id, even if it looks the same. */
  answered(): void;
}

export function requestIds(): RequestIds {
  let pending: { request: string; id: string } | null = null;
  return {
    idFor(request) {
      const text = JSON.stringify(request);
      if (pending?.request !== text) pending = { request: text, id: crypto.randomUUID() };
      return pending.id;
    },
    answered() {
      pending = null;
    },
  };
}
