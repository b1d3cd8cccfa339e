// `npm run backup [-- --data-dir DIR | --db FILE]`: writes a backup of the store now (the app may
// be running: SQLite's VACUUM INTO gives a consistent copy).
// `npm run restore -- BACKUP_FILE [--data-dir DIR | --db FILE]`: with the app CLOSED, verifies the
// backup (integrity, known migrations) and puts it in place; the replaced file is kept aside.
import { ConfigError, loadConfig } from '../config.js';
import { createHost } from '../host.js';
import { backupNow } from '../backup.js';
import { createLogger } from '../logger.js';
import { restoreBackup } from '../../db/store.js';
import { failureReport } from '../startup-failure.js';
import { runningPids } from '../store-running.js';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const file = command === 'restore' ? rest.find((a) => !a.startsWith('--') && !/^--/.test(a)) : undefined;
  const config = loadConfig(rest.filter((a) => a !== file).concat(['--no-seed']));
  if (config.db.client !== 'sqlite3') {
    process.stderr.write('backup/restore of a PostgreSQL store: use the office\'s pg_dump / pg_restore\n');
    return 2;
  }
  if (command === 'backup') {
    const host = await createHost(config, { transport: 'http', logger: createLogger(() => undefined) });
    try {
      const b = await backupNow(host.ctx);
      process.stdout.write(`backup: ${b.path} (${b.bytes} bytes)\n`);
    } finally {
      await host.close();
    }
    return 0;
  }
  if (command === 'restore' && file) {
    // The app still running on this store would go on writing into the file set aside.
    const running = runningPids(config.db.filename);
    if (running.length > 0) {
      process.stderr.write(
        `RADD Desk is running on ${config.db.filename} (process ${running.join(', ')}): close it, then restore.\n` +
          `RADD Desk è in esecuzione su questo archivio (processo ${running.join(', ')}): chiuderla, poi ripristinare.\n`,
      );
      return 3;
    }
    const keptAside = await restoreBackup(file, config.db.filename);
    process.stdout.write(`restored ${file} -> ${config.db.filename}${keptAside ? ` (previous file kept as ${keptAside})` : ''}\n`);
    return 0;
  }
  process.stderr.write('usage: npm run backup [-- --data-dir DIR]\n       npm run restore -- BACKUP_FILE [--data-dir DIR]\n');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof ConfigError ? 'invalid configuration' : 'failed'}:\n${failureReport(e)}\n`);
    process.exit(1);
  },
);
