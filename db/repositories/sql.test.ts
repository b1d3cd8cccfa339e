// Multi-row INSERT building: rows given slice by slice end up in statements of at most
// `maxRowsPerStatement` rows, in order, with nothing lost or repeated, on both dialects.
import { describe, expect, it } from 'vitest';
import { InsertBuilder, prepareInsert, runInsert, type Db } from './sql.js';

const rowsOf = (from: number, n: number) => Array.from({ length: n }, (_, i) => [from + i, `r"${from + i}`, i % 2 === 0 ? null : undefined]);

/** The rows an SQLite statement carries: its one binding, the JSON array jsonb_each unpacks. */
function sqliteRows(statements: { sql: string; bindings: unknown[] }[]): unknown[][] {
  return statements.flatMap((s) => {
    expect(s.bindings).toHaveLength(1);
    return JSON.parse(s.bindings[0] as string) as unknown[][];
  });
}

describe('InsertBuilder', () => {
  it('groups slices into statements of at most maxRowsPerStatement rows on SQLite, keeping the order', () => {
    const b = new InsertBuilder(false, 't', ['a', 'b', 'c'], { maxRowsPerStatement: 4 });
    b.add(rowsOf(0, 2));
    b.add([]);
    b.add(rowsOf(2, 3));
    b.add(rowsOf(5, 9));
    b.add(rowsOf(14, 1));
    const p = b.build();
    const sizes = p.statements.map((s) => sqliteRows([s]).length);
    expect(sizes.every((n) => n >= 1 && n <= 4)).toBe(true);
    expect(sqliteRows(p.statements)).toEqual(rowsOf(0, 15).map((r) => r.map((v) => v ?? null)));
    expect(p.statements[0]!.sql).toBe('INSERT INTO "t" ("a","b","c") SELECT value->>0,value->>1,value->>2 FROM jsonb_each(?) WHERE true');
    expect(p.returns).toBe(false);
  });

  it('builds the same statements from one slice as prepareInsert does', () => {
    const rows = rowsOf(0, 10);
    const b = new InsertBuilder(false, 't', ['a', 'b', 'c'], { ignoreConflicts: true, returning: ['a'] });
    b.add(rows);
    expect(b.build()).toEqual(prepareInsert(false, 't', ['a', 'b', 'c'], rows, { ignoreConflicts: true, returning: ['a'] }));
    expect(b.build().statements[0]!.sql).toMatch(/ ON CONFLICT DO NOTHING RETURNING "a"$/);
  });

  it('chunks PostgreSQL VALUES by maxRowsPerStatement, undefined bound as null', () => {
    const b = new InsertBuilder(true, 't', ['a', 'b', 'c'], { maxRowsPerStatement: 4 });
    b.add(rowsOf(0, 3));
    b.add(rowsOf(3, 3));
    const p = b.build();
    expect(p.statements.map((s) => s.bindings.length)).toEqual([12, 6]);
    expect(p.statements[1]!.sql).toBe('INSERT INTO "t" ("a","b","c") VALUES (?,?,?),(?,?,?)');
    expect(p.statements.flatMap((s) => s.bindings)).toEqual(rowsOf(0, 6).flat().map((v) => v ?? null));
  });

  it('carries jsonColumns as JSON values (SQLite: read with ->, PostgreSQL: bound as JSON text) and maps an IUN to nid', () => {
    const rows = [['IUN-1', { a: 'x"y', n: [1, 2] }], ['IUN-2', {}]];
    const b = new InsertBuilder(false, 'c', ['iun', 'details'], { jsonColumns: ['details'], iunToNid: true });
    b.add(rows);
    expect(b.build().statements[0]!.sql).toBe('INSERT INTO "c" ("nid","details") SELECT n.nid,j.value->1 FROM jsonb_each(?) j LEFT JOIN notifications n ON n.iun = j.value->>0 WHERE true');
    expect(sqliteRows(b.build().statements)).toEqual(rows);
    const pg = new InsertBuilder(true, 'c', ['iun', 'details'], { jsonColumns: ['details'], iunToNid: true });
    pg.add(rows);
    const s = pg.build().statements[0]!;
    expect(s.sql).toBe('INSERT INTO "c" ("nid","details") VALUES ((SELECT nid FROM notifications WHERE iun = ?),?),((SELECT nid FROM notifications WHERE iun = ?),?)');
    expect(s.bindings).toEqual(['IUN-1', '{"a":"x\\"y","n":[1,2]}', 'IUN-2', '{}']);
  });

  it('nidOffset: the rows carry an offset added to a base bound at run time (SQLite only)', async () => {
    const b = new InsertBuilder(false, 'c', ['iun', 'details'], { jsonColumns: ['details'], nidOffset: true, ignoreConflicts: true });
    b.add([[0, { a: 1 }], [1, {}]]);
    const p = b.build();
    expect(p.statements[0]!.sql).toBe('INSERT INTO "c" ("nid","details") SELECT ? + (value->>0),value->1 FROM jsonb_each(?) WHERE true ON CONFLICT DO NOTHING');
    expect(p.nidBase).toBe(true);
    expect(sqliteRows(p.statements)).toEqual([[0, { a: 1 }], [1, {}]]);
    // Without its base it is refused before anything runs; a base for another insert too.
    const nowhere = {} as Db;
    await expect(runInsert(nowhere, p)).rejects.toThrow(/nidBase/);
    await expect(runInsert(nowhere, prepareInsert(false, 't', ['a'], [[1]]), 7)).rejects.toThrow(/nidBase/);
    expect(() => new InsertBuilder(true, 'c', ['iun'], { nidOffset: true }).build()).toThrow(/SQLite only/);
  });

  it('merge: a row whose key is stored updates the named columns (upsert), on both dialects; not with ignoreConflicts', () => {
    const merge = { target: ['iun'], columns: ['state'] };
    expect(prepareInsert(false, 's', ['iun', 'state'], [['A', '{}']], { merge }).statements[0]!.sql).toBe(
      'INSERT INTO "s" ("iun","state") SELECT value->>0,value->>1 FROM jsonb_each(?) WHERE true ON CONFLICT ("iun") DO UPDATE SET "state" = excluded."state"',
    );
    expect(prepareInsert(true, 's', ['iun', 'state'], [['A', '{}']], { merge }).statements[0]!.sql).toBe(
      'INSERT INTO "s" ("iun","state") VALUES (?,?) ON CONFLICT ("iun") DO UPDATE SET "state" = excluded."state"',
    );
    expect(() => prepareInsert(false, 's', ['iun'], [['A']], { merge, ignoreConflicts: true })).toThrow(/exclude/);
  });

  it('builds no statement for no rows', () => {
    expect(new InsertBuilder(false, 't', ['a']).build().statements).toEqual([]);
    expect(new InsertBuilder(true, 't', ['a']).build().statements).toEqual([]);
  });
});
