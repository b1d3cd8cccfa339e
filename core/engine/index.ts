// The workflow engine (DOMAIN.md 4-8, 12): full and incremental derivation, scenario runner.
export { deriveNotification, rebuildEngineState, prepareTimeline } from './derive.js';
export { createEngineState, ENGINE_STATE_VERSION } from './state.js';
export type { EngineNotification, EngineState, SortKey } from './state.js';
export { applyElement } from './incremental.js';
export type { ApplyOutcome, ApplyResult } from './incremental.js';
export { stateToDerived } from './finalize.js';
export { runScenario } from './scenario.js';
export type { ScenarioOutput, ScenarioRun } from './scenario.js';
