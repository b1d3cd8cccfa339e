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

/** The host did not answer (the network dropped): the request may have been done all the same. */
export function answerLost(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'HOST_UNREACHABLE';
}

/**
 * Sends one request named by a new id (one click: a print, a receipt printed), and sends it again
 * under that same id while its answer is lost, after each of `waitsMs`: the host answers a repeat
 * with the first answer and does nothing twice. The next click is a new request, a new id.
 */
export async function sentOnce<T>(send: (requestId: string) => Promise<T>, waitsMs: readonly number[] = [500, 1500]): Promise<T> {
  const id = crypto.randomUUID();
  return sentAgainWhileLost(() => send(id), waitsMs);
}

/**
 * Sends a request and sends it again, exactly as it was, while its answer is lost, after each of
 * `waitsMs` (a chunk of a file: the host knows it again by its upload, offset and bytes, and answers
 * its first answer).
 */
export async function sentAgainWhileLost<T>(send: () => Promise<T>, waitsMs: readonly number[] = [500, 1500]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      if (!answerLost(e) || attempt >= waitsMs.length) throw e;
      await new Promise((r) => setTimeout(r, waitsMs[attempt]));
    }
  }
}
