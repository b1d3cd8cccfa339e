import type { RouteRecordRaw } from 'vue-router';
import type { MenuItem } from '../../layout/menu.js';

// The sender office (issue: monitoring): reading for the sender and the administrator, a new
// notification for the sender only (the host checks the same roles).
const readers = ['sender', 'admin'] as const;
const writers = ['sender'] as const;

export const routes: RouteRecordRaw[] = [
  { path: '/sender', redirect: '/sender/dashboard' },
  { path: '/sender/dashboard', component: () => import('./SenderDashboardView.vue'), meta: { title: 'sender.menu.dashboard', roles: readers } },
  { path: '/sender/notifications', component: () => import('./SenderListView.vue'), meta: { title: 'sender.menu.list', roles: readers } },
  { path: '/sender/notifications/:iun', component: () => import('./SenderDetailView.vue'), meta: { title: 'sender.detail.title', roles: readers } },
  { path: '/sender/new', component: () => import('./SenderNewView.vue'), meta: { title: 'sender.menu.new', roles: writers } },
];

export const menu: MenuItem[] = [
  { to: '/sender/dashboard', label: 'sender.menu.dashboard', icon: 'pi pi-chart-line', order: 60, roles: readers },
  { to: '/sender/notifications', label: 'sender.menu.list', icon: 'pi pi-list', order: 70, roles: readers },
  { to: '/sender/new', label: 'sender.menu.new', icon: 'pi pi-send', order: 80, roles: writers },
];
