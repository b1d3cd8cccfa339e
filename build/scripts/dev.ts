// `npm run dev`: the host in browser mode on a fixed port plus Vite's dev server (hot reload)
// proxying /api to it. Open the URL Vite prints, with the host's ?token=... appended.
import { spawn } from 'node:child_process';

const port = process.env.RADD_PORT ?? '4790';
const host = spawn(process.execPath, ['--import', 'tsx', 'electron/serve.ts', '--port', port, '--no-open'], { stdio: 'inherit', env: { ...process.env, RADD_DEV_VITE: '1' } });
const vite = spawn('npx', ['vite', '--config', 'build/vite.renderer.config.ts'], { stdio: 'inherit', env: { ...process.env, RADD_PORT: port } });
const stop = () => { host.kill(); vite.kill(); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
host.on('exit', stop);
vite.on('exit', stop);
