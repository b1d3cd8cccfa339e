// JSON columns are TEXT on both SQLite and PostgreSQL, so that one mapper serves both.

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string | null | undefined): T | undefined {
  return text === null || text === undefined ? undefined : (JSON.parse(text) as T);
}

/** Knex/pg return BIGINT as a string; SQLite returns a number. */
export function toNumber(value: number | string | null | undefined): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}

/** SQLite stores booleans as 0/1; PostgreSQL returns true/false. */
export function toBool(value: boolean | number): boolean {
  return value === true || value === 1;
}

/** Epoch milliseconds of an ISO-8601 instant (the sortable twin of an `*_at` column). */
export function instantMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 instant: ${iso}`);
  return ms;
}

/** Drops undefined values so that optional domain fields stay absent, not `undefined`. */
export function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
