// Who serves at which desk, and the desk settings the counter flow reads (DOMAIN.md 10.1).
import { DEFAULT_PRINT_LIMIT, formatInstant, type IsoInstant } from '../../core/index.js';
import type { StoreScope } from '../../db/store.js';
import type { Caller } from '../api/dispatch.js';
import type { DeskNameView } from '../api/contract/desk-views.js';
import type { HostContext } from '../api/host-context.js';
import { getDeskIdentity } from '../auth/desk-settings.js';
import type { DeskView } from '../documents/index.js';

/** Settings keys of the desk (settings table). */
export const PRINT_LIMIT_KEY = 'desk.printLimit';
export const KEEP_SCANS_EXTERNALLY_KEY = 'desk.keepScansExternally';
export const SCANNER_FOLDER_KEY = 'desk.scannerFolder';

/** A desk with no RADD point code set yet: one desk per installation. */
export const LOCAL_DESK_ID = 'LOCALE';
/** Operator id while sign-in is not enforced (no operator exists yet). */
export const LOCAL_OPERATOR_ID = 'locale';

export interface DeskActor {
  deskId: string;
  operatorId: string;
}

/** The session's desk, else this installation's RADD point code, else the one local desk. */
export async function deskActor(store: Pick<StoreScope, 'settings'>, caller: Caller): Promise<DeskActor> {
  const deskId = caller.deskId || (await getDeskIdentity(store))?.raddPointCode || LOCAL_DESK_ID;
  return { deskId, operatorId: caller.operatorId ?? LOCAL_OPERATOR_ID };
}

/**
 * How screens name a desk (never by LOCAL_DESK_ID): this installation's desk, the local one or the
 * one of its RADD point code, by the identity's name (null until set); another desk by its code.
 */
export async function deskNamer(store: Pick<StoreScope, 'settings'>): Promise<(deskId: string) => DeskNameView> {
  const identity = await getDeskIdentity(store);
  return (deskId) => {
    const local = deskId === LOCAL_DESK_ID || deskId === '';
    const thisDesk = local || (identity !== null && deskId === identity.raddPointCode);
    return { code: local ? identity?.raddPointCode ?? null : deskId, name: thisDesk ? identity?.name ?? null : null, thisDesk };
  };
}

/** The desk as printed on receipts and attestations. */
export async function deskView(store: Pick<StoreScope, 'settings'>, deskId: string): Promise<DeskView> {
  const identity = await getDeskIdentity(store);
  if (!identity) return { name: 'Punto di ritiro RADD', code: deskId };
  const a = identity.address;
  return { name: identity.name, code: identity.raddPointCode, address: `${a.street}, ${a.zip} ${a.city} (${a.province})` };
}

/** Print limit per IUN and recipient (DOMAIN.md 10.1: a setting, default SEND's 10; 0 = unlimited). */
export async function printLimit(store: Pick<StoreScope, 'settings'>): Promise<number> {
  const v = await store.settings.get<number>(PRINT_LIMIT_KEY);
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : DEFAULT_PRINT_LIMIT;
}

/** Set by the administrator ("Sportello e conservazione"); the contract bounds it. */
export async function setPrintLimit(store: Pick<StoreScope, 'settings'>, limit: number, now: Date): Promise<number> {
  await store.settings.set(PRINT_LIMIT_KEY, limit, now.toISOString());
  return limit;
}

/** Operator organisations that keep the scans themselves upload nothing (DOMAIN.md 10.1, RADD_UPLOADER). */
export async function keepsScansExternally(store: Pick<StoreScope, 'settings'>): Promise<boolean> {
  return (await store.settings.get<boolean>(KEEP_SCANS_EXTERNALLY_KEY)) === true;
}

/** How an operator is named on paper and in the day summary: the display name, else the id. */
export async function operatorName(store: Pick<StoreScope, 'users'>, operatorId: string): Promise<string> {
  return (await store.users.get(operatorId))?.displayName ?? operatorId;
}

export function nowOf(ctx: Pick<HostContext, 'clock'>): IsoInstant {
  return formatInstant(ctx.clock.now().getTime());
}
