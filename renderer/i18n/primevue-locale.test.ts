import { describe, expect, it } from 'vitest';
import { defaultOptions } from 'primevue/config';
import { primeVueLocale } from './primevue-locale.js';

function keysOf(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("PrimeVue's own texts follow the app's language", () => {
  it('the Italian set has every key of PrimeVue 4.5, none left in English', () => {
    const en = defaultOptions.locale as unknown as Record<string, unknown>;
    const itLocale = primeVueLocale('it') as unknown as Record<string, unknown>;
    expect(keysOf(itLocale).sort()).toEqual(keysOf(en).sort());
    const leftInEnglish = keysOf(en).filter((k) => {
      const get = (o: Record<string, unknown>) => k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o);
      const e = get(en);
      return typeof e === 'string' && /[a-z]{3}/i.test(e) && e === get(itLocale) && !['{slideNumber}', 'am', 'pm'].includes(e);
    });
    expect(leftInEnglish).toEqual([]);
    expect(itLocale.dateFormat).toBe('dd/mm/yy');
  });

  it("English is PrimeVue's default with British dates, and each call gives a copy (switching languages cannot corrupt the sets)", () => {
    expect(primeVueLocale('en')).toEqual({ ...defaultOptions.locale, dateFormat: 'dd/mm/yy', firstDayOfWeek: 1 });
    const a = primeVueLocale('it');
    a.aria!.close = 'x';
    expect(primeVueLocale('it').aria!.close).toBe('Chiudi');
  });
});
