import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { InputOf, Role, SignedInOperator } from '../../electron/api/contract/index.js';
import { call, hasRememberedSession, isTokenRefused, rememberSession } from '../api/client.js';
import { requestIds } from '../api/request-id.js';

/**
 * Why the sign-in is shown although the tab was in use: the session ended (expiry, sign-out
 * elsewhere, host restart: sessions live in the host's memory), or the host refused the page's
 * token (browser mode: the page was not opened from the address the host printed).
 */
export type SessionEnd = 'expired' | 'token';

/** The signed-in operator and their roles: the menu and the routes show only what they may use. */
export const useSessionStore = defineStore('session', () => {
  const operator = ref<SignedInOperator | null>(null);
  const roles = ref<Role[]>([]);
  const deskId = ref<string | null>(null);
  /** False only while no operator exists yet (first start): every role is open. */
  const enforced = ref(true);
  const loaded = ref(false);
  /** First start: no operator exists yet, the sign-in screen creates the administrator. */
  const firstAdminNeeded = ref(false);
  const ended = ref<SessionEnd | null>(null);

  const signedIn = computed(() => roles.value.length > 0);

  async function refresh(): Promise<boolean> {
    try {
      const me = await call('auth.whoami', {});
      operator.value = me.operator;
      roles.value = me.roles;
      deskId.value = me.deskId;
      enforced.value = me.authenticated || me.operator !== null;
    } catch {
      operator.value = null;
      roles.value = [];
    }
    loaded.value = true;
    return signedIn.value;
  }

  async function login(username: string, password: string): Promise<void> {
    const session = await call('auth.login', { username, password });
    rememberSession(session.sessionId);
    ended.value = null;
    operator.value = session.operator;
    roles.value = session.operator.roles;
    deskId.value = session.deskId;
    loaded.value = true;
  }

  async function checkFirstRun(): Promise<boolean> {
    try {
      firstAdminNeeded.value = (await call('auth.setupStatus', {})).firstAdminNeeded;
    } catch (e) {
      firstAdminNeeded.value = false;
      if (isTokenRefused(e)) ended.value = 'token';
    }
    return firstAdminNeeded.value;
  }

  /**
   * Creates the first administrator; they sign in next with the password they chose. The view
   * clears `firstAdminNeeded` itself once it has taken the result (clearing it here would unmount
   * the setup form before it could report back). Sent again with the same form after its answer was
   * lost, it carries the same requestId and gets the first answer instead of "already done, sign in"
   * (api/request-id.ts); the id is renewed once answered or when the form changes.
   */
  const setupIds = requestIds();
  async function setupFirstAdmin(input: Omit<InputOf<'auth.setupFirstAdmin'>, 'requestId'>): Promise<SignedInOperator> {
    const created = await call('auth.setupFirstAdmin', { ...input, requestId: setupIds.idFor(input) });
    setupIds.answered();
    return created.operator;
  }

  async function logout(): Promise<void> {
    try {
      await call('auth.logout', {});
    } finally {
      forget();
    }
  }

  /**
   * The host answered UNAUTHORIZED: remembers why (for the sign-in screen) and forgets the
   * operator. A tab that never signed in is just shown the sign-in, without a reason.
   */
  function end(refused: 'session' | 'token'): void {
    if (refused === 'token') ended.value = 'token';
    else if (signedIn.value || hasRememberedSession()) ended.value = 'expired';
    forget();
  }

  /** Drops everything the tab knew about the operator (and, with it, any personal data views). */
  function forget(): void {
    rememberSession(undefined);
    operator.value = null;
    roles.value = [];
    loaded.value = false;
  }

  function can(allowed: readonly Role[] | undefined): boolean {
    return !allowed || allowed.some((r) => roles.value.includes(r));
  }

  return { operator, roles, deskId, enforced, loaded, signedIn, firstAdminNeeded, ended, refresh, login, checkFirstRun, setupFirstAdmin, logout, end, forget, can };
});

/**
 * Runs `forget` whenever the operator signs out or the session ends, so that the next operator at a
 * shared counter finds nothing of the citizens the one before worked on. Call it in a store's setup.
 */
export function onSignOut(forget: () => void): void {
  watch(
    () => useSessionStore().signedIn,
    (signedIn) => {
      if (!signedIn) forget();
    },
  );
}
