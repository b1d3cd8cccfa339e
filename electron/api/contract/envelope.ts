// What crosses the boundary, in both transports: `{ ok: true, data }` or `{ ok: false, error }`.
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

export interface ApiError {
  code: string;
  message: string;
  details?: { fields?: FieldError[]; correlationId?: string; [key: string]: unknown };
}

export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: ApiError };
