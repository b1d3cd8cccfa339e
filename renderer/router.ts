import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from '../electron/api/contract/index.js';
import { useSessionStore } from './stores/session.js';
import { homeOf } from './layout/home.js';

// Each screen area declares its routes in `views/<area>/routes.ts` (lazily imported views).
const areas = import.meta.glob<{ routes: RouteRecordRaw[] }>('./views/*/routes.ts', { eager: true });

// Hash history: works the same under app://radd-desk/ (Electron) and http://127.0.0.1 (browser).
export const router = createRouter({
  history: createWebHashHistory(),
  // `/` is the home of the operator's main role (home.ts); the guard below picks it.
  routes: [{ path: '/', component: { render: () => null } }, ...Object.values(areas).flatMap((m) => m.routes)],
});

// Every screen but the sign-in needs a session; a route may also name the roles it is for.
router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  const session = useSessionStore();
  if (!session.loaded) await session.refresh();
  if (!session.signedIn) return { path: '/login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
  if (to.path === '/') return homeOf(session.roles);
  const roles = to.meta.roles as readonly Role[] | undefined;
  if (!session.can(roles)) return homeOf(session.roles);
  return true;
});
