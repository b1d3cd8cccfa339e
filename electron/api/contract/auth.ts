// Sign-in, sign-out and "who am I" (issue #11). Open to a caller without a session: `auth.login`
// (audited by its handler, because a refused attempt must be counted towards the lockout and
// recorded even though the call fails) and the first-run setup (`auth.setupStatus`, and
// `auth.setupFirstAdmin`, which works only while no operator exists).
import { z } from 'zod';
import { ANONYMOUS, ROLES, op, t, type Role } from './op.js';
import { requestIdSchema } from './schemas.js';

/** A password chosen for an operator: long enough to resist guessing at the counter. */
export const newPasswordSchema = z.string().min(10).max(256);

/** A user name: lower-case letters, digits, dot, dash, underscore; 3 to 32 characters. */
export const usernameSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{2,31}$/);
export const displayNameSchema = z.string().trim().min(1).max(100);

export interface SetupStatusView {
  /** True while no operator exists: the sign-in screen offers to create the first administrator. */
  firstAdminNeeded: boolean;
}

export interface FirstAdminView {
  /** The administrator just created; they sign in next with the password they chose. */
  operator: SignedInOperator;
}

export interface SignedInOperator {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}

export interface SessionView {
  /**
   * The session id to send in the `x-radd-session` header (browser mode, one per tab). Absent over
   * IPC: the Electron main process keeps the session of each window and never shows it to the page.
   */
  sessionId?: string;
  operator: SignedInOperator;
  /** RADD point code of this desk at sign-in ('' until the administrator sets it). */
  deskId: string;
  expiresAt: string;
}

export interface WhoAmIView {
  /** False only while no operator exists yet (first start without bootstrap): every role is open. */
  authenticated: boolean;
  operator: SignedInOperator | null;
  roles: Role[];
  deskId: string | null;
  expiresAt: string | null;
}

const everyRole = [...ROLES];

export const authContract = {
  'auth.login': op({
    input: z.object({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
    output: t<SessionView>(),
    roles: [ANONYMOUS, ...everyRole],
    doc: 'Sign in with user name and password; opens a session for this window or tab',
    mutates: true,
    auditedBy: 'handler',
  }),
  'auth.setupStatus': op({
    input: z.object({}).strict(),
    output: t<SetupStatusView>(),
    roles: [ANONYMOUS, ...everyRole],
    doc: 'Whether this desk still needs its first administrator (first start, before any operator exists)',
  }),
  'auth.setupFirstAdmin': op({
    input: z.object({
      username: usernameSchema,
      displayName: displayNameSchema,
      password: newPasswordSchema,
      passwordConfirm: z.string().max(256),
      requestId: requestIdSchema.optional(),
    }).strict().refine((v) => v.password === v.passwordConfirm, {
      path: ['passwordConfirm'],
      message: 'AUTH_PASSWORDS_DIFFER',
      params: { code: 'AUTH_PASSWORDS_DIFFER' },
    }),
    output: t<FirstAdminView>(),
    roles: [ANONYMOUS],
    doc: 'First start: create the desk\'s administrator (refused once any operator exists); idempotent on the requestId chosen by the screen (the password is never kept: a repeat must carry the same one)',
    mutates: true,
    // One transaction with the check "no operator yet" and its audit entry; a refusal is recorded too.
    auditedBy: 'handler',
  }),
  'auth.logout': op({
    input: z.object({}).strict(),
    output: t<{ signedOut: true }>(),
    roles: everyRole,
    doc: 'Sign out: ends the session of this window or tab',
    mutates: true,
  }),
  'auth.whoami': op({
    input: z.object({}).strict(),
    output: t<WhoAmIView>(),
    roles: everyRole,
    doc: 'The signed-in operator, their roles and desk (the menu shows only what they may use)',
  }),
  'auth.changePassword': op({
    input: z.object({ currentPassword: z.string().min(1).max(256), newPassword: newPasswordSchema }).strict(),
    output: t<{ changed: true }>(),
    roles: everyRole,
    doc: 'Change one\'s own password (the current one is asked again); other sessions end',
    mutates: true,
  }),
};
