// DOMAIN.md 4: status derivation.
export { TRANSITIONS, COMPLETION_CATEGORIES, GATE_PRIORITY, GATED_STATES, findTransition, isCompletionCategory } from './transitions.js';
export type { TransitionRow, TransitionCondition } from './transitions.js';
export { createStatusFold, stepStatus } from './fold.js';
export type { StatusFold, HistoryState, StatusInput, StatusStepOptions } from './fold.js';
