// Explanations of status and refinement (STYLE.md 4: "why this date" comes from the engine).
export { explainStatus } from './status.js';
export { explainRefinement } from './refinement.js';
export type { ExplanationStep, ExplainSource } from './source.js';
