// The desk's identity (RADD point code, name, address) and the data-retention setting, kept in
// the settings table. The identity is the desk's, not a person's: it may appear in documents,
// while audit entries still name it by code only.
import type { StoreScope } from '../../db/store.js';
import type { AppSettingsView, DeskIdentity } from '../api/contract/admin.js';
import type { PrintSettingsView } from '../api/contract/printing.js';

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

/**
 * The desk of the demo store (set with the demo dataset, changed in "Sportello e conservazione"):
 * receipts and attestations then name a desk as a real one would. The code is not a real RADD
 * point's.
 */
export const DEMO_DESK_IDENTITY: DeskIdentity = {
  raddPointCode: 'DEMO-MI-001',
  name: 'Punto RADD dimostrativo — Milano Centrale',
  address: { street: 'Piazza Duca d\'Aosta 1', zip: '20124', city: 'Milano', province: 'MI' },
};

/** The desk id stamped on sessions and audit entries: the RADD point code, '' until set. */
export async function currentDeskId(tx: Scope): Promise<string> {
  return (await getDeskIdentity(tx))?.raddPointCode ?? '';
}

export async function getAppSettings(tx: Scope): Promise<Omit<AppSettingsView, 'printLimit'>> {
  const days = await tx.settings.get<number | null>(SCAN_RETENTION_KEY);
  return { scanRetentionDays: typeof days === 'number' ? days : null };
}

export async function setScanRetentionDays(tx: Scope, days: number | null, now: Date): Promise<Omit<AppSettingsView, 'printLimit'>> {
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

export const PRINT_SETTINGS_KEY = 'printing.defaults';

/** The desk's printing defaults (issue #6 item 5): the system's default printer, with its dialog, until set. */
export async function getPrintSettings(tx: Scope): Promise<PrintSettingsView> {
  const s = await tx.settings.get<Partial<PrintSettingsView>>(PRINT_SETTINGS_KEY);
  return { printerName: typeof s?.printerName === 'string' && s.printerName !== '' ? s.printerName : null, silent: s?.silent === true };
}

export async function setPrintSettings(tx: Scope, settings: PrintSettingsView, now: Date): Promise<PrintSettingsView> {
  await tx.settings.set(PRINT_SETTINGS_KEY, settings, now.toISOString());
  return settings;
}
