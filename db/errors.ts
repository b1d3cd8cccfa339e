// Driver errors that a clerk can act on become DomainErrors with stable codes (STYLE.md 3);
// anything else is rethrown unchanged and becomes INTERNAL at the API edge.
import { DomainError, isDomainError } from '../core/index.js';

interface DriverError {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
}

const SQLITE_CODES: Record<string, () => DomainError> = {
  SQLITE_READONLY: () => new DomainError('DB_READ_ONLY'),
  SQLITE_FULL: () => new DomainError('DB_DISK_FULL'),
  SQLITE_BUSY: () => new DomainError('DB_BUSY'),
  SQLITE_CORRUPT: () => new DomainError('DB_INTEGRITY_FAILED', { detail: 'SQLITE_CORRUPT' }),
};

// PostgreSQL SQLSTATEs: 25006 read_only_sql_transaction, 53100 disk_full, 40P01 deadlock.
const PG_CODES: Record<string, () => DomainError> = {
  '25006': () => new DomainError('DB_READ_ONLY'),
  '53100': () => new DomainError('DB_DISK_FULL'),
  '40P01': () => new DomainError('DB_BUSY'),
};

/** The DomainError for a driver error the user can act on, or the error itself. */
export function toStoreError(e: unknown): unknown {
  if (isDomainError(e) || typeof e !== 'object' || e === null) return e;
  const code = (e as DriverError).code;
  if (typeof code !== 'string') return e;
  const make = SQLITE_CODES[code] ?? PG_CODES[code];
  if (!make) return e;
  const mapped = make();
  (mapped as Error & { cause?: unknown }).cause = e;
  return mapped;
}

/** Runs `fn`, turning actionable driver errors into DomainErrors. */
export async function withStoreErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toStoreError(e);
  }
}
