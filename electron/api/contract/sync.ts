// Sync with SEND through the chosen adapter (issue #10): status for the panel, run now, parked
// items for a human, and the adapter's settings (secrets are write-only: never sent back).
import { z } from 'zod';
import { ROLES, op, t } from './op.js';

export interface SyncStatusView {
  adapter: string;
  /**
   * Why sync does not run (adapter unknown or not configured), in the caller's language. Here and
   * below, `params` are the ones the message shows: the screen renders the code again on a switch.
   */
  problem: { code: string; message: string; params?: Record<string, string | number> } | null;
  started: boolean;
  phase: 'idle' | 'pushing' | 'pulling';
  lastSuccessAt: string | null;
  /** Grows when sync stored new data (pulled notifications or elements, acknowledged pushes): screens re-read. */
  changes: number;
  lastError: { code: string; message: string; params?: Record<string, string | number>; at: string } | null;
  pending: number;
  failing: number;
  parked: number;
  /** Items this adapter does not carry (e.g. postal outcomes with send-b2b): kept locally, not sent. */
  localOnly: number;
  nextAttemptAt: string | null;
  pull: { notifications: number; done?: number; total?: number } | null;
}

export interface ParkedItemRow {
  id: number;
  kind: string;
  idempotencyKey: string;
  attempts: number;
  error: { code: string; message: string; params?: Record<string, string | number> } | null;
  createdAt: string;
}

export interface SyncSettingsView {
  adapter: string;
  /** RADD_ADAPTER / --adapter is set: the choice below is overridden at start. */
  adapterFromEnvironment: boolean;
  settings: {
    sendB2b: { baseUrl: string; streamId: string };
    radd: { baseUrl: string; uid: string };
    file: { inboxDir: string; outboxDir: string; deskId: string };
  };
  secretsSet: { sendApiKey: boolean; raddToken: boolean; bundleKey: boolean };
  secretStorage: 'os-protected' | 'file-0600' | 'none';
}

const url = z.url({ protocol: /^https?$/ }).max(300).or(z.literal(''));
const text = z.string().trim().max(300);
const secret = z.string().min(1).max(4096).optional();

export const syncContract = {
  'sync.status': op({
    input: z.object({}).strict(),
    output: t<SyncStatusView>(),
    roles: [...ROLES],
    doc: 'Sync state for the panel: adapter, last success, pending/failing/parked items, next attempt, pull progress',
  }),
  'sync.runNow': op({
    input: z.object({}).strict(),
    output: t<SyncStatusView>(),
    roles: [...ROLES],
    doc: 'Push the outbox and pull changes now, without waiting for the schedule',
  }),
  'sync.listParked': op({
    input: z.object({}).strict(),
    output: t<ParkedItemRow[]>(),
    roles: ['admin', 'clerk', 'postal', 'sender'],
    doc: 'Outbox items that failed for good and wait for a human, with their error',
  }),
  'sync.requeue': op({
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: t<{ requeued: true }>(),
    roles: ['admin'],
    doc: 'Send a parked outbox item again',
    mutates: true,
    auditedBy: 'handler',
  }),
  'sync.getSettings': op({
    input: z.object({}).strict(),
    output: t<SyncSettingsView>(),
    roles: ['admin'],
    doc: 'The adapter in use and its settings (secrets only say whether they are set)',
  }),
  'sync.setSettings': op({
    input: z.object({
      adapter: z.enum(['demo', 'send-b2b', 'radd', 'file']),
      sendB2b: z.object({ baseUrl: url, streamId: text }).strict().optional(),
      radd: z.object({ baseUrl: url, uid: text }).strict().optional(),
      file: z.object({ inboxDir: text, outboxDir: text, deskId: text }).strict().optional(),
      secrets: z.object({ sendApiKey: secret, raddToken: secret, bundleKey: secret }).strict().optional(),
    }).strict(),
    output: t<SyncSettingsView>(),
    roles: ['admin'],
    doc: 'Choose the adapter and set its settings and secrets; the sync engine restarts with them',
    mutates: true,
    auditedBy: 'handler',
  }),
};
