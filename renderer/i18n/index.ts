import { createI18n } from 'vue-i18n';

export type AppLocale = 'it' | 'en';
const KEY = 'radd-desk-locale';

// One message file per screen area and language: `messages/<area>.<locale>.json`, each holding
// its own top-level keys, so that areas never edit the same file.
const files = import.meta.glob<{ default: Record<string, unknown> }>('./messages/*.json', { eager: true });

function messagesFor(locale: AppLocale): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, mod] of Object.entries(files)) {
    if (path.endsWith(`.${locale}.json`)) Object.assign(out, mod.default);
  }
  return out;
}

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
