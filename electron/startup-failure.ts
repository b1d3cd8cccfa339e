// What a person reads when the app cannot start (the Electron window's error box, browser mode's
// stderr) or a command fails: the catalogue's message in Italian, the UI's default language, then
// in English, then the stable code for the help desk. Before, the window never opened (the
// rejection of `start()` went nowhere) and the terminal showed only `[DB_READ_ONLY] DB_READ_ONLY`.
import { describeError, isDomainError } from '../core/index.js';

export const STARTUP_FAILURE_TITLE = 'RADD Desk non può avviarsi / RADD Desk cannot start';

export function failureReport(e: unknown): string {
  const it = describeError(e, 'it');
  const en = describeError(e, 'en');
  const lines = it === en ? [it] : [it, en];
  if (isDomainError(e)) lines.push(`(codice / code ${e.code})`);
  return lines.join('\n');
}
