import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { adminQuery } from '../../../test/support/template.ts';
import { createTestDatabase, testEngines } from '../../../test/support/test-database.ts';
import { prepareBulkAggregation } from '../indicators/rollup-rebuild.repo.ts';

const onServer = testEngines().includes('postgres');

describe.skipIf(!onServer)('PostgreSQL connections', () => {
  it('survives the server dropping an idle connection, and keeps answering', async () => {
    const { database, dispose } = await createTestDatabase('postgres');
    try {
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(database.db);
      const pid = rows[0]?.pid;
      // Another session ends ours, as a server restart or an administrator would.
      await adminQuery(inject('postgresTemplate')?.serverUrl ?? '', `SELECT pg_terminate_backend(${Number(pid)})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const after = await sql<{ one: number }>`SELECT 1 AS one`.execute(database.db);
      expect(after.rows[0]?.one).toBe(1);
    } finally {
      await dispose();
    }
  });

  it('runs the live statements without JIT compilation, and the full rebuild with it', async () => {
    const { database, dispose } = await createTestDatabase('postgres');
    try {
      // JIT compiled a save's rollup read for about 190 ms (connect.ts); the rebuild gains from it.
      const jit = async (db: typeof database.db) => (await sql<{ jit: string }>`SHOW jit`.execute(db)).rows[0]?.jit;
      expect(await jit(database.db)).toBe('off');
      const inRebuild = await database.db.transaction().execute(async (trx) => {
        await prepareBulkAggregation(trx);
        return jit(trx);
      });
      expect(inRebuild).toBe('on');
      expect(await jit(database.db)).toBe('off');
    } finally {
      await dispose();
    }
  });
});
