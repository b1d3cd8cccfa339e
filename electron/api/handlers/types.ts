import type { z } from 'zod';
import type { AnyContract } from '../contract/op.js';
import type { Caller } from '../dispatch.js';
import type { HostContext } from '../host-context.js';

/** The handlers of one area, typed against that area's contract (a missing or misspelled one doesn't compile). */
export type HandlersOf<C extends AnyContract> = {
  [K in keyof C]: (input: z.output<C[K]['input']>, ctx: HostContext, caller: Caller) => Promise<C[K]['output']>;
};
