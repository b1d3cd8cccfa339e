// Worker of core.derive_rate: derives its shard of pre-made notifications (DOMAIN.md 4-8) on 'go'.
import { deriveAll, WARM_UP_CASES, type DeriveCase } from './derive-cases.js';
import { serveShard } from './workers.js';

serveShard<DeriveCase[]>(async (cases) => {
  deriveAll(cases.slice(0, WARM_UP_CASES));
  return async () => deriveAll(cases);
});
