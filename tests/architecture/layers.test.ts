// Dependencies point one way (STYLE.md 1): renderer -> contract (+ core), electron -> core + db,
// db -> core, core -> nothing. A wrong arrow fails `npm test`, not a review.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

function files(dir: string, exts = ['.ts', '.vue']): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) out.push(...files(p, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}

function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(join(root, file), 'utf8');
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"`]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(re)) out.push({ spec: (m[3] ?? m[4] ?? m[5])!, typeOnly: Boolean(m[2]) });
  return out;
}

/** The top-level folder an import points to, or 'npm:<pkg>' / 'node:<mod>'. */
function target(file: string, spec: string): string {
  if (spec.startsWith('.')) {
    const abs = resolve(root, dirname(file), spec);
    return relative(root, abs).split(sep)[0]!;
  }
  if (spec.startsWith('node:')) return spec;
  return `npm:${spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`;
}

const isTest = (f: string) => /\.(test|spec)\.ts$/.test(f);
const ELECTRON_FILES = new Set(['main.ts', 'window.ts', 'ipc.ts', 'preload.ts', 'security.ts'].map((f) => join('electron', f)));

describe('layer rules', () => {
  it('core imports nothing outside core: no Node, no npm, no other layer', () => {
    const bad = files('core').filter((f) => !isTest(f)).flatMap((f) => imports(f).map((i) => ({ f, t: target(f, i.spec) })).filter(({ t }) => t !== 'core'));
    expect(bad).toEqual([]);
  });

  it('core never reads the clock or randomness', () => {
    const bad = files('core').filter((f) => !isTest(f)).filter((f) => /Date\.now\(\)|new Date\(\s*\)|Math\.random\(\)|performance\.now\(\)/.test(readFileSync(join(root, f), 'utf8')));
    expect(bad).toEqual([]);
  });

  it('db imports only core (and its own drivers), never electron or renderer', () => {
    const bad = files('db').flatMap((f) => imports(f).map((i) => ({ f, t: target(f, i.spec) })).filter(({ t }) => t === 'electron' || t === 'renderer' || t === 'npm:electron' || t === 'npm:vue'));
    expect(bad).toEqual([]);
  });

  it('only the five Electron shell files import `electron`', () => {
    const bad = ['core', 'db', 'electron', 'renderer'].flatMap((d) => files(d)).filter((f) => !isTest(f) && !ELECTRON_FILES.has(f)).filter((f) => imports(f).some((i) => i.spec === 'electron'));
    expect(bad).toEqual([]);
  });

  it('no SQL driver or query builder outside db/', () => {
    const bad = ['core', 'electron', 'renderer'].flatMap((d) => files(d)).filter((f) => !isTest(f)).filter((f) => imports(f).some((i) => ['npm:knex', 'npm:sqlite3', 'npm:pg', 'npm:better-sqlite3'].includes(target(f, i.spec))));
    expect(bad).toEqual([]);
  });

  it('the renderer talks only to the API contract (types) and core, never to db or the host', () => {
    const bad = files('renderer').flatMap((f) => imports(f).map((i) => ({ f, spec: i.spec, typeOnly: i.typeOnly, t: target(f, i.spec) }))).filter(({ t, spec, typeOnly }) => {
      if (t === 'db' || t.startsWith('node:')) return true;
      if (t === 'electron') return !(typeOnly && spec.includes('/electron/api/contract/'));
      return false;
    });
    expect(bad).toEqual([]);
  });
});

describe('public surface of the core', () => {
  it('other layers import the core only through core/index.ts', () => {
    const bad = ['db', 'electron', 'renderer'].flatMap((d) => files(d)).filter((f) => !isTest(f)).flatMap((f) =>
      imports(f).filter((i) => i.spec.startsWith('.') && target(f, i.spec) === 'core' && !/\/core\/index\.js$/.test(i.spec)).map((i) => `${f}: ${i.spec}`));
    expect(bad).toEqual([]);
  });
});
