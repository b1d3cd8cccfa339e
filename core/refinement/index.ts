// DOMAIN.md 8: refinement (perfezionamento) per recipient.
export { TERM_RULES, termFrom, workflowEndKind, UNREACHABLE_RULE_FROM_MS } from './rules.js';
export type { TermRule } from './rules.js';
export { createRecipientFold, observeWorkflow, observeViewing } from './recipient-fold.js';
export type { RecipientFold, ElementRef, TermState } from './recipient-fold.js';
export { refinementOf, outcomeOf } from './result.js';
export type { RefinementResult } from './result.js';
