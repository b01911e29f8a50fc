import { randomBytes, randomUUID } from 'node:crypto';
import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { adminQuery, dropDatabase, withDatabase } from '../../../../test/support/template.ts';
import { testEngines } from '../../../../test/support/test-database.ts';
import { connect, type Database, type Engine } from '../connect.ts';
import type { Schema } from '../schema.ts';
import { migrations } from './index.ts';

const BEFORE = '2026-11-28T1800-own-cells-not-stored';
const THIS = '2026-12-07T1900-household-hash-bytes';

/** An empty database of its own (not the migrated template): this test runs the migrations itself. */
async function emptyDatabase(engine: Engine): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (engine === 'pglite') {
    const database = await connect({ engine: 'pglite', memory: true });
    return { database, dispose: () => database.close() };
  }
  const serverUrl = inject('postgresTemplate')?.serverUrl ?? '';
  const name = `kembar_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const database = await connect({ engine: 'postgres', url: withDatabase(serverUrl, name) });
  return {
    database,
    dispose: async () => {
      await database.close();
      await dropDatabase(serverUrl, name);
    },
  };
}

async function migrateTo(db: Kysely<Schema>, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(name);
  if (error) throw error;
}

describe.each(testEngines())(`migration ${THIS} on %s`, (engine) => {
  let dispose: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await dispose?.();
    dispose = null;
  });

  it('converts stored hex hashes to their 32 bytes, drops the village index and counts the stored households per village', async () => {
    const opened = await emptyDatabase(engine);
    dispose = opened.dispose;
    const { db } = opened.database;
    await migrateTo(db, BEFORE);
    const hashes = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const job = randomUUID();
    await sql`
      INSERT INTO household_record (province_code, period, kk_hash, village_code, pillar_1, pillar_2, pillar_3, import_job_id) VALUES
        ('52', '2021', ${hashes[0]?.toString('hex')}, '52.07.01.2001', 'JSP', true, null, ${job}),
        ('52', '2021', ${hashes[1]?.toString('hex')}, '52.07.01.2001', 'LAYAK', false, true, ${job}),
        ('52', '2021', ${hashes[2]?.toString('hex')}, '52.07.01.2002', null, null, null, ${job})`.execute(db);

    await migrateTo(db, THIS);
    const stored = await sql<{ kk_hash: Uint8Array }>`SELECT kk_hash FROM household_record ORDER BY village_code, pillar_1`.execute(db);
    expect(stored.rows.map((row) => Buffer.from(row.kk_hash).toString('hex'))).toEqual(hashes.map((hash) => hash.toString('hex')));
    const indexes = await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE tablename = 'household_record'`.execute(db);
    expect(indexes.rows.map((row) => row.indexname)).toEqual(['household_record_pkey']);
    const tallies = await sql`SELECT * FROM household_village_tally ORDER BY village_code`.execute(db);
    expect(tallies.rows).toEqual([
      {
        province_code: '52', period: '2021', village_code: '52.07.01.2001', households: 2, pillar1: 2, access: 2, jsp: 1, jssp: 0, sharing: 0, babs: 0, yes_no: 1,
        answered_2: 2, met_2: 1, answered_3: 1, met_3: 1, answered_4: 0, met_4: 0, answered_5: 0, met_5: 0,
      },
      {
        province_code: '52', period: '2021', village_code: '52.07.01.2002', households: 1, pillar1: 0, access: 0, jsp: 0, jssp: 0, sharing: 0, babs: 0, yes_no: 0,
        answered_2: 0, met_2: 0, answered_3: 0, met_3: 0, answered_4: 0, met_4: 0, answered_5: 0, met_5: 0,
      },
    ]);
    await expect(sql`INSERT INTO household_record (province_code, period, kk_hash, village_code, import_job_id) VALUES ('52', '2021', ${Buffer.from('short')}, '52.07.01.2001', ${job})`.execute(db)).rejects.toThrow(/check constraint/);

    await migrateTo(db, BEFORE);
    const back = await sql<{ kk_hash: string }>`SELECT kk_hash FROM household_record ORDER BY village_code, pillar_1`.execute(db);
    expect(back.rows.map((row) => row.kk_hash)).toEqual(hashes.map((hash) => hash.toString('hex')));
  });
});
