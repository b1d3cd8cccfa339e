import { createApp, watch } from 'vue';
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import ToastService from 'primevue/toastservice';
import ConfirmationService from 'primevue/confirmationservice';
import 'primeicons/primeicons.css';
import './styles/shared.css';
import App from './App.vue';
import { router } from './router.js';
import { i18n, initialLocale } from './i18n/index.js';
import { setApiLocale, whenUnauthorized } from './api/client.js';
import { useSessionStore } from './stores/session.js';
import { RaddPreset } from './theme.js';
import { primeVueLocale } from './i18n/primevue-locale.js';
import { setAppToasts } from './composables/use-api-error.js';

const locale = initialLocale();
document.documentElement.lang = locale;
setApiLocale(locale);

const pinia = createPinia();
const app = createApp(App)
  .use(pinia)
  .use(router)
  .use(i18n)
  .use(PrimeVue, { theme: { preset: RaddPreset, options: { darkModeSelector: false } }, locale: primeVueLocale(locale) })
  .use(ToastService)
  .use(ConfirmationService);
// The toasts of API errors raised outside a component's setup (opening a desk PDF: views/desk/files.ts).
setAppToasts(app.config.globalProperties.$toast);

// A session that ends (sign-out elsewhere, expiry, host restart) sends the operator back to the
// sign-in, which says why, and the tab forgets every view of personal data it held.
whenUnauthorized((refused) => {
  useSessionStore(pinia).end(refused);
  if (router.currentRoute.value.path !== '/login') void router.push({ path: '/login', query: { next: router.currentRoute.value.fullPath } });
});

// PrimeVue's own labels (dialog close, paginator pages...) follow the language switch.
watch(i18n.global.locale, (l) => { app.config.globalProperties.$primevue.config.locale = primeVueLocale(l); });

app.mount('#app');
