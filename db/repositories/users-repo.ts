// Local users and their roles (STYLE.md 2: clerk | postal | sender | admin).
import type { IsoInstant } from '../../core/index.js';
import { fromJson, toBool, toJson } from '../mappers/json.js';
import type { Db } from './sql.js';

export type UserRole = 'clerk' | 'postal' | 'sender' | 'admin';

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: UserRole[];
  /** For sender users: the sender (ente) whose notifications they see. */
  senderTaxId?: string;
  passwordHash?: string;
  active: boolean;
  createdAt: IsoInstant;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: string;
  sender_tax_id: string | null;
  password_hash: string | null;
  active: boolean | number;
  created_at: string;
}

function rowToUser(r: UserRow): User {
  const u: User = {
    id: r.id, username: r.username, displayName: r.display_name, roles: fromJson<UserRole[]>(r.roles) ?? [],
    active: toBool(r.active), createdAt: r.created_at,
  };
  if (r.sender_tax_id !== null) u.senderTaxId = r.sender_tax_id;
  if (r.password_hash !== null) u.passwordHash = r.password_hash;
  return u;
}

export class UsersRepo {
  constructor(private readonly db: Db) {}

  /** Creates or replaces a user (keyed by id). */
  async save(u: User): Promise<void> {
    const row: UserRow = {
      id: u.id, username: u.username, display_name: u.displayName, roles: toJson(u.roles),
      sender_tax_id: u.senderTaxId ?? null, password_hash: u.passwordHash ?? null, active: u.active, created_at: u.createdAt,
    };
    await this.db('users').insert(row).onConflict('id').merge();
  }

  async get(id: string): Promise<User | undefined> {
    const row = await this.db<UserRow>('users').where('id', id).first();
    return row ? rowToUser(row) : undefined;
  }

  async getByUsername(username: string): Promise<User | undefined> {
    const row = await this.db<UserRow>('users').where('username', username).first();
    return row ? rowToUser(row) : undefined;
  }

  async list(): Promise<User[]> {
    return (await this.db<UserRow>('users').orderBy('username')).map(rowToUser);
  }
}
