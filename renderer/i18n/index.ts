import { createI18n } from 'vue-i18n';
import it from './it.json';
import en from './en.json';

export type AppLocale = 'it' | 'en';
const KEY = 'radd-desk-locale';

export function initialLocale(): AppLocale {
  return window.localStorage.getItem(KEY) === 'en' ? 'en' : 'it';
}

export function rememberLocale(locale: AppLocale): void {
  window.localStorage.setItem(KEY, locale);
  document.documentElement.lang = locale;
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'it',
  messages: { it, en },
});
