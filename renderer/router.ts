import { createRouter, createWebHashHistory } from 'vue-router';

// Hash history: works the same under app://radd-desk/ (Electron) and http://127.0.0.1 (browser).
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/lookup' },
    { path: '/lookup', component: () => import('./views/desk/LookupView.vue'), meta: { title: 'menu.lookup' } },
  ],
});
