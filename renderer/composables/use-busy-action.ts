// API calls with their error kept for the screen: the stores of the desk and the postal
// counter run every API call through this (busy while it runs, the previous error cleared first,
// a failure turned into the screen's own error shape instead of being thrown).
import { computed, ref, type Ref } from 'vue';

export interface BusyAction<E> {
  /** True until every action started has ended (two may overlap: a search typed during a load). */
  busy: Readonly<Ref<boolean>>;
  error: Ref<E | null>;
  /** Runs the action; resolves to its result, or to undefined with `error` set when it failed. */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
}

export function useBusyAction<E>(toError: (e: unknown) => E): BusyAction<E> {
  const running = ref(0);
  const busy = computed(() => running.value > 0);
  const error = ref(null) as Ref<E | null>;
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    running.value++;
    error.value = null;
    try {
      return await action();
    } catch (e) {
      error.value = toError(e);
      return undefined;
    } finally {
      running.value--;
    }
  }
  return { busy, error, run };
}
