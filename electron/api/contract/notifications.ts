import { z } from 'zod';
import { op, t } from './op.js';
import { iunSchema } from './schemas.js';
import type { NotificationView } from './views.js';

export const notificationsContract = {
  'notifications.getByIun': op({
    input: z.object({ iun: iunSchema }),
    output: t<NotificationView>(),
    roles: ['clerk', 'sender', 'postal', 'admin'],
    doc: 'Find one notification by IUN, with its status label and recipients',
  }),
};
