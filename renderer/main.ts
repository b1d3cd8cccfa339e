import { createApp } from 'vue';
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import ToastService from 'primevue/toastservice';
import ConfirmationService from 'primevue/confirmationservice';
import 'primeicons/primeicons.css';
import App from './App.vue';
import { router } from './router.js';
import { i18n, initialLocale } from './i18n/index.js';
import { setApiLocale } from './api/client.js';
import { RaddPreset } from './theme.js';

const locale = initialLocale();
document.documentElement.lang = locale;
setApiLocale(locale);

createApp(App)
  .use(createPinia())
  .use(router)
  .use(i18n)
  .use(PrimeVue, { theme: { preset: RaddPreset, options: { darkModeSelector: false } } })
  .use(ToastService)
  .use(ConfirmationService)
  .mount('#app');
