// DOMAIN.md 4.1 steps 1-2 and 5: timeline elements, normalised, deduplicated and sorted.
export { ID_PATTERNS, categoryInfo, categoryRank, isKnownCategory, isOtherKnownCategory } from './categories.js';
export type { CategoryInfo, IdPattern, IdSegment } from './categories.js';
export { buildElementId, buildElementIdFor } from './element-id.js';
export { compareElements, toTimelineElement } from './element.js';
export type { NormalizedElement } from './element.js';
export { normalizeElement } from './normalize.js';
export type { TimelineContext } from './normalize.js';
export { dedupeElements, dedupeKeyOf, compareForDedupe, compareWithKey } from './dedupe.js';
export type { DedupeKey } from './dedupe.js';
export { applyBusinessTimes, businessTimeSource } from './business-time.js';
export { detailsFingerprint } from './fingerprint.js';
