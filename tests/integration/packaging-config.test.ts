// The electron-builder configuration (build/electron-builder.yml), checked without packaging
// (Electron's binary cannot be downloaded here): valid for electron-builder, ships only the built
// app, rebuilds and unpacks the native sqlite3 addon, and the main process needs no devDependency.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const { minimatch } = require('minimatch') as { minimatch: (path: string, pattern: string, o?: { dot?: boolean }) => boolean };
const config = parse(readFileSync(join(root, 'build', 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & { files: string[]; asarUnpack: string[] };
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };

const included = (path: string) => config.files.filter((p) => !p.startsWith('!')).some((p) => minimatch(path, p, { dot: true })) && !config.files.filter((p) => p.startsWith('!')).some((p) => minimatch(path, p.slice(1), { dot: true }));

/** Bare package names imported (not type-only) by main.ts and everything it imports, transitively. */
function runtimePackagesOfMain(): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      if (m[1]) continue;
      const spec = (m[2] ?? m[3])!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(join(root, 'electron', 'main.ts'));
  return packages;
}

describe('electron-builder configuration', () => {
  it('is accepted by electron-builder\'s own schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration(c: unknown, log: unknown): Promise<void> };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, notAnOption: true }, { isEnabled: false, add: () => undefined })).rejects.toThrow();
  });

  it('names the app it.radd.desk / RADD Desk', () => {
    expect(config).toMatchObject({ appId: 'it.radd.desk', productName: 'RADD Desk' });
  });

  it('ships the built main process, preload and renderer, and package.json whose main is the bundle', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    for (const f of [pkg.main, 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc.js', 'package.json']) expect(included(f), f).toBe(true);
  });

  it('ships no sources, tests, docs, data or build tooling of the repository', () => {
    for (const f of ['electron/main.ts', 'core/index.ts', 'db/store.ts', 'renderer/main.ts', 'tests/integration/host-http.test.ts', 'docs/SECURITY.md', 'build/electron-builder.yml', 'build/scripts/build-electron.mjs', '.env', 'radd-desk.sqlite', 'package-lock.json']) {
      expect(included(f), f).toBe(false);
    }
  });

  it('lists no devDependency among the shipped files', () => {
    for (const dev of Object.keys(pkg.devDependencies)) {
      expect(config.files.some((p) => !p.startsWith('!') && p.includes(`node_modules/${dev}`)), dev).toBe(false);
      expect(included(`node_modules/${dev}/package.json`), dev).toBe(false);
    }
  });

  it('rebuilds the native sqlite3 addon for Electron and keeps it out of the asar archive', () => {
    expect(Object.keys(pkg.dependencies)).toContain('sqlite3');
    expect(config.npmRebuild).toBe(true);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack.some((p) => minimatch('node_modules/sqlite3/build/Release/node_sqlite3.node', p, { dot: true }))).toBe(true);
    expect(config.asarUnpack.some((p) => minimatch('node_modules/knex/knex.js', p, { dot: true }))).toBe(false);
  });

  it('loads at run time only production dependencies (main.cjs keeps npm packages external)', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const needed = [...runtimePackagesOfMain()].filter((p) => !builtins.has(p) && p !== 'electron');
    expect(needed.length).toBeGreaterThan(0);
    for (const p of needed) expect(Object.keys(pkg.dependencies), `${p} is imported by the main process`).toContain(p);
    expect(Object.keys(pkg.dependencies)).not.toContain('electron');
  });

  it('builds Linux AppImage and deb, Windows NSIS, macOS dmg, with a 512x512 icon', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(config.win).toMatchObject({ target: ['nsis'] });
    expect(config.mac).toMatchObject({ target: ['dmg'] });
    const png = readFileSync(join(root, String(config.icon)));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(existsSync(join(root, String((config.linux as { icon: string }).icon), '512x512.png'))).toBe(true);
  });

  it('flips the Electron fuses of the security checklist (no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS, asar only)', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true, grantFileProtocolExtraPrivileges: false, enableCookieEncryption: true,
    });
  });

  it('documents `npm run dist` with this configuration', () => {
    expect(pkg.scripts.dist).toContain('electron-builder --config build/electron-builder.yml');
  });
});
