// Every operation the audit log can name has a label in both languages (admin.audit.operations):
// each operation of the API table, and the host's own tasks that write entries (the first
// administrator made at install, the daily purge of expired scans).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { contract } from '../../electron/api/contract/index.js';
import { PURGE_OPERATION } from '../../electron/desk/scan-retention.js';
import { auditOperationCodes, auditOperationKey, auditOperationLabel } from '../../renderer/views/admin/audit-operation.js';

const HOST_TASKS = ['auth.bootstrap', PURGE_OPERATION];
const operations = [...Object.keys(contract), ...HOST_TASKS];

type Tree = { [key: string]: string | Tree };
const dir = resolve(import.meta.dirname, '..', '..', 'renderer', 'i18n', 'messages');

/** Every area's messages of `locale`, merged as renderer/i18n/messages.ts does. */
function messagesFor(locale: 'it' | 'en'): Tree {
  const out: Tree = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith(`.${locale}.json`))) Object.assign(out, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Tree);
  return out;
}

function i18nOf(locale: 'it' | 'en') {
  const i18n = createI18n({ legacy: false, locale, missingWarn: false, fallbackWarn: false, messages: { [locale]: messagesFor(locale) } as Record<string, Tree> });
  return i18n.global;
}

describe('audit log operation labels', () => {
  it.each(['it', 'en'] as const)('names every operation of the API table and of the host in words (%s)', (locale) => {
    const g = i18nOf(locale);
    const missing = operations.filter((op) => {
      const key = auditOperationKey(op);
      return !key || !g.te(key) || !/\S/.test(g.t(key)) || g.t(key) === op;
    });
    expect(missing).toEqual([]);
  });

  it('reads an operation in the language asked, an unknown one as its code', () => {
    const it_ = i18nOf('it');
    const en = i18nOf('en');
    expect(auditOperationLabel('desk.startTransaction', (k) => it_.te(k), (k) => it_.t(k))).toBe('Avvio operazione di ritiro');
    expect(auditOperationLabel('desk.startTransaction', (k) => en.te(k), (k) => en.t(k))).toBe('Pickup operation started');
    expect(auditOperationLabel('auth.login', (k) => en.te(k), (k) => en.t(k))).toBe('Sign-in');
    expect(auditOperationLabel('desk.somethingNew', (k) => en.te(k), (k) => en.t(k))).toBe('desk.somethingNew');
    expect(auditOperationLabel('odd name', (k) => en.te(k), (k) => en.t(k))).toBe('odd name');
  });

  it('gives Italian and English labels to the same operations', () => {
    const tree = (l: 'it' | 'en') => (messagesFor(l) as unknown as { admin: { audit: { operations: Record<string, Record<string, string>> } } }).admin.audit.operations;
    const names = (l: 'it' | 'en') => Object.entries(tree(l)).flatMap(([a, ops]) => Object.keys(ops).map((o) => `${a}.${o}`)).sort();
    expect(names('en')).toEqual(names('it'));
    expect(names('it')).toEqual([...operations].sort());
  });

  it('offers every labelled operation, and only those, as a choice of the log\'s filter', () => {
    expect(auditOperationCodes(messagesFor('it') as Record<string, unknown>).sort()).toEqual([...operations].sort());
    expect(auditOperationCodes({})).toEqual([]);
  });
});
