import type { RouteRecordRaw } from 'vue-router';
import type { MenuItem } from '../../layout/menu.js';

export const routes: RouteRecordRaw[] = [
  { path: '/sync', component: () => import('./SyncView.vue'), meta: { title: 'sync.title' } },
];

export const menu: MenuItem[] = [{ to: '/sync', label: 'sync.menu', icon: 'pi pi-sync', order: 95 }];
