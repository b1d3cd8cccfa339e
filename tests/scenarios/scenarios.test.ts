// Runs every scenario JSON (tests/scenarios/ and ../shared/scenarios/) through runScenario, the
// same entry point as `npm run scenario`, and compares every key of `expected`
// (shared/scenarios/README.md: timestamps as instants, arrays with the same length and order).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runScenario, tryParseInstant } from '../../core/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const local = join(root, 'tests/scenarios');
const shared = join(root, '../shared/scenarios');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
}

/** Differences between `expected` and `actual`, looking only at the keys of `expected`. */
function differences(expected: unknown, actual: unknown, path: string, out: string[]): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
      return out;
    }
    expected.forEach((e, i) => differences(e, actual[i], `${path}[${i}]`, out));
  } else if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) out.push(`${path}: expected an object, got ${JSON.stringify(actual)}`);
    else for (const [k, v] of Object.entries(expected)) differences(v, (actual as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (typeof expected === 'string' && !Number.isNaN(tryParseInstant(expected))) {
    if (typeof actual !== 'string' || tryParseInstant(actual) !== tryParseInstant(expected)) out.push(`${path}: expected instant ${expected}, got ${JSON.stringify(actual)}`);
  } else if (expected !== actual) {
    out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  return out;
}

/** A scenario file's JSON (a leading byte-order mark, as some Windows editors write, is dropped like the CLI does). */
function readScenario<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as T;
}

function checkFile(file: string): void {
  const json = readScenario<{ expected: unknown }>(file);
  const { output } = runScenario(json);
  expect(differences(json.expected, output, 'expected', [])).toEqual([]);
}

describe('scenarios in tests/scenarios', () => {
  it.each(jsonFiles(local))('%s derives its expected result', checkFile);
});

describe('scenarios in ../shared/scenarios', () => {
  if (!existsSync(shared)) {
    console.warn(`skipping shared scenarios: ${shared} not found`);
    it.skip('shared scenarios directory absent', () => undefined);
    return;
  }
  it.each(jsonFiles(shared))('%s derives its expected result', checkFile);
});

describe('comparison of expected values', () => {
  it('reports a different instant, a different value and a different array length', () => {
    const expected = { at: '2026-03-10T09:15:00+01:00', s: 'VIEWED', list: ['A'] };
    expect(differences(expected, { at: '2026-03-10T08:15:00Z', s: 'VIEWED', list: ['A'], extra: 1 }, '$', [])).toEqual([]);
    expect(differences(expected, { at: '2026-03-10T09:15:00Z', s: 'VIEWED', list: ['A'] }, '$', [])).toHaveLength(1);
    expect(differences(expected, { at: '2026-03-10T08:15:00Z', s: 'DELIVERED', list: ['A', 'B'] }, '$', [])).toHaveLength(2);
  });
});

describe('scenario CLI', () => {
  const run = (file: string) => spawnSync('npx', ['tsx', 'electron/cli/scenario.ts', file], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  it('prints the expected shape as JSON and exits 0', () => {
    const file = join(local, '01-pec-first-attempt.json');
    const r = run(file);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    const expected = (JSON.parse(readFileSync(file, 'utf8')) as { expected: Record<string, unknown> }).expected;
    expect(Object.keys(out).sort()).toEqual(Object.keys(expected).sort());
    expect(differences(expected, out, 'expected', [])).toEqual([]);
  }, 60_000);

  it('exits non-zero with a message on stderr for a malformed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    try {
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ notification: { iun: 'X', sentAt: 'not a date', recipients: [{}] }, events: [] }));
      const r = run(bad);
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('notification.sentAt');
      const unreadable = join(dir, 'broken.json');
      writeFileSync(unreadable, '{ not json');
      expect(run(unreadable).status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('reads a file that starts with a UTF-8 byte-order mark', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    try {
      const source = join(local, '01-pec-first-attempt.json');
      const bom = join(dir, 'bom.json');
      writeFileSync(bom, '\uFEFF' + readFileSync(source, 'utf8'));
      const r = run(bom);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(differences(readScenario<{ expected: unknown }>(source).expected, JSON.parse(r.stdout), 'expected', [])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('categories and response statuses written in lower case', () => {
  it('derive what the upper-case spelling derives', () => {
    let statuses = 0;
    for (const file of jsonFiles(local).slice(0, 9)) {
      const json = readScenario<{ events: Record<string, unknown>[]; expected: unknown }>(file);
      const lower = structuredClone(json);
      for (const e of lower.events) {
        e.category = String(e.category).toLowerCase();
        const d = e.details as Record<string, unknown> | undefined;
        if (typeof d?.responseStatus === 'string') (d.responseStatus = d.responseStatus.toLowerCase(), statuses++);
      }
      const run = runScenario(lower);
      expect(run.warnings.filter((w) => w.code === 'UNKNOWN_CATEGORY')).toEqual([]);
      expect(differences(json.expected, run.output, file, [])).toEqual([]);
    }
    expect(statuses).toBeGreaterThan(3);
  });
});

describe('optional event fields written as null', () => {
  it('reads null recipientIndex, details and elementId (and an empty elementId) as absent', () => {
    for (const file of jsonFiles(local).slice(0, 9)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { events: Record<string, unknown>[]; expected: unknown };
      const spelled = structuredClone(json);
      spelled.events.forEach((e, i) => {
        if (e.recipientIndex === undefined) e.recipientIndex = null;
        if (e.elementId === undefined) e.elementId = i % 2 === 0 ? null : '';
        if (e.details === undefined || (typeof e.details === 'object' && e.details !== null && Object.keys(e.details).length === 0)) e.details = null;
      });
      expect(differences(json.expected, runScenario(spelled).output, file, [])).toEqual([]);
    }
  });

  it('still refuses a recipientIndex or details of the wrong type', () => {
    const json = JSON.parse(readFileSync(jsonFiles(local)[0]!, 'utf8')) as { events: Record<string, unknown>[] };
    for (const [k, v] of [['recipientIndex', 'x'], ['details', 'x'], ['elementId', 7]] as const) {
      const bad = structuredClone(json);
      bad.events[0]![k] = v;
      expect(() => runScenario(bad)).toThrow(expect.objectContaining({ code: 'SCENARIO_INVALID' }));
    }
  });
});
