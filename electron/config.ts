// argv/env -> host configuration (STYLE.md 1). Browser mode and Electron read the same options.
import { homedir } from 'node:os';
import { join, posix, resolve, win32 } from 'node:path';

export interface HostConfig {
  dataDir: string;
  db: { client: 'sqlite3'; filename: string } | { client: 'pg'; connection: string };
  port: number;
  /** When the preferred port is taken, try the next ones (two instances must not clash). */
  portFallback: boolean;
  /** The sync adapter named by --adapter / RADD_ADAPTER; undefined = the settings' choice (default demo). */
  adapter: string | undefined;
  /** Run the sync engine (off with --no-sync / RADD_SYNC=0, e.g. for e2e tests on fixed data). */
  sync: boolean;
  locale: 'it' | 'en';
  openBrowser: boolean;
  seedDemo: boolean;
  rendererDir: string;
}

export const DEFAULT_PORT = 4780;

/**
 * A base directory from the environment, or undefined when unset, empty or relative (the XDG Base
 * Directory spec says to ignore those: an empty XDG_DATA_HOME put the store in the working directory).
 */
function envDir(value: string | undefined, platform: NodeJS.Platform): string | undefined {
  const absolute = platform === 'win32' ? win32.isAbsolute : posix.isAbsolute;
  return value !== undefined && value.length > 0 && absolute(value) ? value : undefined;
}

/** The per-user data directory of the platform (Electron passes app.getPath('userData') instead). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (platform === 'win32') return join(envDir(env.APPDATA, platform) ?? join(home, 'AppData', 'Roaming'), 'radd-desk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'radd-desk');
  return join(envDir(env.XDG_DATA_HOME, platform) ?? join(home, '.local', 'share'), 'radd-desk');
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = argv[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
}

export class ConfigError extends Error {}

export function loadConfig(argv: string[] = process.argv.slice(2), given: NodeJS.ProcessEnv = process.env, defaults: { dataDir?: string; rendererDir?: string } = {}): HostConfig {
  // A variable set to nothing (`RADD_PORT= npm run serve`) is read as not set: an empty
  // RADD_DATA_DIR or RADD_DB resolved to the working directory, an empty RADD_PORT to "any port".
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== ''));
  const dataDir = resolve(flag(argv, 'data-dir') ?? env.RADD_DATA_DIR ?? defaults.dataDir ?? defaultDataDir(env));
  const client = env.RADD_DB_CLIENT ?? 'sqlite3';
  let db: HostConfig['db'];
  if (client === 'pg') {
    const connection = flag(argv, 'database-url') ?? env.RADD_DATABASE_URL;
    if (!connection) throw new ConfigError('RADD_DB_CLIENT=pg needs RADD_DATABASE_URL (e.g. postgres://user:pass@host:5432/radd)');
    db = { client: 'pg', connection };
  } else if (client === 'sqlite3' || client === 'sqlite') {
    db = { client: 'sqlite3', filename: resolve(flag(argv, 'db') ?? env.RADD_DB ?? join(dataDir, 'radd-desk.sqlite')) };
  } else {
    throw new ConfigError(`RADD_DB_CLIENT must be "sqlite3" (or "sqlite") or "pg", not "${client}"`);
  }
  const portText = flag(argv, 'port') ?? env.RADD_PORT;
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`invalid port "${portText}"`);
  const localeText = flag(argv, 'locale') ?? env.RADD_LOCALE ?? 'it';
  if (localeText !== 'it' && localeText !== 'en') throw new ConfigError(`the language must be "it" or "en", not "${localeText}" (--locale / RADD_LOCALE)`);
  const locale: HostConfig['locale'] = localeText;
  return {
    dataDir,
    db,
    port,
    portFallback: portText === undefined,
    adapter: flag(argv, 'adapter') ?? env.RADD_ADAPTER,
    sync: !argv.includes('--no-sync') && env.RADD_SYNC !== '0',
    locale,
    openBrowser: !argv.includes('--no-open') && !env.CI,
    seedDemo: !argv.includes('--no-seed') && env.RADD_SEED !== '0',
    rendererDir: resolve(defaults.rendererDir ?? join(process.cwd(), 'dist', 'renderer')),
  };
}
