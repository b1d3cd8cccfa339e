// The shape of one entry of the API table (STYLE.md 2). This file is shared by the host and the
// renderer (types only on the renderer side), so it must not import anything from Node.
import type { z } from 'zod';

export const ROLES = ['clerk', 'postal', 'sender', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface OpDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /** Phantom: the output type, carried for the typed client; never read at run time. */
  readonly output: O;
  readonly roles: readonly Role[];
  readonly doc: string;
  /** True when the operation changes state (audited, run inside a store transaction). */
  readonly mutates: boolean;
}

/** Declares the output type of an operation without a run-time value. */
export function t<T>(): T {
  return undefined as unknown as T;
}

/** One API operation: zod input schema, output type, roles allowed, one-line doc. */
export function op<I extends z.ZodType, O>(def: {
  input: I;
  output: O;
  roles: readonly Role[];
  doc: string;
  mutates?: boolean;
}): OpDef<I, O> {
  return { ...def, mutates: def.mutates ?? false };
}

export type AnyContract = Record<string, OpDef>;
