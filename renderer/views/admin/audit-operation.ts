// An audit entry's operation (the API table's name, `desk.startTransaction`, or a host task's,
// `retention.purgeScans`) in words of the UI language; an operation with no label reads as its code.

/** The message key of an operation's label, or null for a name that is not `<area>.<name>`. */
export function auditOperationKey(operation: string): string | null {
  return /^[A-Za-z]+\.[A-Za-z]+$/.test(operation) ? `admin.audit.operations.${operation}` : null;
}

/** The label of an operation, given vue-i18n's `te` and `t`; the code itself when none is known. */
export function auditOperationLabel(operation: string, te: (key: string) => boolean, t: (key: string) => string): string {
  const key = auditOperationKey(operation);
  return key && te(key) ? t(key) : operation;
}

/**
 * Every operation that has a label (`<area>.<name>` under admin.audit.operations of a messages tree):
 * the choices of the log's "Operazione" filter, which sends the code.
 */
export function auditOperationCodes(messages: Record<string, unknown>): string[] {
  const admin = messages.admin as { audit?: { operations?: Record<string, Record<string, unknown>> } } | undefined;
  return Object.entries(admin?.audit?.operations ?? {}).flatMap(([area, ops]) => Object.keys(ops).map((name) => `${area}.${name}`));
}
