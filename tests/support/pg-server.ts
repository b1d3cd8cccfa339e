// A throwaway PostgreSQL server for integration tests: Debian's binaries, a cluster in a temp
// dir (owned by `postgres` and run through `runuser` when we are root, since PostgreSQL refuses
// to run as root), a free TCP port on 127.0.0.1 and the socket in the temp dir (-k).
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PgServer {
  port: number;
  /** Connection URL of a database on this server. */
  url(database: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
  stop(): void;
}

/** The bin directory of the newest installed PostgreSQL, or a reason why there is none. */
export function findPgBin(): { bin: string } | { reason: string } {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return { reason: `${base} not found (install Debian's postgresql package)` };
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')) && existsSync(join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  const newest = versions[0];
  return newest ? { bin: join(base, newest, 'bin') } : { reason: `no initdb/pg_ctl under ${base}/*/bin` };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', name]).toString().trim());
  return { uid, gid };
}

/**
 * Some sandboxes replace /dev/null with a root-owned regular file; initdb and pg_ctl redirect to
 * it as `postgres` and fail. As root we then run them in a private mount namespace where a real
 * null device (or a writable file) from our temp dir is bind-mounted over /dev/null.
 */
function devNullStandIn(dir: string): string | undefined {
  if (statSync('/dev/null').isCharacterDevice()) return undefined;
  const node = join(dir, 'null');
  try {
    execFileSync('mknod', ['-m', '666', node, 'c', '1', '3'], { stdio: 'pipe' });
  } catch {
    writeFileSync(node, '');
    chmodSync(node, 0o666);
  }
  return node;
}

function commandRunner(bin: string, dir: string, asRoot: boolean): (cmd: string, args: string[]) => void {
  if (!asRoot) return (cmd, args) => void execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  const standIn = devNullStandIn(dir);
  return (cmd, args) => {
    const asPostgres = ['runuser', '-u', 'postgres', '--', join(bin, cmd), ...args];
    const argv = standIn
      ? ['unshare', '-m', 'sh', '-c', `mount --bind '${standIn}' /dev/null && exec "$@"`, 'sh', ...asPostgres]
      : asPostgres;
    execFileSync(argv[0] as string, argv.slice(1), { stdio: 'pipe' });
  };
}

export async function startPgServer(bin: string): Promise<PgServer> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'radd-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  writeFileSync(log, '');
  if (asRoot) {
    const { uid, gid } = userIds('postgres');
    chownSync(dir, uid, gid);
    chownSync(log, uid, gid);
  }
  const run = commandRunner(bin, dir, asRoot);
  let port: number;
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    port = await freePort();
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run('pg_ctl', ['-D', data, '-l', log, '-o', opts, '-w', '-t', '60', 'start']);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
      } finally {
        await client.end();
      }
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
