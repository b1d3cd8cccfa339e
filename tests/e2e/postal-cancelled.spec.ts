// The postal screen on a notification the sender cancelled (DOMAIN.md 3, 4.2: the workflow stops):
// scanning its item shows why nothing can be recorded, in Italian, instead of an item without outcomes.
import { formatInstant, tryParseInstant, type TimelineElementInput } from '../../core/index.js';
import { expect, snapshot, test } from './fixtures.js';
import { buildManyCases, seedPostalCases, type PostalCase } from './data/postal-cases.js';
import { PostalItemPage } from './pages/postal-pages.js';

const NOW = Date.now();
const HOUR = 3_600_000;

/** A sent item whose notification the sender cancelled an hour ago (the elements sender.cancel writes). */
function cancelled(c: PostalCase): PostalCase {
  const at = formatInstant(Math.max(NOW - HOUR, ...c.timeline.map((e) => tryParseInstant(e.at) + 1000)));
  const tail: TimelineElementInput[] = [{ category: 'NOTIFICATION_CANCELLATION_REQUEST', at }, { category: 'NOTIFICATION_CANCELLED', at }];
  return { ...c, timeline: [...c.timeline, ...tail] };
}

const item = cancelled(buildManyCases(NOW, 1, 'sent', 'postal-e2e-cancelled')[0]!);

test.use({
  seed: async ({}, use) => { await use(async (store) => { await seedPostalCases(store, [item]); }); },
  hostEnv: { RADD_DEMO_OPERATORS: '1' },
});

test('scanning the item of a cancelled notification says that no postal outcome is recorded any more', async ({ page, host, accessible }) => {
  const postal = new PostalItemPage(page);
  await postal.open(host.url);
  await postal.scan(item.itemCode);
  await expect(postal.error).toHaveAttribute('data-code', 'OUTCOME_NOTIFICATION_CANCELLED');
  await expect(postal.error).toContainText("annullata dall'ente mittente");
  await expect(postal.item).toHaveCount(0);
  await accessible(page, 'postal item (cancelled notification)');
  await snapshot(page, 'postal-cancelled');
});
