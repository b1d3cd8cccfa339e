import { z } from 'zod';
import { op, t } from './op.js';
import type { HostInfo } from './views.js';

export const systemContract = {
  'system.info': op({
    input: z.object({}).strict(),
    output: t<HostInfo>(),
    roles: ['clerk', 'postal', 'sender', 'admin'],
    doc: 'Name, version, transport, adapter and database of the running host',
  }),
};
