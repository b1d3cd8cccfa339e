import { createI18n } from 'vue-i18n';
import { messagesFor, type AppLocale } from './messages.js';

export type { AppLocale } from './messages.js';

const KEY = 'radd-desk-locale';

export function initialLocale(): AppLocale {
  return window.localStorage.getItem(KEY) === 'en' ? 'en' : 'it';
}

export function rememberLocale(locale: AppLocale): void {
  window.localStorage.setItem(KEY, locale);
  document.documentElement.lang = locale;
}

type Messages = Record<string, unknown>;

export const i18n = createI18n<[Messages], AppLocale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'it',
  messages: { it: messagesFor('it'), en: messagesFor('en') },
});
