// Where an operator lands after signing in (and on `/`): the first screen of their main role.
// A supervisor who is also an administrator keeps the neutral notification lookup; otherwise the
// counter comes first, then postal outcomes, then the sender office.
import type { Role } from '../../electron/api/contract/index.js';

const HOMES: readonly [Role, string][] = [
  ['admin', '/lookup'],
  ['clerk', '/desk'],
  ['postal', '/postal'],
  ['sender', '/sender/dashboard'],
];

export function homeOf(roles: readonly Role[]): string {
  return HOMES.find(([role]) => roles.includes(role))?.[1] ?? '/lookup';
}
