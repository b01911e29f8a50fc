import { sql, type Kysely } from 'kysely';

/**
 * Household survey storage, lighter to load (a million-row file is one COPY):
 * - The salted KK hash is kept as its 32 bytes instead of 64 hex characters: the primary key's
 *   entries and the rows get smaller (index 101 → 65 MB for a million households). Existing
 *   hashes are converted, not recomputed (the salt is unchanged).
 * - The village index goes: it cost about a quarter of each household written and served one
 *   query, the village tallies after an import. Those now live in household_village_tally, one
 *   row per village and period (counts over its stored households), kept by each import from the
 *   households it adds or changes, so a small import into a province of millions reads a few
 *   rows instead of scanning the province. Filled here from the stored households.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE household_record ALTER COLUMN kk_hash TYPE bytea USING decode(kk_hash, 'hex')`.execute(db);
  await sql`ALTER TABLE household_record ADD CHECK (octet_length(kk_hash) = 32)`.execute(db);
  await sql`DROP INDEX household_record_village_idx`.execute(db);
  await sql`
    CREATE TABLE household_village_tally (
      province_code  varchar(2) COLLATE "C" NOT NULL,
      period         text COLLATE "C" NOT NULL,
      village_code   varchar(13) COLLATE "C" NOT NULL,
      households     integer NOT NULL,
      pillar1        integer NOT NULL,
      access         integer NOT NULL,
      jsp            integer NOT NULL,
      jssp           integer NOT NULL,
      sharing        integer NOT NULL,
      babs           integer NOT NULL,
      yes_no         integer NOT NULL,
      answered_2     integer NOT NULL,
      met_2          integer NOT NULL,
      answered_3     integer NOT NULL,
      met_3          integer NOT NULL,
      answered_4     integer NOT NULL,
      met_4          integer NOT NULL,
      answered_5     integer NOT NULL,
      met_5          integer NOT NULL,
      PRIMARY KEY (province_code, period, village_code),
      CHECK (province_code = left(village_code, 2))
    )`.execute(db);
  await sql`
    INSERT INTO household_village_tally
    SELECT province_code, period, village_code, count(*),
      count(pillar_1),
      count(*) FILTER (WHERE pillar_1 IN ('JSP', 'JSSP', 'SHARING', 'LAYAK')),
      count(*) FILTER (WHERE pillar_1 = 'JSP'),
      count(*) FILTER (WHERE pillar_1 = 'JSSP'),
      count(*) FILTER (WHERE pillar_1 = 'SHARING'),
      count(*) FILTER (WHERE pillar_1 = 'BABS'),
      count(*) FILTER (WHERE pillar_1 IN ('LAYAK', 'TIDAK_LAYAK')),
      count(pillar_2), count(*) FILTER (WHERE pillar_2),
      count(pillar_3), count(*) FILTER (WHERE pillar_3),
      count(pillar_4), count(*) FILTER (WHERE pillar_4),
      count(pillar_5), count(*) FILTER (WHERE pillar_5)
    FROM household_record
    GROUP BY province_code, period, village_code`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE household_village_tally`.execute(db);
  await sql`CREATE INDEX household_record_village_idx ON household_record (village_code, period)`.execute(db);
  await sql`ALTER TABLE household_record DROP CONSTRAINT household_record_kk_hash_check`.execute(db);
  await sql`ALTER TABLE household_record ALTER COLUMN kk_hash TYPE text COLLATE "C" USING encode(kk_hash, 'hex')`.execute(db);
}
