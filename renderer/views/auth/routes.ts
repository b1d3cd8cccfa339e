import type { RouteRecordRaw } from 'vue-router';
import type { MenuItem } from '../../layout/menu.js';

export const routes: RouteRecordRaw[] = [
  { path: '/login', component: () => import('./LoginView.vue'), meta: { title: 'auth.title', public: true } },
];

export const menu: MenuItem[] = [];
