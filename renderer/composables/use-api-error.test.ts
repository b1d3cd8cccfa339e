// A toast still up when the clerk switches IT↔EN reads its title in the language of now, as its
// error text does (api/host-text.ts): the title is kept as a function, worded in the toast's render.
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { messagesFor } from '../i18n/messages.js';
import { ApiCallError, setApiLocale } from '../api/client.js';
import { setAppToasts, showApiError, textToast } from './use-api-error.js';

const i18n = createI18n<[Record<string, unknown>], 'it' | 'en', false>({ legacy: false, locale: 'it', fallbackLocale: 'it', messages: { it: messagesFor('it'), en: messagesFor('en') } });
const t = (key: string) => i18n.global.t(key);
/** What the language switch does (layout/AppTopbar.vue): the UI's locale and the host's. */
function switchTo(locale: 'it' | 'en'): void {
  i18n.global.locale.value = locale;
  setApiLocale(locale);
}

afterEach(() => switchTo('it'));

describe('toasts follow the language switch', () => {
  it('an error toast: its title and its message', () => {
    const added: { summary?: unknown; detail?: unknown }[] = [];
    setAppToasts({ add: (m: { summary?: unknown }) => added.push(m) } as never);
    showApiError(new ApiCallError({ code: 'SYNC_PEER_GARBAGE', message: 'Risposta illeggibile dal servizio SEND: nessun dato è stato modificato', params: { peer: 'SEND' } }), () => t('printing.saveFailed'));
    const it_ = added[0]?.summary;
    expect(it_).toBe(t('printing.saveFailed'));
    switchTo('en');
    expect(added[0]?.summary).not.toBe(it_);
    expect(added[0]?.summary).toBe(t('printing.saveFailed'));
    expect(added[0]?.detail).toBe('Unreadable answer from service SEND: no data was changed');
  });

  it('a success toast ("Salvato")', () => {
    const toast = textToast('success', () => t('admin.desk.saved'), 3000);
    expect(toast.summary).toBe('Salvato');
    switchTo('en');
    expect(toast.summary).toBe('Saved');
    expect(toast).toMatchObject({ severity: 'success', life: 3000 });
  });
});
