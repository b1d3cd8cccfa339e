// A desk as the clerk reads it, in the UI language of now: this desk by its name, else "this desk"
// (an installation with no desk identity yet), another desk by its RADD point code; never the
// internal id the host uses for a desk with no identity.
import { useI18n } from 'vue-i18n';
import type { DeskNameView } from '../../../electron/api/contract/index.js';

/** The words for a desk, given the words for "this desk". */
export function deskNameText(desk: DeskNameView | null | undefined, thisDesk: string): string {
  if (!desk) return '—';
  return desk.name ?? (desk.thisDesk ? thisDesk : desk.code ?? '—');
}

export function useDeskName() {
  const { t } = useI18n();
  function deskName(desk: DeskNameView | null | undefined): string {
    return deskNameText(desk, t('desk.common.thisDesk'));
  }
  /** The code behind a name, for a technician (a title); undefined when the words are the code. */
  function deskCode(desk: DeskNameView | null | undefined): string | undefined {
    return desk && (desk.name || desk.thisDesk) && desk.code ? desk.code : undefined;
  }
  return { deskName, deskCode };
}
