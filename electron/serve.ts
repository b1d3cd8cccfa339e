// `npm run serve`: browser mode. The same host as the Electron window (core + db + adapter), as a
// plain Node process serving the built renderer and the API on 127.0.0.1. Never imports `electron`.
import { spawn } from 'node:child_process';
import { ConfigError, loadConfig } from './config.js';
import { createHost } from './host.js';
import { startHttpHost } from './http-host.js';
import { browserToken } from './auth/browser-token.js';
import { createLogger } from './logger.js';
import { failureReport, STARTUP_FAILURE_TITLE } from './startup-failure.js';

function openInBrowser(url: string): void {
  const cmd = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser launcher on this machine: the URL printed above is enough.
  }
}

async function main(): Promise<void> {
  const logger = createLogger();
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`Configurazione non valida / invalid configuration: ${failureReport(e)}\n`);
      process.exit(2);
    }
    throw e;
  }
  const host = await createHost(config, { transport: 'http', logger, bootstrapOperators: true, sync: true });
  // The same token as the last run on this data directory: open tabs and the printed address keep
  // working after a restart (`--new-token` makes a new one, e.g. if the address was shared).
  const token = browserToken(config.dataDir, { renew: process.argv.includes('--new-token') });
  const http = await startHttpHost(host.ctx, { port: config.port, portFallback: config.portFallback, token });
  process.stdout.write(`RADD Desk (browser mode) listening: ${http.url}\n`);
  process.stdout.write('Aprire questo indirizzo nel browser (vale anche dopo un riavvio) / open this address in the browser (it stays valid after a restart)\n');
  if (config.openBrowser) openInBrowser(http.url);
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await http.close();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((e: unknown) => {
  // Store errors carry a stable code and a clerk-facing reason (e.g. a database from a newer version).
  process.stderr.write(`${STARTUP_FAILURE_TITLE}:\n${failureReport(e)}\n`);
  process.exit(1);
});
