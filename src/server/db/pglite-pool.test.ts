import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from './connect.ts';
import { commandOf } from './pglite-pool.ts';

describe(commandOf.name, () => {
  it.each([
    ['insert into area values (1)', 'INSERT'],
    ['  UPDATE area SET x = 1', 'UPDATE'],
    ['delete from area', 'DELETE'],
    ['select 1', 'SELECT'],
    ['commit', 'COMMIT'],
    ['with moved as (select 1) insert into t select * from moved', 'INSERT'],
    ['with a as (select 1) select * from a', 'SELECT'],
  ])('%s → %s', (statement, command) => {
    expect(commandOf(statement)).toBe(command);
  });
});

describe('PGlite pool', () => {
  let database: Database;
  const counterDb = () => database.db.withTables<{ counter: { id: number; value: number } }>();

  beforeAll(async () => {
    database = await connect({ engine: 'pglite', memory: true });
    await sql`CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)`.execute(database.db);
    await sql`INSERT INTO counter VALUES (1, 0)`.execute(database.db);
  });
  afterAll(() => database.close());

  it('keeps concurrent transactions from interleaving on the single session', async () => {
    // Each transaction reads, yields to the event loop, then writes: interleaved, they would lose updates.
    const increment = () =>
      counterDb().transaction().execute(async (trx) => {
        const row = await trx.selectFrom('counter').select('value').executeTakeFirstOrThrow();
        await new Promise((resolve) => setTimeout(resolve, 1));
        await sql`UPDATE counter SET value = ${row.value + 1} WHERE id = 1`.execute(trx);
      });
    await Promise.all(Array.from({ length: 25 }, increment));
    const { rows } = await sql<{ value: number }>`SELECT value FROM counter`.execute(database.db);
    expect(rows[0]?.value).toBe(25);
  });

  it('rolls a failed transaction back and serves the next caller', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`UPDATE counter SET value = -1 WHERE id = 1`.execute(trx);
        await sql`SELECT no_such_column FROM counter`.execute(trx);
      }),
    ).rejects.toThrow(/no_such_column/);
    const { rows } = await sql<{ value: number }>`SELECT value FROM counter`.execute(database.db);
    expect(rows[0]?.value).toBe(25);
  });

  it('refuses to commit a transaction whose error was swallowed', async () => {
    await expect(
      database.bulkTransaction(async (trx) => {
        await sql`UPDATE counter SET value = -2 WHERE id = 1`.execute(trx);
        await sql`SELECT no_such_column FROM counter`.execute(trx).catch(() => undefined);
      }),
    ).rejects.toThrow(/rolled back/);
    const { rows } = await sql<{ value: number }>`SELECT value FROM counter`.execute(database.db);
    expect(rows[0]?.value).toBe(25);
  });

  it('reports affected rows so Kysely can count updates', async () => {
    const result = await counterDb().updateTable('counter').set({ value: 25 }).executeTakeFirst();
    expect(result.numUpdatedRows).toBe(1n);
  });
});
