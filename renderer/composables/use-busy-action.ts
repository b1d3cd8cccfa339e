// One action at a time, with its error kept for the screen: the stores of the desk and the postal
// counter run every API call through this (busy while it runs, the previous error cleared first,
// a failure turned into the screen's own error shape instead of being thrown).
import { ref, type Ref } from 'vue';

export interface BusyAction<E> {
  busy: Ref<boolean>;
  error: Ref<E | null>;
  /** Runs the action; resolves to its result, or to undefined with `error` set when it failed. */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
}

export function useBusyAction<E>(toError: (e: unknown) => E): BusyAction<E> {
  const busy = ref(false);
  const error = ref(null) as Ref<E | null>;
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = null;
    try {
      return await action();
    } catch (e) {
      error.value = toError(e);
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run };
}
