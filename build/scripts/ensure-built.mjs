// `npm run serve` builds the renderer only when it is missing or older than its sources.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const out = 'dist/renderer/index.html';
const stale = !existsSync(out) || Math.max(newest('renderer'), newest('electron/api/contract'), newest('core')) > statSync(out).mtimeMs;
if (stale) {
  console.log('building the renderer...');
  execSync('npx vite build --config build/vite.renderer.config.ts', { stdio: 'inherit' });
}
