// The demo dataset: the worked examples of DOMAIN.md (copied from tests/scenarios so that the app
// does not depend on test fixtures). Realistic and valid; dates are not moved to "recent".
import type { Notification, TimelineElementInput } from '../../core/index.js';
import s01 from './demo/01-pec-first-attempt.json' with { type: 'json' };
import s02 from './demo/02-pec-fail-then-second-cycle.json' with { type: 'json' };
import s03 from './demo/03-digital-failure-registered-letter.json' with { type: 'json' };
import s04 from './demo/04-analog-890-delivered.json' with { type: 'json' };
import s05 from './demo/05-analog-giacenza-collected.json' with { type: 'json' };
import s06 from './demo/06-analog-unreachable.json' with { type: 'json' };
import s07 from './demo/07-viewed-at-radd-before-refinement.json' with { type: 'json' };
import s08 from './demo/08-multi-recipient-mixed.json' with { type: 'json' };
import s09 from './demo/09-refused-at-validation.json' with { type: 'json' };

export interface DemoScenario {
  name: string;
  notification: Notification;
  events: TimelineElementInput[];
}

export const demoScenarios: readonly DemoScenario[] = [s01, s02, s03, s04, s05, s06, s07, s08, s09].map((s) => ({
  name: s.name,
  notification: s.notification as Notification,
  events: s.events as TimelineElementInput[],
}));
