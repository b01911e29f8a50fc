import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob, ImportList } from '../../common/api/imports.ts';
import type { ObservationSheet } from '../../common/api/observations.ts';
import { signedInUser, type SignedIn } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEngines } from '../../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import { systemContext } from '../auth/actor.ts';
import { PACKAGE_VERSION } from '../paths.ts';
import { insertJob, markRunning } from './imports.repo.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/imports');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(testEngines())('imports: kept files, confirm, history and interrupted jobs on %s', (engine) => {
  let context: TestApp;
  let filesDir: string;
  let bekasiOfficer: SignedIn;
  let bekasiColleague: SignedIn;
  let ksbOfficer: SignedIn;
  let admin: SignedIn;
  beforeAll(async () => {
    filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kembar-import-files-'));
    context = await createTestApp(engine, { files: { dir: filesDir, maxBytes: 1024 * 1024 } });
    bekasiOfficer = await signedInUser(context.app, ['data_officer'], '32.75');
    bekasiColleague = await signedInUser(context.app, ['data_officer'], '32.75');
    ksbOfficer = await signedInUser(context.app, ['data_officer'], '52.07');
    admin = await signedInUser(context.app, ['admin'], 'kembar');
  });
  afterAll(async () => {
    await context.dispose();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });

  async function upload(user: SignedIn, body: Buffer, query: string, contentType = 'text/csv'): Promise<ImportJob> {
    const response = await user.request({ method: 'POST', url: `/api/imports?${query}`, payload: body, headers: { 'content-type': contentType } });
    expect(response.statusCode, response.body).toBe(202);
    await context.app.services.imports.idle();
    return job(user, response.json<{ id: string }>().id);
  }
  async function job(user: SignedIn, id: string): Promise<ImportJob> {
    const response = await user.request({ method: 'GET', url: `/api/imports/${id}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ImportJob>();
  }
  const history = async (user: SignedIn, query = '') => {
    const response = await user.request({ method: 'GET', url: `/api/imports${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ImportList>();
  };
  const sheet = async (area: string, period: string) =>
    (await context.app.inject({ method: 'GET', url: `/api/observations?area=${area}&period=${period}` })).json<ObservationSheet>().items;

  it('keeps the uploaded file: the job names its type, and its uploader downloads the very same bytes (sha256 matches)', async () => {
    const csv = fixture('stbm-recap-bekasi.csv');
    const recap = await upload(bekasiOfficer, csv, 'format=stbm-recap&period=2021&dryRun=true&fileName=rekap%20bekasi%202021.csv');
    expect(recap).toMatchObject({ status: 'succeeded', fileKept: true, mediaType: 'text/csv', sha256: sha256(csv), size: csv.length, fileName: 'rekap bekasi 2021.csv', confirms: null });
    const download = await bekasiOfficer.request({ method: 'GET', url: `/api/imports/${recap.id}/file` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('text/csv');
    expect(download.headers['content-disposition']).toContain('rekap bekasi 2021.csv');
    expect(sha256(download.rawPayload)).toBe(recap.sha256);

    const workbook = fixture('stbm-recap-ksb.xlsx');
    const xlsx = await upload(ksbOfficer, workbook, 'format=stbm-recap&dryRun=true&fileName=ksb.xlsx', XLSX);
    expect(xlsx).toMatchObject({ fileKept: true, mediaType: XLSX, sha256: sha256(workbook) });
    const back = await admin.request({ method: 'GET', url: `/api/imports/${xlsx.id}/file` });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe(XLSX);
    expect(Buffer.compare(back.rawPayload, workbook)).toBe(0);
  });

  it('the file is for its uploader and admins only: a colleague of the same area reads the report but not the file; another area reads neither', async () => {
    const recap = await upload(bekasiOfficer, fixture('stbm-recap-bekasi.csv'), 'format=stbm-recap&period=2021&dryRun=true');
    expect((await bekasiColleague.request({ method: 'GET', url: `/api/imports/${recap.id}` })).statusCode).toBe(200);
    const colleagueFile = await bekasiColleague.request({ method: 'GET', url: `/api/imports/${recap.id}/file` });
    expect(colleagueFile.statusCode).toBe(403);
    expect(colleagueFile.body).not.toContain('kode_desa');
    expect((await ksbOfficer.request({ method: 'GET', url: `/api/imports/${recap.id}` })).statusCode).toBe(403);
    expect((await ksbOfficer.request({ method: 'GET', url: `/api/imports/${recap.id}/file` })).statusCode).toBe(403);
    expect((await context.app.inject({ method: 'GET', url: `/api/imports/${recap.id}/file` })).statusCode).toBe(401);
    expect((await admin.request({ method: 'GET', url: `/api/imports/${recap.id}/file` })).statusCode).toBe(200);
    expect((await bekasiOfficer.request({ method: 'GET', url: '/api/imports/00000000-0000-4000-8000-000000000000/file' })).statusCode).toBe(404);
  });

  it('never keeps a household survey file (family-card numbers and names): the job has its sha256, the file answers 404', async () => {
    const households = fixture('household-ksb.csv');
    const survey = await upload(ksbOfficer, households, 'format=household&dryRun=true&fileName=household-ksb.csv');
    expect(survey).toMatchObject({ status: 'succeeded', fileKept: false, mediaType: 'text/csv', sha256: sha256(households) });
    const file = await ksbOfficer.request({ method: 'GET', url: `/api/imports/${survey.id}/file` });
    expect(file.statusCode).toBe(404);
    expect(file.json<{ error: { message: string } }>().error.message).toContain('family-card numbers and names');
    expect(fs.existsSync(path.join(filesDir, sha256(households).slice(0, 2), sha256(households)))).toBe(false);
    const confirm = await ksbOfficer.request({ method: 'POST', url: `/api/imports/${survey.id}/confirm` });
    expect(confirm.statusCode).toBe(409);
  });

  it('confirms a clean dry run from its kept file: same file, period and area, written once; a second confirm, a broken dry run and a colleague are refused', async () => {
    const csv = fixture('stbm-recap-bekasi.csv');
    const dryRun = await upload(bekasiOfficer, csv, 'format=stbm-recap&period=2020&dryRun=true');
    expect(await sheet('32.75.01.1003', '2020')).toEqual([]);
    expect((await bekasiColleague.request({ method: 'POST', url: `/api/imports/${dryRun.id}/confirm` })).statusCode).toBe(403);

    const confirm = await bekasiOfficer.request({ method: 'POST', url: `/api/imports/${dryRun.id}/confirm` });
    expect(confirm.statusCode, confirm.body).toBe(202);
    await context.app.services.imports.idle();
    const real = await job(bekasiOfficer, confirm.json<{ id: string }>().id);
    expect(real).toMatchObject({ status: 'succeeded', dryRun: false, confirms: dryRun.id, sha256: dryRun.sha256, period: '2020', areaCode: '32.75', fileName: dryRun.fileName });
    expect(real.summary?.imported).toBe(dryRun.summary?.imported);
    expect(new Map((await sheet('32.75.01.1003', '2020')).map((item) => [item.indicatorCode, item.value])).get('STBM.DS.KK_TOTAL')).toBe(7215);

    const again = await bekasiOfficer.request({ method: 'POST', url: `/api/imports/${dryRun.id}/confirm` });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toContain(real.id);
    expect((await bekasiOfficer.request({ method: 'POST', url: `/api/imports/${real.id}/confirm` })).statusCode).toBe(409);

    const broken = await upload(ksbOfficer, fixture('stbm-recap-broken.csv'), 'format=stbm-recap&period=2016&dryRun=true');
    expect(broken.status).toBe('failed');
    const refused = await ksbOfficer.request({ method: 'POST', url: `/api/imports/${broken.id}/confirm` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('errors');
  });

  it("lists the caller's own imports newest first, a page at a time; everyone's for admins only", async () => {
    const user = await signedInUser(context.app, ['data_officer'], '32.75');
    const ids: string[] = [];
    for (const period of ['2011', '2012', '2013']) ids.push((await upload(user, fixture('stbm-recap-bekasi.csv'), `format=stbm-recap&period=${period}&dryRun=true&fileName=rekap-${period}.csv`)).id);
    const broken = await upload(user, Buffer.from('kode_desa,jumlah_kk\n32.75.01.1001,dua\n'), 'format=stbm-recap&period=2014&dryRun=true&fileName=rusak.csv');
    ids.push(broken.id);

    const first = await history(user, '?limit=3');
    expect(first.total).toBe(4);
    expect(first.items.map((item) => item.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(first.items[0]).toMatchObject({ fileName: 'rusak.csv', status: 'failed', errorCount: 1, format: 'stbm-recap', dryRun: true, fileKept: true });
    expect(first.items[0]).not.toHaveProperty('errors');
    expect(first.items[1]).toMatchObject({ fileName: 'rekap-2013.csv', status: 'succeeded', errorCount: 0, total: 3, createdBy: user.email });
    const second = await history(user, '?limit=3&offset=3');
    expect(second).toMatchObject({ total: 4, limit: 3, offset: 3 });
    expect(second.items.map((item) => item.id)).toEqual([ids[0]]);

    // Someone else's imports are not in the list, also not a colleague's of the same area.
    const colleague = await history(bekasiColleague);
    expect(colleague.items.some((item) => ids.includes(item.id))).toBe(false);
    const refused = await user.request({ method: 'GET', url: '/api/imports?all=true' });
    expect(refused.statusCode).toBe(403);
    const everyone = await history(admin, '?all=true&limit=100');
    expect(everyone.total).toBeGreaterThanOrEqual(4 + 1);
    expect(ids.every((id) => everyone.items.some((item) => item.id === id))).toBe(true);
    expect((await history(admin)).items.some((item) => ids.includes(item.id))).toBe(false);
    expect((await context.app.inject({ method: 'GET', url: '/api/imports' })).statusCode).toBe(401);
  });

  it('on the next start, a job whose process died mid-run is recorded as failed (interrupted), and its kept file can still be downloaded', async () => {
    const csv = fixture('stbm-recap-bekasi.csv');
    const stored = await context.app.services.files.putBytes(csv, 'rekap.csv', 'text/csv');
    // What a killed server leaves behind: the job accepted and marked running, its transaction never committed.
    const leftBehind = async (quietFor: string) =>
      inActorTransaction(context.database.db, systemContext('cli'), async (trx) => {
        const id = await insertJob(trx, {
          format: 'stbm-recap',
          fileName: 'rekap.csv',
          sha256: stored.sha256,
          size: csv.length,
          dryRun: false,
          period: '2019',
          areaCode: '32.75',
          createdBy: bekasiOfficer.userId,
          total: 3,
          mediaType: 'text/csv',
          fileKept: true,
          confirms: null,
        });
        await markRunning(trx, id);
        await sql`UPDATE import_job SET updated_at = now() - ${quietFor}::interval WHERE id = ${id}`.execute(trx);
        return id;
      });
    const dead = await leftBehind('10 minutes');
    const recent = await leftBehind('1 second');

    const restarted = await buildApp({ database: context.database, version: PACKAGE_VERSION, files: { dir: filesDir, maxBytes: 1024 * 1024 } });
    try {
      await restarted.ready();
      const row = await context.database.db.selectFrom('import_job').select(['status', 'errors', 'finished_at']).where('id', '=', dead).executeTakeFirstOrThrow();
      expect(row.status).toBe('failed');
      expect(row.errors[0]?.message).toContain('interrupted');
      expect(row.finished_at).not.toBeNull();
      const audited = await sql<{ actor: string }>`SELECT actor_label AS actor FROM audit_log WHERE entity = 'import_job' AND entity_id = ${dead} ORDER BY id DESC LIMIT 1`.execute(context.database.db);
      expect(audited.rows[0]?.actor).toBe('system:imports');

      const shown = await bekasiOfficer.request({ method: 'GET', url: `/api/imports/${dead}` });
      expect(shown.json<ImportJob>()).toMatchObject({ status: 'failed', errorCount: 1 });
      const file = await bekasiOfficer.request({ method: 'GET', url: `/api/imports/${dead}/file` });
      expect(sha256(file.rawPayload)).toBe(stored.sha256);

      // A job alive a second ago: on PGlite (one process holds the data folder) no one else can be running it;
      // on PostgreSQL a CLI import or another server may be, so it stays running until it falls silent.
      const status = (await context.database.db.selectFrom('import_job').select('status').where('id', '=', recent).executeTakeFirstOrThrow()).status;
      expect(status).toBe(engine === 'pglite' ? 'failed' : 'running');
    } finally {
      await restarted.close();
    }
  });
});
