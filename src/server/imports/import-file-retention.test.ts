import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob, ImportList } from '../../common/api/imports.ts';
import { signedInUser, type SignedIn } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import { systemContext } from '../auth/actor.ts';
import { parseConfig } from '../config.ts';
import { PACKAGE_VERSION } from '../paths.ts';
import { markFilesDeleted } from './import-file-retention.repo.ts';
import { pruneImportFiles, scheduleImportFileRetention } from './import-file-retention.ts';
import { insertJob, markRunning } from './imports.repo.ts';

const DAY_MS = 24 * 60 * 60_000;
let unique = 0;
/** A small STBM recap of its own (its own sha256, so no other test's job shares its file). */
const recap = () => Buffer.from(`kode_desa,jumlah_kk\n32.75.01.1001,${1000 + (unique += 1)}\n`);

describe('the import file retention setting', () => {
  it('keeps import files 90 days by default; KEMBAR_IMPORT_FILE_RETENTION_DAYS sets the days, 0 keeps them forever', () => {
    expect(parseConfig({}).importFileRetentionDays).toBe(90);
    expect(parseConfig({ KEMBAR_IMPORT_FILE_RETENTION_DAYS: '30' }).importFileRetentionDays).toBe(30);
    expect(parseConfig({ KEMBAR_IMPORT_FILE_RETENTION_DAYS: '0' }).importFileRetentionDays).toBeNull();
    expect(() => parseConfig({ KEMBAR_IMPORT_FILE_RETENTION_DAYS: '-1' })).toThrow(/KEMBAR_IMPORT_FILE_RETENTION_DAYS/);
    expect(() => parseConfig({ KEMBAR_IMPORT_FILE_RETENTION_DAYS: '1.5' })).toThrow(/KEMBAR_IMPORT_FILE_RETENTION_DAYS/);
  });
});

describe.each(testEngines())('imports: the retention policy for kept files on %s', (engine) => {
  let context: TestApp;
  let filesDir: string;
  let officer: SignedIn;
  let admin: SignedIn;
  beforeAll(async () => {
    filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kembar-retention-'));
    context = await createTestApp(engine, { files: { dir: filesDir, maxBytes: 1024 * 1024 } });
    officer = await signedInUser(context.app, ['data_officer'], '32.75');
    admin = await signedInUser(context.app, ['admin'], 'kembar');
  });
  afterAll(async () => {
    await context.dispose();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });

  const stored = (sha256: string) => path.join(filesDir, sha256.slice(0, 2), sha256);
  const prune = (olderThanDays = 90, dryRun = false) => pruneImportFiles(context.database, context.app.services.files, { olderThanDays, dryRun, context: systemContext('cli') });

  async function upload(body: Buffer, query = 'format=stbm-recap&period=2019&dryRun=true'): Promise<ImportJob> {
    const response = await officer.request({ method: 'POST', url: `/api/imports?${query}`, payload: body, headers: { 'content-type': 'text/csv' } });
    expect(response.statusCode, response.body).toBe(202);
    await context.app.services.imports.idle();
    return job(response.json<{ id: string }>().id);
  }
  async function job(id: string): Promise<ImportJob> {
    const response = await officer.request({ method: 'GET', url: `/api/imports/${id}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ImportJob>();
  }
  /** Makes a job (and its file, as the store wrote it then) `days` old. */
  async function age(found: ImportJob, days: number, fileToo = true): Promise<void> {
    await inActorTransaction(context.database.db, systemContext('cli'), (trx) => sql`UPDATE import_job SET created_at = now() - ${`${days} days`}::interval WHERE id = ${found.id}`.execute(trx));
    const then = new Date(Date.now() - days * DAY_MS);
    if (fileToo && fs.existsSync(stored(found.sha256))) fs.utimesSync(stored(found.sha256), then, then);
  }
  const ids = (report: { jobs: Array<{ id: string }> }) => report.jobs.map((item) => item.id).sort();

  it('deletes the files of finished imports older than the retention, exactly those; the jobs keep name, size and sha256 and record when', async () => {
    const old = await upload(recap());
    const real = await upload(recap(), 'format=stbm-recap&period=2018&dryRun=false');
    const justInside = await upload(recap());
    const young = await upload(recap());
    await age(old, 120);
    await age(real, 91);
    await age(justInside, 89);
    await age(young, 3);

    const report = await prune(90);
    expect(ids(report)).toEqual([old.id, real.id].sort());
    expect(report).toMatchObject({ dryRun: false, removedFiles: 2, removedBytes: old.size + real.size, uploadedAgain: 0 });
    expect(fs.existsSync(stored(old.sha256))).toBe(false);
    expect(fs.existsSync(stored(real.sha256))).toBe(false);
    expect(fs.existsSync(stored(justInside.sha256))).toBe(true);
    expect(fs.existsSync(stored(young.sha256))).toBe(true);

    const pruned = await job(old.id);
    expect(pruned).toMatchObject({ fileKept: false, fileName: old.fileName, size: old.size, sha256: old.sha256, status: 'succeeded', summary: old.summary });
    expect(Date.now() - Date.parse(pruned.fileDeletedAt ?? '')).toBeLessThan(60_000);
    expect(await job(justInside.id)).toMatchObject({ fileKept: true, fileDeletedAt: null });
    // The next prune finds nothing more to delete.
    expect(ids(await prune(90))).toEqual([]);
  });

  it('answers 410 Gone for a deleted file, naming the day and the retention policy; a kept one still downloads; the history shows which', async () => {
    const old = await upload(recap());
    const kept = await upload(recap());
    await age(old, 100);
    await prune(90);

    const gone = await officer.request({ method: 'GET', url: `/api/imports/${old.id}/file` });
    expect(gone.statusCode).toBe(410);
    const deletedAt = (await job(old.id)).fileDeletedAt ?? '';
    expect(gone.json()).toEqual({ error: { code: 'gone', message: expect.stringContaining(`was deleted on ${deletedAt.slice(0, 10)} by the retention policy`) } });
    expect((await admin.request({ method: 'GET', url: `/api/imports/${old.id}/file` })).statusCode).toBe(410);
    expect((await officer.request({ method: 'GET', url: `/api/imports/${kept.id}/file` })).statusCode).toBe(200);

    const history = (await officer.request({ method: 'GET', url: '/api/imports?limit=100' })).json<ImportList>();
    expect(history.items.find((item) => item.id === old.id)).toMatchObject({ fileKept: false, fileDeletedAt: deletedAt });
    expect(history.items.find((item) => item.id === kept.id)).toMatchObject({ fileKept: true, fileDeletedAt: null });
  });

  it('a dry run whose file was deleted cannot be confirmed: 409 naming the deletion, nothing started', async () => {
    const dryRun = await upload(recap(), 'format=stbm-recap&period=2017&dryRun=true');
    await age(dryRun, 95);
    await prune(90);
    const confirm = await officer.request({ method: 'POST', url: `/api/imports/${dryRun.id}/confirm` });
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json<{ error: { message: string } }>().error.message).toMatch(/was deleted on \d{4}-\d{2}-\d{2} by the retention policy/);
    const started = await context.database.db.selectFrom('import_job').select('id').where('confirms', '=', dryRun.id).execute();
    expect(started).toEqual([]);
  });

  it('never deletes a file still needed: a queued or running job, a young dry run, or the same bytes kept by a younger import', async () => {
    // A running job a year old (a long import, or one on another server): its file is what it reads.
    const bytes = recap();
    const file = await context.app.services.files.putBytes(bytes, 'running.csv', 'text/csv');
    const running = await inActorTransaction(context.database.db, systemContext('cli'), async (trx) => {
      const id = await insertJob(trx, { format: 'stbm-recap', fileName: 'running.csv', sha256: file.sha256, size: bytes.length, dryRun: false, period: '2019', areaCode: '32.75', createdBy: officer.userId, total: 1, mediaType: 'text/csv', fileKept: true, confirms: null });
      await markRunning(trx, id);
      await sql`UPDATE import_job SET created_at = now() - interval '365 days' WHERE id = ${id}`.execute(trx);
      return id;
    });
    fs.utimesSync(stored(file.sha256), new Date(Date.now() - 365 * DAY_MS), new Date(Date.now() - 365 * DAY_MS));

    // The same file checked 200 days ago and again 5 days ago: the younger dry run still needs it.
    const shared = recap();
    const first = await upload(shared);
    const second = await upload(shared);
    expect(second.sha256).toBe(first.sha256);
    await age(first, 200, false);
    await age(second, 5);

    const youngDryRun = await upload(recap());
    await age(youngDryRun, 30);
    const household = await upload(fs.readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/imports/household-ksb.csv')), 'format=household&dryRun=true');
    await age(household, 400, false);

    const report = await prune(90);
    expect(ids(report)).toEqual([]);
    expect(report.removedFiles).toBe(0);
    for (const sha256 of [file.sha256, first.sha256, youngDryRun.sha256]) expect(fs.existsSync(stored(sha256))).toBe(true);
    const rows = await context.database.db.selectFrom('import_job').select(['id', 'file_kept', 'file_deleted_at']).where('id', 'in', [running, first.id, second.id, youngDryRun.id, household.id]).execute();
    expect(rows.filter((row) => row.file_deleted_at !== null)).toEqual([]);
    expect(rows.filter((row) => row.file_kept).length).toBe(4);

    // Once the younger dry run is past the retention too, the shared file goes, with both jobs.
    await age(second, 91);
    expect(ids(await prune(90))).toEqual([first.id, second.id].sort());
    expect(fs.existsSync(stored(first.sha256))).toBe(false);
    // The running job's file stays for as long as it runs, whatever its age.
    expect(ids(await prune(1))).not.toContain(running);
    expect(fs.existsSync(stored(file.sha256))).toBe(true);
    await inActorTransaction(context.database.db, systemContext('cli'), (trx) => trx.updateTable('import_job').set({ status: 'failed', finished_at: new Date() }).where('id', '=', running).execute());
    await expect(prune(90)).resolves.toMatchObject({ jobs: [expect.objectContaining({ id: running })], removedFiles: 1 });
  });

  it('leaves a file in place when the same bytes were uploaded again within the last day (an import about to record its job)', async () => {
    const old = await upload(recap());
    await age(old, 100, false); // the file on disk was written just now, as by a new upload of the same bytes
    const report = await prune(90);
    expect(ids(report)).toEqual([old.id]);
    expect(report).toMatchObject({ removedFiles: 0, uploadedAgain: 1 });
    expect(fs.existsSync(stored(old.sha256))).toBe(true);
  });

  it('a dry run of the prune lists the same jobs and changes nothing', async () => {
    const old = await upload(recap());
    const young = await upload(recap());
    await age(old, 100);
    await age(young, 10);
    const auditBefore = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log WHERE entity = 'import_job'`.execute(context.database.db);
    const listed = await prune(90, true);
    expect(listed).toMatchObject({ dryRun: true, removedFiles: 0 });
    expect(ids(listed)).toEqual([old.id]);
    expect(fs.existsSync(stored(old.sha256))).toBe(true);
    expect(await job(old.id)).toMatchObject({ fileKept: true, fileDeletedAt: null });
    const auditAfter = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log WHERE entity = 'import_job'`.execute(context.database.db);
    expect(auditAfter.rows[0]?.n).toBe(auditBefore.rows[0]?.n);
    expect(ids(await prune(90))).toEqual(ids(listed));
  });

  it('audits every deletion as who pruned, before → after', async () => {
    const old = await upload(recap());
    await age(old, 100);
    await prune(90);
    const audited = await sql<{ actor: string; action: string; before: { file_kept: boolean; file_deleted_at: string | null }; after: { file_kept: boolean; file_deleted_at: string | null; sha256: string } }>`
      SELECT actor_label AS actor, action, before, after FROM audit_log WHERE entity = 'import_job' AND entity_id = ${old.id} ORDER BY id DESC LIMIT 1`.execute(context.database.db);
    expect(audited.rows[0]).toMatchObject({ actor: 'system:cli', action: 'update', before: { file_kept: true, file_deleted_at: null }, after: { file_kept: false, sha256: old.sha256 } });
    expect(audited.rows[0]?.after.file_deleted_at).not.toBeNull();
  });

  it('a prune stopped after recording a deletion, before deleting the file, is finished by the next one', async () => {
    const old = await upload(recap());
    await age(old, 100);
    const recorded = await inActorTransaction(context.database.db, systemContext('imports'), (trx) => markFilesDeleted(trx, new Date(Date.now() - 90 * DAY_MS), new Date(), 500));
    expect(recorded.map((item) => item.id)).toEqual([old.id]);
    expect(fs.existsSync(stored(old.sha256))).toBe(true);
    const next = await prune(90);
    expect(next).toMatchObject({ jobs: [], removedFiles: 1 });
    expect(fs.existsSync(stored(old.sha256))).toBe(false);
  });

  it('refuses a retention under one day', async () => {
    await expect(prune(0)).rejects.toThrow(/at least 1 day/);
  });

  it('the server prunes on its start, in the background, audited as system:imports; with retention 0 it keeps everything', async () => {
    const old = await upload(recap());
    await age(old, 100);
    const forever = await buildApp({ database: context.database, version: PACKAGE_VERSION, files: { dir: filesDir, maxBytes: 1024 * 1024 } });
    const keeping = scheduleImportFileRetention(forever, context.database, null);
    await forever.ready();
    await keeping.settled();
    await forever.close();
    expect(fs.existsSync(stored(old.sha256))).toBe(true);

    const restarted = await buildApp({ database: context.database, version: PACKAGE_VERSION, files: { dir: filesDir, maxBytes: 1024 * 1024 } });
    const retention = scheduleImportFileRetention(restarted, context.database, 90);
    try {
      await restarted.ready();
      await retention.settled();
      expect(fs.existsSync(stored(old.sha256))).toBe(false);
      const audited = await sql<{ actor: string }>`SELECT actor_label AS actor FROM audit_log WHERE entity = 'import_job' AND entity_id = ${old.id} ORDER BY id DESC LIMIT 1`.execute(context.database.db);
      expect(audited.rows[0]?.actor).toBe('system:imports');
    } finally {
      await restarted.close();
    }
  });
});
