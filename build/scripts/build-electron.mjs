// Bundles the Electron main process and the sandboxed preload to CommonJS files in dist/electron.
// The preload must be one file that requires nothing but `electron` (sandbox); main keeps every
// npm package external (native sqlite3 is rebuilt for Electron by electron-builder).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', packages: 'external' });
console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
