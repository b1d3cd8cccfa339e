import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';

// Each screen area declares its routes in `views/<area>/routes.ts` (lazily imported views).
const areas = import.meta.glob<{ routes: RouteRecordRaw[] }>('./views/*/routes.ts', { eager: true });

// Hash history: works the same under app://radd-desk/ (Electron) and http://127.0.0.1 (browser).
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [{ path: '/', redirect: '/lookup' }, ...Object.values(areas).flatMap((m) => m.routes)],
});
