// `npm run serve`: browser mode. The same host as the Electron window (core + db + adapter), as a
// plain Node process serving the built renderer and the API on 127.0.0.1. Never imports `electron`.
import { spawn } from 'node:child_process';
import { ConfigError, loadConfig } from './config.js';
import { createHost } from './host.js';
import { startHttpHost } from './http-host.js';
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
  const http = await startHttpHost(host.ctx, { port: config.port, portFallback: config.portFallback });
  process.stdout.write(`RADD Desk (browser mode) listening: ${http.url}\n`);
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
