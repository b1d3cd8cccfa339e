// What crosses the boundary, in both transports: `{ ok: true, data }` or `{ ok: false, error }`.
// `message` is in the request's language; `params` are the ones that message shows (never an
// internal name, a secret or SQL: core/errors shownParams), so that a screen renders the code
// again with `messageFor` when the clerk switches language. Absent when the message shows none.
export interface FieldError {
  path: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface ApiError {
  code: string;
  message: string;
  params?: Record<string, string | number>;
  details?: { fields?: FieldError[]; correlationId?: string; [key: string]: unknown };
}

export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: ApiError };
