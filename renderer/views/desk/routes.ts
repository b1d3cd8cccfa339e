import type { RouteRecordRaw } from 'vue-router';
import type { MenuItem } from '../../layout/menu.js';

const clerk = ['clerk'] as const;
const clerkOrAdmin = ['clerk', 'admin'] as const;

export const routes: RouteRecordRaw[] = [
  { path: '/lookup', component: () => import('./LookupView.vue'), meta: { title: 'menu.lookup' } },
  // The RADD counter (DOMAIN.md 10): scan -> identify -> results -> operation.
  { path: '/desk', component: () => import('./DeskStartView.vue'), meta: { title: 'desk.menu.counter', roles: clerk } },
  { path: '/desk/identify', component: () => import('./DeskIdentifyView.vue'), meta: { title: 'desk.identify.title', roles: clerk } },
  { path: '/desk/results', component: () => import('./DeskResultsView.vue'), meta: { title: 'desk.results.title', roles: clerk } },
  { path: '/desk/operation/:operationId', component: () => import('./DeskOperationView.vue'), meta: { title: 'desk.operation.title', roles: clerkOrAdmin } },
  { path: '/desk/history', component: () => import('./DeskHistoryView.vue'), meta: { title: 'desk.menu.history', roles: clerkOrAdmin } },
  { path: '/desk/summary', component: () => import('./DeskSummaryView.vue'), meta: { title: 'desk.menu.summary', roles: clerkOrAdmin } },
  { path: '/desk/mandates', component: () => import('./MandatesView.vue'), meta: { title: 'desk.mandates.menu', roles: clerkOrAdmin } },
];

export const menu: MenuItem[] = [
  { to: '/desk', label: 'desk.menu.counter', icon: 'pi pi-qrcode', order: 10, roles: clerk },
  { to: '/desk/history', label: 'desk.menu.history', icon: 'pi pi-folder-open', order: 20, roles: clerkOrAdmin },
  { to: '/desk/summary', label: 'desk.menu.summary', icon: 'pi pi-chart-bar', order: 30, roles: clerkOrAdmin },
  { to: '/desk/mandates', label: 'desk.mandates.menu', icon: 'pi pi-id-card', order: 35, roles: clerkOrAdmin },
  { to: '/lookup', label: 'menu.lookup', icon: 'pi pi-search', order: 90 },
];
