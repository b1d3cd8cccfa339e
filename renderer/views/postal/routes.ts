import type { RouteRecordRaw } from 'vue-router';
import type { MenuItem } from '../../layout/menu.js';

const postal = ['postal'] as const;

// The postal desk (DOMAIN.md 7.3, 7.4): one item, a batch, a CSV import, the giacenza register.
export const routes: RouteRecordRaw[] = [
  { path: '/postal', component: () => import('./PostalItemView.vue'), meta: { title: 'postal.item.title', roles: postal } },
  { path: '/postal/batch', component: () => import('./PostalBatchView.vue'), meta: { title: 'postal.batch.title', roles: postal } },
  { path: '/postal/import', component: () => import('./PostalImportView.vue'), meta: { title: 'postal.import.title', roles: postal } },
  { path: '/postal/giacenza', component: () => import('./PostalGiacenzaView.vue'), meta: { title: 'postal.giacenza.title', roles: postal } },
];

export const menu: MenuItem[] = [
  { to: '/postal', label: 'postal.menu.item', icon: 'pi pi-envelope', order: 40, roles: postal },
  { to: '/postal/batch', label: 'postal.menu.batch', icon: 'pi pi-list-check', order: 42, roles: postal },
  { to: '/postal/import', label: 'postal.menu.import', icon: 'pi pi-upload', order: 44, roles: postal },
  { to: '/postal/giacenza', label: 'postal.menu.giacenza', icon: 'pi pi-inbox', order: 46, roles: postal },
];
