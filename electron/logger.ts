// Host log: one JSON object per line on stderr (and the log file in Electron). Personal data
// (codici fiscali, addresses) never reaches it: values that look like tax codes are masked.
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const TAX_CODE = /\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b/gi;

/** Masks codici fiscali in a log line (keeps the first 3 characters, enough to tell entries apart). */
export function redact(text: string): string {
  return text.replace(TAX_CODE, (m) => `${m.slice(0, 3)}*************`);
}

export function createLogger(write: (line: string) => void = (l) => process.stderr.write(l + '\n'), level: 'info' | 'warn' | 'error' = 'info'): Logger {
  const order = { info: 0, warn: 1, error: 2 } as const;
  const log = (lvl: keyof typeof order) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (order[lvl] < order[level]) return;
    write(redact(JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...fields })));
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}
