// Which processes run the app on a SQLite store. The running app (browser mode or the desktop
// window) writes `<database>.running-<pid>` when it starts and removes it when it closes;
// `npm run restore` refuses to replace the database while one of those processes is alive: the
// app would go on writing into the file set aside, and what it wrote would be lost to the restored
// store. A file left by a process that died (a crash, kill -9) names a pid that no longer runs and
// is ignored (and removed). Tools (backup, seed) do not mark: they may run beside the app.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const markerPrefix = (dbFile: string) => `${basename(dbFile)}.running-`;

/** True when a process with this pid exists (a pid of another user's process counts too). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Marks the store as used by this process; returns the function that removes the mark. */
export function markRunning(dbFile: string, pid: number = process.pid, now: () => Date = () => new Date()): () => void {
  const marker = join(dirname(dbFile), `${markerPrefix(dbFile)}${pid}`);
  writeFileSync(marker, `${JSON.stringify({ pid, startedAt: now().toISOString() })}\n`, { mode: 0o600 });
  return () => rmSync(marker, { force: true });
}

/** The pids of the processes running the app on this store now; marks of dead processes are removed. */
export function runningPids(dbFile: string, alive: (pid: number) => boolean = pidAlive): number[] {
  const prefix = markerPrefix(dbFile);
  let names: string[];
  try {
    names = readdirSync(dirname(dbFile));
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid) || pid <= 0) continue;
    if (alive(pid)) pids.push(pid);
    else rmSync(join(dirname(dbFile), name), { force: true });
  }
  return pids.sort((a, b) => a - b);
}
