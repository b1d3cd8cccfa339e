// The one API table: every operation a screen can trigger (STYLE.md 2). One spelling of each name
// is the IPC payload, the HTTP path (`POST /api/<name>`) and the key of the typed client.
import type { z } from 'zod';
import { adminContract } from './admin.js';
import { authContract } from './auth.js';
import { deskContract } from './desk.js';
import { deskMandatesContract } from './desk-mandates.js';
import { notificationsContract } from './notifications.js';
import { postalContract } from './postal.js';
import { printingContract } from './printing.js';
import { senderContract } from './sender.js';
import { syncContract } from './sync.js';
import { systemContract } from './system.js';

export const contract = {
  ...systemContract,
  ...notificationsContract,
  ...authContract,
  ...adminContract,
  ...deskContract,
  ...deskMandatesContract,
  ...postalContract,
  ...senderContract,
  ...syncContract,
  ...printingContract,
};

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type InputOf<K extends OpName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends OpName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends OpName> = Contract[K]['output'];

export { ROLES } from './op.js';
export type { Role, OpDef } from './op.js';
export { ANONYMOUS } from './op.js';
export type { Access } from './op.js';
export type { SessionView, SignedInOperator, WhoAmIView } from './auth.js';
export type { AppSettingsView, AuditEntryView, AuditExport, AuditOutcome, AuditPage, AuditVerifyView, DeskIdentity, OperatorView } from './admin.js';
export type { ScanPurgeView } from './admin.js';
export type { FirstAdminView, SetupStatusView } from './auth.js';
export type * from './views.js';
export type * from './envelope.js';
export type * from './desk-views.js';
export type { DeskMandateList, DeskMandateView } from './desk-mandates.js';
export type * from './postal-views.js';
export type * from './sender-views.js';
export type { DocumentViewUrl, PrintedDocumentView, PrinterView, PrintersView, PrintSettingsView, StoredFileView } from './printing.js';
export type { ParkedItemRow, SyncSettingsView, SyncStatusView } from './sync.js';
