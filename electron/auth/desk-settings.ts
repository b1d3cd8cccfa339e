// The desk's identity (RADD point code, name, address) and the data-retention setting, kept in
// the settings table. The identity is the desk's, not a person's: it may appear in documents,
// while audit entries still name it by code only.
import type { StoreScope } from '../../db/store.js';
import type { AppSettingsView, DeskIdentity } from '../api/contract/admin.js';

type Scope = Pick<StoreScope, 'settings'>;

export const DESK_IDENTITY_KEY = 'desk.identity';
export const SCAN_RETENTION_KEY = 'retention.scanDays';

export async function getDeskIdentity(tx: Scope): Promise<DeskIdentity | null> {
  return (await tx.settings.get<DeskIdentity>(DESK_IDENTITY_KEY)) ?? null;
}

export async function setDeskIdentity(tx: Scope, identity: DeskIdentity, now: Date): Promise<DeskIdentity> {
  await tx.settings.set(DESK_IDENTITY_KEY, identity, now.toISOString());
  return identity;
}

/** The desk id stamped on sessions and audit entries: the RADD point code, '' until set. */
export async function currentDeskId(tx: Scope): Promise<string> {
  return (await getDeskIdentity(tx))?.raddPointCode ?? '';
}

export async function getAppSettings(tx: Scope): Promise<AppSettingsView> {
  const days = await tx.settings.get<number | null>(SCAN_RETENTION_KEY);
  return { scanRetentionDays: typeof days === 'number' ? days : null };
}

export async function setScanRetentionDays(tx: Scope, days: number | null, now: Date): Promise<AppSettingsView> {
  await tx.settings.set(SCAN_RETENTION_KEY, days, now.toISOString());
  return { scanRetentionDays: days };
}

/**
 * Scans of desk transactions closed before this instant may be purged (audit entries stay);
 * undefined when scans are kept. The purge itself belongs to whoever stores the scans.
 */
export function scanPurgeCutoff(days: number | null, now: Date): Date | undefined {
  return days === null ? undefined : new Date(now.getTime() - days * 86_400_000);
}
