export { DomainError, describeError, isDomainError } from './domain-error.js';
export { catalog, messageFor, isErrorCode } from './codes.js';
export type { ErrorCode, Locale } from './codes.js';
