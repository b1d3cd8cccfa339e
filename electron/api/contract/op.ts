// The shape of one entry of the API table (STYLE.md 2). This file is shared by the host and the
// renderer (types only on the renderer side), so it must not import anything from Node.
import type { z } from 'zod';

export const ROLES = ['clerk', 'postal', 'sender', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Listed in `roles`, lets a caller without a session in (only `auth.login` needs it). */
export const ANONYMOUS = 'anonymous';
export type Access = Role | typeof ANONYMOUS;

export interface OpDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /** Phantom: the output type, carried for the typed client; never read at run time. */
  readonly output: O;
  readonly roles: readonly Access[];
  readonly doc: string;
  /** True when the operation changes state (audited, run inside a store transaction). */
  readonly mutates: boolean;
  /**
   * 'handler' when the handler opens its own transactions and writes its own audit entries
   * (auth.login: a refused attempt must still be counted and recorded, so it cannot roll back).
   */
  readonly auditedBy?: 'handler';
  /** The ids the audit entry names (IUN, operationId, operator id...): ids only, never personal data. */
  auditTargets?(input: z.output<I>, output: O | undefined): readonly string[];
  /** HTTP body cap of this operation when larger than the host's default (desk.uploadScan: scans up to 15 MB). */
  readonly maxBodyBytes?: number;
  /** The largest file an upload operation carries: a body over the cap is answered UPLOAD_TOO_LARGE, stating it. */
  readonly maxFileBytes?: number;
}

/** Declares the output type of an operation without a run-time value. */
export function t<T>(): T {
  return undefined as unknown as T;
}

/** One API operation: zod input schema, output type, roles allowed, one-line doc. */
export function op<I extends z.ZodType, O>(def: {
  input: I;
  output: O;
  roles: readonly Access[];
  doc: string;
  mutates?: boolean;
  auditedBy?: 'handler';
  auditTargets?: (input: z.output<I>, output: O | undefined) => readonly string[];
  maxBodyBytes?: number;
  maxFileBytes?: number;
}): OpDef<I, O> {
  return { ...def, mutates: def.mutates ?? false };
}

export type AnyContract = Record<string, OpDef>;
