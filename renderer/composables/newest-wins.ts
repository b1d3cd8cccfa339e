// Answers that count only while no later request of the same kind was sent. A clerk, or a scanner
// typing like a keyboard, can ask again before the network has answered the first time; an
// earlier answer arriving last must not replace the later one on screen (the previous citizen's
// notification, the desk's recent operations instead of the IUN searched for).

/** What `run` resolves to when a later request started meanwhile. */
export const STALE: unique symbol = Symbol('stale');

export interface NewestWins {
  /**
   * Runs `request`; resolves to its answer, or to STALE when another `run` of the same guard
   * started after it (a stale request's failure is dropped the same way). A current failure throws.
   */
  run<T>(request: () => Promise<T>): Promise<T | typeof STALE>;
}

export function newestWins(): NewestWins {
  let latest = 0;
  return {
    async run<T>(request: () => Promise<T>): Promise<T | typeof STALE> {
      const mine = ++latest;
      try {
        const answer = await request();
        return mine === latest ? answer : STALE;
      } catch (e) {
        if (mine !== latest) return STALE;
        throw e;
      }
    },
  };
}
