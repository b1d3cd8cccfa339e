// Settings (one JSON value per key) and sync cursors (one opaque cursor per adapter stream).
import type { IsoInstant } from '../../core/index.js';
import { fromJson, toJson } from '../mappers/json.js';
import type { Db } from './sql.js';

export class SettingsRepo {
  constructor(private readonly db: Db) {}

  async get<T>(key: string): Promise<T | undefined> {
    const row = await this.db('settings').where('key', key).first<{ value: string } | undefined>('value');
    return row ? fromJson<T>(row.value) : undefined;
  }

  async set(key: string, value: unknown, at: IsoInstant): Promise<void> {
    await this.db('settings').insert({ key, value: toJson(value), updated_at: at }).onConflict('key').merge(['value', 'updated_at']);
  }

  /** Every setting a person may see; keys starting with `_` are the host's own state (audit head, lockouts). */
  async all(): Promise<Record<string, unknown>> {
    const rows = await this.db('settings').select<{ key: string; value: string }[]>('key', 'value').orderBy('key');
    return Object.fromEntries(rows.filter((r) => !r.key.startsWith('_')).map((r) => [r.key, fromJson(r.value)]));
  }
}

export class SyncCursorsRepo {
  constructor(private readonly db: Db) {}

  async get(stream: string): Promise<string | undefined> {
    const row = await this.db('sync_cursors').where('stream', stream).first<{ cursor: string } | undefined>('cursor');
    return row?.cursor;
  }

  /** Stores the cursor; call it in the transaction that stored what was read up to it. */
  async set(stream: string, cursor: string, at: IsoInstant): Promise<void> {
    await this.db('sync_cursors').insert({ stream, cursor, updated_at: at }).onConflict('stream').merge(['cursor', 'updated_at']);
  }
}
