import type { RouteRecordRaw } from 'vue-router';
import type { MenuItem } from '../../layout/menu.js';

const admin = ['admin'] as const;

export const routes: RouteRecordRaw[] = [
  { path: '/admin/operators', component: () => import('./OperatorsView.vue'), meta: { title: 'admin.operators.title', roles: admin } },
  { path: '/admin/desk', component: () => import('./DeskSettingsView.vue'), meta: { title: 'admin.desk.title', roles: admin } },
  { path: '/admin/audit', component: () => import('./AuditView.vue'), meta: { title: 'admin.audit.title', roles: admin } },
];

export const menu: MenuItem[] = [
  { to: '/admin/operators', label: 'admin.menu.operators', icon: 'pi pi-users', order: 100, roles: admin },
  { to: '/admin/desk', label: 'admin.menu.desk', icon: 'pi pi-building', order: 110, roles: admin },
  { to: '/admin/audit', label: 'admin.menu.audit', icon: 'pi pi-shield', order: 120, roles: admin },
];
