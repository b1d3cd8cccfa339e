import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppSettingsView, AuditPage, AuditVerifyView, DeskIdentity, InputOf, OperatorView, ScanPurgeView } from '../../electron/api/contract/index.js';
import { call } from '../api/client.js';
import { requestIds, sentOnce } from '../api/request-id.js';

/** Operators, the desk's identity, retention and the audit log (administrator screens). */
export const useAdminStore = defineStore('admin', () => {
  const operators = ref<OperatorView[]>([]);
  const desk = ref<DeskIdentity | null>(null);
  const settings = ref<AppSettingsView | null>(null);
  const audit = ref<AuditPage | null>(null);
  const verification = ref<AuditVerifyView | null>(null);
  const lastPurge = ref<ScanPurgeView | null>(null);

  async function loadOperators(): Promise<void> {
    operators.value = await call('admin.listOperators', {});
  }
  // An operator whose creation lost its answer is sent again under the same id while the form is unchanged (api/request-id.ts).
  const createIds = requestIds();
  async function createOperator(input: Omit<InputOf<'admin.createOperator'>, 'requestId'>): Promise<void> {
    await call('admin.createOperator', { ...input, requestId: createIds.idFor(input) });
    createIds.answered();
    await loadOperators();
  }
  async function updateOperator(input: InputOf<'admin.updateOperator'>): Promise<void> {
    await call('admin.updateOperator', input);
    await loadOperators();
  }
  async function resetPassword(id: string, newPassword: string): Promise<void> {
    await call('admin.resetPassword', { id, newPassword });
    await loadOperators();
  }
  async function loadDesk(): Promise<void> {
    [desk.value, settings.value] = await Promise.all([call('admin.getDeskIdentity', {}), call('settings.get', {})]);
  }
  async function saveDesk(input: InputOf<'admin.setDeskIdentity'>): Promise<void> {
    desk.value = await call('admin.setDeskIdentity', input);
  }
  async function saveRetention(days: number | null): Promise<void> {
    settings.value = await call('settings.set', { scanRetentionDays: days });
  }
  // An emptied field is sent as typed: the desk refuses it on its field (Campo obbligatorio).
  async function savePrintLimit(limit: number | null): Promise<void> {
    settings.value = await call('settings.setPrintLimit', { printLimit: limit } as InputOf<'settings.setPrintLimit'>);
  }
  // Each click is one purge, named by a new id and sent again under it while its answer is lost: the
  // repeat answers what the first run purged, not the 0 of a run that finds nothing left.
  async function purgeScans(): Promise<void> {
    lastPurge.value = await sentOnce((requestId) => call('admin.purgeScans', { requestId }));
  }
  async function loadAudit(filter: InputOf<'audit.list'>): Promise<void> {
    audit.value = await call('audit.list', filter);
  }
  async function verifyAudit(): Promise<void> {
    verification.value = await call('audit.verify', {});
  }
  async function exportAudit(filter: InputOf<'audit.export'>): Promise<{ filename: string; content: string }> {
    return call('audit.export', filter);
  }

  return { operators, desk, settings, audit, verification, lastPurge, purgeScans, loadOperators, createOperator, updateOperator, resetPassword, loadDesk, saveDesk, saveRetention, savePrintLimit, loadAudit, verifyAudit, exportAudit };
});
