// Child of the read-only test (tests/integration/store-sqlite-safety.test.ts): opens the store at
// FILE and tries one bulk import, then prints what happened as one JSON line on stdout:
// `{"step":"open"|"write","code":...}` for the DomainError, `{"step":"done"}` if nothing refused.
// A child so that a test running as root can run it as an unprivileged user: root ignores file
// modes, and a desk's clerk is never root.
import { openStore } from '../../db/store.js';
import { anImport } from './store-builders.js';

async function main(): Promise<void> {
  const [filename, dataDir] = process.argv.slice(2);
  if (!filename || !dataDir) throw new Error('usage: store-readonly-child.ts FILE DATADIR');
  const report = (r: object): void => void process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
  let store;
  try {
    store = await openStore({ client: 'sqlite3', filename, dataDir });
  } catch (e) {
    return report({ step: 'open', code: (e as { code?: string }).code });
  }
  try {
    await store.timeline.importNotifications([anImport()]);
    report({ step: 'done' });
  } catch (e) {
    report({ step: 'write', code: (e as { code?: string }).code });
  } finally {
    await store.close();
  }
}

await main();
