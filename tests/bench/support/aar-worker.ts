// Worker of documents.aar_rate: renders its share of AARs (DOMAIN.md 9) on 'go'.
import { renderAars, WARM_UP_AARS } from './aar-inputs.js';
import { serveShard } from './workers.js';

serveShard<{ from: number; count: number }>(async ({ from, count }) => {
  await renderAars(0, WARM_UP_AARS);
  return () => renderAars(from, count);
});
