import type { RouteRecordRaw } from 'vue-router';
import type { MenuItem } from '../../layout/menu.js';

export const routes: RouteRecordRaw[] = [
  { path: '/lookup', component: () => import('./LookupView.vue'), meta: { title: 'menu.lookup' } },
];

export const menu: MenuItem[] = [{ to: '/lookup', label: 'menu.lookup', icon: 'pi pi-search', order: 90 }];
