import { describe, expect, it } from 'vitest';
import { defaultDataDir, loadConfig } from './config.js';

describe('defaultDataDir', () => {
  const home = '/home/clerk';

  it('uses XDG_DATA_HOME when it is an absolute path', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/srv/data' }, 'linux', home)).toBe('/srv/data/radd-desk');
  });

  it('falls back to ~/.local/share when XDG_DATA_HOME is unset, empty or relative (XDG Base Directory spec)', () => {
    for (const env of [{}, { XDG_DATA_HOME: '' }, { XDG_DATA_HOME: 'data' }, { XDG_DATA_HOME: './x' }]) {
      expect(defaultDataDir(env, 'linux', home)).toBe('/home/clerk/.local/share/radd-desk');
    }
  });

  it('reads APPDATA on Windows only when it is an absolute Windows path', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\clerk\\AppData\\Roaming' }, 'win32', home)).toContain('C:\\Users\\clerk\\AppData\\Roaming');
    expect(defaultDataDir({ APPDATA: '' }, 'win32', home)).toBe('/home/clerk/AppData/Roaming/radd-desk');
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/srv/data' }, 'darwin', home)).toBe('/home/clerk/Library/Application Support/radd-desk');
  });
});

describe('loadConfig data directory', () => {
  it('an empty RADD_DATA_DIR does not put the store in the working directory', () => {
    const config = loadConfig([], { RADD_DATA_DIR: '' });
    expect(config.dataDir).not.toBe(process.cwd());
    expect(config.dataDir.endsWith('radd-desk')).toBe(true);
  });
});

describe('loadConfig reads a variable set to nothing as not set', () => {
  it('RADD_DB, RADD_PORT, RADD_DB_CLIENT and RADD_ADAPTER', () => {
    const config = loadConfig([], { RADD_DATA_DIR: '/srv/desk', RADD_DB: '', RADD_PORT: '', RADD_DB_CLIENT: '', RADD_ADAPTER: '' });
    expect(config.db).toEqual({ client: 'sqlite3', filename: '/srv/desk/radd-desk.sqlite' });
    expect(config.port).toBe(4780);
    expect(config.portFallback).toBe(true);
    expect(config.adapter).toBeUndefined();
  });
});

describe('loadConfig refuses what it cannot honour', () => {
  it('a language other than it/en is an error, not Italian in silence', () => {
    expect(() => loadConfig(['--locale', 'fr'], {})).toThrow(/"it" or "en", not "fr"/);
    expect(() => loadConfig([], { RADD_LOCALE: 'de' })).toThrow(/not "de"/);
    expect(loadConfig(['--locale', 'en'], {}).locale).toBe('en');
    expect(loadConfig([], {}).locale).toBe('it');
  });

  it('an unknown store kind names every accepted value', () => {
    expect(() => loadConfig([], { RADD_DB_CLIENT: 'mysql' })).toThrow('RADD_DB_CLIENT must be "sqlite3" (or "sqlite") or "pg", not "mysql"');
  });
});
