// Administration (issue #11): operators and their roles, the desk's identity, the audit log and
// the data-retention setting. Audit entries name operators by id only.
import { z } from 'zod';
import { displayNameSchema, newPasswordSchema, usernameSchema } from './auth.js';
import { ROLES, op, t, type Role } from './op.js';
import { requestIdSchema } from './schemas.js';

export interface OperatorView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  /** For sender operators: the sender (ente) whose notifications they see. */
  senderTaxId: string | null;
  createdAt: string;
  /** Set while the operator is locked out after failed sign-ins. */
  lockedUntil: string | null;
}

export interface DeskIdentity {
  /** The RADD point code assigned to this desk. */
  raddPointCode: string;
  name: string;
  address: { street: string; zip: string; city: string; province: string };
}

export type AuditOutcome = 'ok' | 'refused';

export interface AuditEntryView {
  id: number;
  seq: number;
  at: string;
  operatorId: string;
  roles: string[];
  deskId: string | null;
  operation: string;
  targets: string[];
  outcome: AuditOutcome | null;
  code: string | null;
}

export interface AuditPage {
  items: AuditEntryView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditVerifyView {
  ok: boolean;
  checked: number;
  firstBroken: { id: number; seq: number | null; reason: string } | null;
}

export interface AuditExport {
  filename: string;
  mimeType: 'text/csv';
  content: string;
  rows: number;
}

export interface AppSettingsView {
  /** Days after which the scans of closed desk transactions are purged; null = kept. */
  scanRetentionDays: number | null;
  /** Completed ACT pickups allowed per IUN and recipient (DOMAIN.md 10.1, default 10); 0 = unlimited. */
  printLimit: number;
}

/** The highest print limit an administrator may set (0 = unlimited covers anything above). */
export const PRINT_LIMIT_MAX = 1000;

/** What a purge of expired scans did (data retention). */
export interface ScanPurgeView {
  operations: number;
  files: number;
  bytes: number;
  /** The setting applied; null when scans are kept (nothing purged). */
  retentionDays: number | null;
  ranAt: string;
}

const operatorId = z.string().min(1).max(64);
const username = usernameSchema;
const displayName = displayNameSchema;
const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length).transform((rs) => [...new Set(rs)]);
/** A sender (ente) is identified by its 11-digit codice fiscale. */
const senderTaxId = z.string().regex(/^\d{11}$/);
const instant = z.iso.datetime({ offset: true });

export const deskIdentitySchema = z.object({
  raddPointCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9_-]{2,31}$/),
  name: z.string().trim().min(1).max(120),
  address: z.object({
    street: z.string().trim().min(1).max(120),
    zip: z.string().regex(/^\d{5}$/),
    city: z.string().trim().min(1).max(80),
    province: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/),
  }).strict(),
}).strict();

const auditFilter = {
  operatorId: operatorId.optional(),
  operation: z.string().min(1).max(64).optional(),
  from: instant.optional(),
  to: instant.optional(),
  outcome: z.enum(['ok', 'refused']).optional(),
};

const admin = ['admin'] as const;

export const adminContract = {
  'admin.listOperators': op({
    input: z.object({}).strict(),
    output: t<OperatorView[]>(),
    roles: admin,
    doc: 'Every operator of this desk with roles, state and lockout',
  }),
  'admin.createOperator': op({
    input: z.object({ username, displayName, roles, password: newPasswordSchema, senderTaxId: senderTaxId.optional(), requestId: requestIdSchema.optional() }).strict(),
    output: t<OperatorView>(),
    roles: admin,
    doc: 'Create an operator with their roles and first password; idempotent on the requestId chosen by the screen',
    mutates: true,
    auditTargets: (_input, out) => (out ? [out.id] : []),
  }),
  'admin.updateOperator': op({
    input: z.object({ id: operatorId, displayName: displayName.optional(), roles: roles.optional(), active: z.boolean().optional(), senderTaxId: senderTaxId.nullable().optional(), unlock: z.literal(true).optional() }).strict(),
    output: t<OperatorView>(),
    roles: admin,
    doc: 'Change an operator\'s name, roles or sender, disable or enable them, or lift a lockout',
    mutates: true,
    auditTargets: (input) => [input.id],
  }),
  'admin.resetPassword': op({
    input: z.object({ id: operatorId, newPassword: newPasswordSchema }).strict(),
    output: t<{ reset: true }>(),
    roles: admin,
    doc: 'Set a new password for an operator (lifts the lockout, ends their sessions)',
    mutates: true,
    auditTargets: (input) => [input.id],
  }),
  'admin.getDeskIdentity': op({
    input: z.object({}).strict(),
    output: t<DeskIdentity | null>(),
    roles: [...ROLES],
    doc: 'This desk\'s RADD point code, name and address (null until set)',
  }),
  'admin.setDeskIdentity': op({
    input: deskIdentitySchema,
    output: t<DeskIdentity>(),
    roles: admin,
    doc: 'Set this desk\'s RADD point code, name and address',
    mutates: true,
    auditTargets: (input) => [input.raddPointCode],
  }),
  'audit.list': op({
    input: z.object({ ...auditFilter, page: z.number().int().min(1).max(1_000_000).default(1), pageSize: z.number().int().min(1).max(200).default(50) }).strict(),
    output: t<AuditPage>(),
    roles: admin,
    doc: 'Audit entries, newest first, filtered by operator, operation, period and outcome',
  }),
  'audit.verify': op({
    input: z.object({}).strict(),
    output: t<AuditVerifyView>(),
    roles: admin,
    doc: 'Check the audit log\'s hash chain and report the first broken link',
  }),
  'audit.export': op({
    input: z.object(auditFilter).strict(),
    output: t<AuditExport>(),
    roles: admin,
    doc: 'The filtered audit entries as a CSV file',
  }),
  'settings.get': op({
    input: z.object({}).strict(),
    output: t<AppSettingsView>(),
    roles: admin,
    doc: 'The data-retention setting and the print limit per notification and recipient',
  }),
  'settings.set': op({
    input: z.object({ scanRetentionDays: z.number().int().min(1).max(3650).nullable() }).strict(),
    output: t<AppSettingsView>(),
    roles: admin,
    doc: 'Set after how many days the scans of closed desk transactions are purged (audit entries stay)',
    mutates: true,
    auditTargets: () => ['retention.scanDays'],
  }),
  'settings.setPrintLimit': op({
    input: z.object({ printLimit: z.number().int().min(0).max(PRINT_LIMIT_MAX) }).strict(),
    output: t<AppSettingsView>(),
    roles: admin,
    doc: 'Set how many completed ACT pickups the desk allows per IUN and recipient (DOMAIN.md 10.1; 0 = unlimited, aborted ones not counted)',
    mutates: true,
    auditTargets: () => ['desk.printLimit'],
  }),
  'admin.purgeScans': op({
    input: z.object({ requestId: requestIdSchema.optional() }).strict(),
    output: t<ScanPurgeView>(),
    roles: admin,
    doc: 'Purge now the scans of desk transactions closed longer ago than the retention setting (audit entries stay); idempotent on the requestId chosen by the screen (a repeat answers the first run\'s counts)',
    mutates: true,
    // Its own transactions: the files are deleted only after the purge marks have committed.
    auditedBy: 'handler',
  }),
};
