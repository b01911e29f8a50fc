import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDataDir, startChild } from '../../test/support/processes.ts';
import { TEST_TMP } from '../../test/support/template.ts';
import { inActorTransaction } from '../server/audit/actor-transaction.ts';
import { systemContext } from '../server/auth/actor.ts';
import { connect } from '../server/db/connect.ts';
import { parseDays, pruneReportLines } from './imports-prune.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/imports');

describe('kembar imports prune: arguments and report', () => {
  it('takes --older-than as whole days ("30d" or "30"), at least one', () => {
    expect(parseDays('30d')).toBe(30);
    expect(parseDays('7')).toBe(7);
    for (const bad of ['0d', '1.5d', '30m', '', '-3d']) expect(() => parseDays(bad)).toThrow(/--older-than/);
  });

  it('prints each job whose file went, then the files and bytes removed', () => {
    const job = { id: '0b6f5d1e-8a8e-4a4e-9b1e-2f0c1d2e3f40', sha256: 'ab'.repeat(32), fileName: 'rekap.csv', size: 2048, format: 'stbm-recap' as const, dryRun: true, createdAt: new Date('2026-08-01T10:22:00Z') };
    const lines = pruneReportLines({ cutoff: new Date('2026-09-08T09:00:00Z'), dryRun: false, jobs: [job], removedFiles: 1, removedBytes: 2048, uploadedAgain: 0 }, 90);
    expect(lines).toEqual([
      'Deleted the files of 1 import(s) older than 90 day(s) (before 2026-09-08); the imports keep their name, size and sha256:',
      `  2026-08-01 10:22  ${job.id}  stbm-recap (dry run)  rekap.csv  2.0 KB  sha256 abababababab…`,
      '1 file(s), 2.0 KB, removed from the file store.',
    ]);
    expect(pruneReportLines({ cutoff: new Date('2026-09-08T09:00:00Z'), dryRun: true, jobs: [], removedFiles: 0, removedBytes: 0, uploadedAgain: 0 }, 90)).toEqual([
      'No kept import file is older than 90 day(s) (before 2026-09-08): nothing to delete.',
    ]);
  });
});

describe('kembar imports prune', () => {
  const dataDir = path.join(TEST_TMP, `cli-prune-${process.pid}`);
  const kembar = async (args: string[], env: Record<string, string> = {}) => {
    const child = startChild(['bin/kembar.js', ...args], { KEMBAR_DATA_DIR: dataDir, DATABASE_URL: '', ...env });
    const code = await child.exited;
    return { code, output: child.output() };
  };
  beforeAll(() => prepareDataDir(dataDir));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('lists with --dry-run, then deletes the file of an import past the retention and prints it; the job stays', async () => {
    const csv = fs.readFileSync(path.join(FIXTURES, 'stbm-recap-bekasi.csv'));
    const checked = await kembar(['import', path.join(FIXTURES, 'stbm-recap-bekasi.csv'), '--dry-run', '--period', '2021']);
    expect(checked.code, checked.output).toBe(0);
    const sha256 = createHash('sha256').update(csv).digest('hex');
    const stored = path.join(dataDir, 'files', sha256.slice(0, 2), sha256);
    expect(fs.existsSync(stored)).toBe(true);

    const young = await kembar(['imports', 'prune']);
    expect(young.code, young.output).toBe(0);
    expect(young.output).toMatch(/No kept import file is older than 90 day\(s\) \(before \d{4}-\d{2}-\d{2}\): nothing deleted\./);

    // The import 100 days ago, its file written then.
    const then = new Date(Date.now() - 100 * 24 * 60 * 60_000);
    const database = await connect({ engine: 'pglite', dataDir });
    await inActorTransaction(database.db, systemContext('cli'), (trx) => trx.updateTable('import_job').set({ created_at: then }).execute());
    await database.close();
    fs.utimesSync(stored, then, then);

    const listed = await kembar(['imports', 'prune', '--dry-run']);
    expect(listed.output).toContain('Would delete the files of 1 import(s) older than 90 day(s)');
    expect(listed.output).toContain('stbm-recap (dry run)  stbm-recap-bekasi.csv');
    expect(fs.existsSync(stored)).toBe(true);

    const kept = await kembar(['imports', 'prune'], { KEMBAR_IMPORT_FILE_RETENTION_DAYS: '0' });
    expect(kept.output).toContain('Import files are kept forever (KEMBAR_IMPORT_FILE_RETENTION_DAYS=0): nothing deleted.');
    expect((await kembar(['imports', 'prune', '--older-than', '0d'])).output).toContain('kembar: --older-than: "0d" must be a whole number of days, at least 1');

    const pruned = await kembar(['imports', 'prune', '--older-than', '30d']);
    expect(pruned.code, pruned.output).toBe(0);
    expect(pruned.output).toContain('Deleted the files of 1 import(s) older than 30 day(s)');
    expect(csv.length).toBeLessThan(1024);
    expect(pruned.output).toContain(`stbm-recap-bekasi.csv  ${csv.length} B  sha256 ${sha256.slice(0, 12)}…`);
    expect(pruned.output).toContain(`1 file(s), ${csv.length} B, removed from the file store.`);
    expect(fs.existsSync(stored)).toBe(false);
  }, 360_000);
});
