// Identifiers arriving from SEND (DOMAIN.md 14): accepted as SEND sent them when they match the
// public format; a check character that does not verify is logged, never a rejection. A value that
// does not even match the format refuses the whole page (nothing applied, cursor unchanged).
import { acceptIunFromSend, acceptTaxIdFromSend } from '../../core/index.js';
import type { Logger } from '../logger.js';
import { SyncError } from './errors.js';
import type { PullPage } from './types.js';

export interface IncomingCheck {
  /** Warnings (check characters that did not verify), for the log. */
  warnings: { code: string; iun: string }[];
}

function checkIun(iun: string, peer: string, seen: Map<string, boolean>, out: IncomingCheck): void {
  if (seen.has(iun)) return;
  const r = acceptIunFromSend(iun);
  if (!r.ok) throw new SyncError('SYNC_IUN_INVALID_FORMAT', { peer, iun: iun.slice(0, 40) }, { transient: false });
  seen.set(iun, true);
  for (const w of r.warnings) out.warnings.push({ code: w.code, iun });
}

/** Format-checks every IUN and recipient tax id of a page; throws SyncError on a malformed one. */
export function checkIncomingPage(page: Pick<PullPage, 'notifications' | 'elements'>, peer: string): IncomingCheck {
  const out: IncomingCheck = { warnings: [] };
  const seen = new Map<string, boolean>();
  for (const { notification: n } of page.notifications) {
    checkIun(n.iun, peer, seen, out);
    for (const r of n.recipients) {
      const t = acceptTaxIdFromSend(r.taxId);
      if (!t.ok) throw new SyncError('SYNC_TAX_ID_INVALID_FORMAT', { peer, iun: n.iun }, { transient: false });
      for (const w of t.warnings) out.warnings.push({ code: w.code, iun: n.iun });
    }
  }
  for (const e of page.elements) checkIun(e.iun, peer, seen, out);
  return out;
}

/** Logs the check-character warnings of a page, once per code (tax codes never reach the log). */
export function logIncomingWarnings(check: IncomingCheck, peer: string, logger?: Logger): void {
  if (!logger || check.warnings.length === 0) return;
  const byCode = new Map<string, string[]>();
  for (const w of check.warnings) byCode.set(w.code, [...(byCode.get(w.code) ?? []), w.iun]);
  for (const [code, iuns] of byCode) logger.warn('sync: identifier accepted as sent by SEND (DOMAIN.md 14)', { peer, code, count: iuns.length, iuns: iuns.slice(0, 5) });
}
