// The message files: Italian and English name the same keys with the same number of plural forms,
// every message compiles, and counts agree with their noun in both languages ("1 notifica
// trovata", "1 day overdue"), as vue-i18n picks the form from the count the screen passes.
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { messagesFor } from './messages.js';

type Tree = { [key: string]: string | Tree };
// The same files, merged the same way, as the app loads (i18n/messages.ts).
const load = (locale: 'it' | 'en') => messagesFor(locale) as Tree;

/** key path -> message */
function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else flatten(v, path, out);
  }
  return out;
}

const it_ = load('it');
const en = load('en');
const warnings: string[] = [];
const i18n = createI18n({
  legacy: false,
  locale: 'it',
  fallbackLocale: 'it',
  missingWarn: false,
  fallbackWarn: false,
  messages: { it: it_, en },
});
const { t } = i18n.global;
const origWarn = console.warn;

const plural = (msg: string) => msg.split(' | ').length;

describe('message files', () => {
  const a = flatten(it_);
  const b = flatten(en);

  it('Italian and English have the same keys, with the same number of plural forms', () => {
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differ = [...a].filter(([k, v]) => plural(v) !== plural(b.get(k) ?? '')).map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('every message compiles in both languages', () => {
    // vue-i18n reports a message that does not compile on the console (and renders its key).
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      for (const locale of ['it', 'en'] as const) {
        i18n.global.locale.value = locale;
        for (const key of a.keys()) {
          const out = t(key, {}, 2);
          expect(typeof out, key).toBe('string');
        }
      }
    } finally {
      console.warn = origWarn;
      i18n.global.locale.value = 'it';
    }
    expect(warnings.filter((w) => /compile|syntax|unexpected/i.test(w))).toEqual([]);
  });

  it('counts take the singular for one and the plural otherwise, in both languages', () => {
    const say = (locale: 'it' | 'en', key: string, named: Record<string, unknown>, n: number) => {
      i18n.global.locale.value = locale;
      return t(key, named, n);
    };
    expect(say('it', 'sender.list.total', { total: 1 }, 1)).toBe('1 notifica trovata');
    expect(say('it', 'sender.list.total', { total: 0 }, 0)).toBe('0 notifiche trovate');
    expect(say('it', 'sender.list.total', { total: 12 }, 12)).toBe('12 notifiche trovate');
    expect(say('en', 'sender.list.total', { total: 1 }, 1)).toBe('1 notification found');
    expect(say('en', 'postal.giacenza.overdue', { n: 1 }, 1)).toBe('1 day overdue');
    expect(say('en', 'postal.giacenza.overdue', { n: 3 }, 3)).toBe('3 days overdue');
    expect(say('it', 'desk.results.printCount', { n: 1, limit: 5 }, 1)).toBe('Già ritirata 1 volta allo sportello (massimo 5).');
    expect(say('en', 'desk.results.printCount', { n: 1, limit: 5 }, 1)).toBe('Already collected once at a desk (at most 5).');
    expect(say('it', 'postal.batch.confirm', { n: 1 }, 1)).toBe('Conferma e registra 1 esito (Alt+C)');
    const summary = (locale: 'it' | 'en', days: number, sent: number) => {
      const count = (k: string, n: number) => say(locale, `sender.dashboard.${k}Count`, { n }, n);
      return say(locale, 'sender.dashboard.dailySummary', { days, sent: count('sent', sent), delivered: count('delivered', 1), perfected: count('perfected', 0) }, days);
    };
    expect(summary('it', 30, 1)).toBe('Nei 30 giorni: 1 depositata, 1 consegna conclusa, 0 perfezionamenti');
    expect(summary('en', 1, 2)).toBe('In the day: 2 deposited, 1 delivery ended, 0 refinements');
    i18n.global.locale.value = 'it';
  });
});
