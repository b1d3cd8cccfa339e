export { DomainError, describeError, isDomainError } from './domain-error.js';
export { catalog, codedMessage, inBothLanguages, messageFor, isErrorCode, placeholdersOf, renderable, shownParams, soleTellingField, withReason } from './codes.js';
export type { CodedMessage, ErrorCode, Locale } from './codes.js';
