// One message file per screen area and language: `messages/<area>.<locale>.json`, each holding
// its own top-level keys, so that areas never edit the same file.
export type AppLocale = 'it' | 'en';

const files = import.meta.glob<{ default: Record<string, unknown> }>('./messages/*.json', { eager: true });

/** Every area's messages of `locale`, merged. */
export function messagesFor(locale: AppLocale): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, mod] of Object.entries(files)) {
    if (path.endsWith(`.${locale}.json`)) Object.assign(out, mod.default);
  }
  return out;
}
