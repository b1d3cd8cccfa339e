// Views of the notification (DOMAIN.md 8.2, 10 step 5): at a RADD desk before refinement, or online
// after the term. A desk view is written by the desk's own completion rule, so simulated and real
// desk views have the same shape.
import { buildActCompletionElements } from '../desk/completion.js';
import type { DeskDelegate } from '../desk/act-inquiry.js';
import { makeTaxId } from '../identifiers/tax-id.js';
import { formatInstant, parseInstant } from '../time/index.js';
import { after, DAY_MS, HOUR_MS, romeDayAt, workingDayTime } from './clock.js';
import { CITIES, FEMALE_NAMES, MALE_NAMES, SURNAMES } from './demo-data.js';
import { uuidFrom } from './prng.js';
import { add, type Story, type Track } from './track.js';

function drawDelegate(t: Track): DeskDelegate {
  const female = t.rng.chance(0.5);
  const name = t.rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
  const surname = t.rng.pick(SURNAMES);
  const birthDate = `${t.rng.between(1950, 2000)}-0${t.rng.between(1, 9)}-1${t.rng.between(0, 9)}`;
  const taxId = makeTaxId({ surname, name, birthDate, female, cadastralCode: t.rng.pick(CITIES).cadastralCode });
  return { taxId, denomination: `${name} ${surname}`, delegateType: 'PF', mandate: { mandateId: uuidFrom(t.rng), delegatorTaxId: t.recipient.taxId } };
}

/**
 * The recipient (or, one time in five, a delegate) completes an ACT operation at a desk after the
 * workflow ended and before the term date: the view refines the notification (scenario 07).
 */
export function viewAtDesk(t: Track, story: Story): number {
  const end = story.endMs as number;
  const latest = (story.termMs ?? end + 10 * DAY_MS) - HOUR_MS;
  let startedAt = workingDayTime(t.rng, end, t.rng.between(0, 5), 9, 19);
  if (startedAt >= latest) startedAt = after(t.rng, end, 10 * 60_000, Math.max(10 * 60_000, latest - end - 60_000));
  const elements = buildActCompletionElements({
    iun: t.iun,
    recipientIndex: t.recipientIndex,
    startedAt: formatInstant(startedAt),
    operationId: uuidFrom(t.rng),
    delegate: t.rng.chance(0.2) ? drawDelegate(t) : null,
    recipientViewedAt: null,
  });
  for (const e of elements) add(t, parseInstant(e.at), e.category, e.details);
  return startedAt;
}

/** The recipient opens the notification on SEND's site after the term date ("Visualizzata"). */
export function viewOnlineAfterTerm(t: Track, story: Story): number {
  const term = story.termMs as number;
  const minute = t.rng.between(8 * 60, 23 * 60 - 1);
  const at = romeDayAt(term, t.rng.between(1, 20), Math.floor(minute / 60), minute % 60, t.rng.int(60));
  const details = { raddType: null, raddTransactionId: null, delegateInfo: null };
  add(t, at, 'NOTIFICATION_VIEWED_CREATION_REQUEST', {});
  add(t, at, 'NOTIFICATION_VIEWED', details);
  return at;
}
