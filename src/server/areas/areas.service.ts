import { ancestorCodes, isAreaCode } from '../../common/area-code.ts';
import type { AreaDetail, AreaSearchQuery, AreaSearchResult } from '../../common/api/areas.ts';
import { coreSearchText, normalizeSearchText } from '../../common/search-text.ts';
import type { Database } from '../db/connect.ts';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import type { AreaRelease } from './area-source.ts';
import { applyAreaRelease, recordAreaSource, type AreaChanges } from './areas-import.repo.ts';
import {
  countAreas,
  countDescendants,
  findAreaByCode,
  findAreaRefs,
  findAreaSource,
  listAreasAtLevel,
  listChildren,
  searchAreas,
} from './areas.repo.ts';

export interface AreaImportReport extends AreaChanges {
  packageName: string;
  packageVersion: string;
  total: number;
  durationMs: number;
}

/** Reading the administrative map, and keeping it in step with the official area data. */
export class AreasService {
  constructor(private readonly database: Database) {}

  async getArea(code: string): Promise<AreaDetail> {
    if (!isAreaCode(code)) throw new InvalidRequestError(`"${code}" is not an area code: use the Kemendagri form, e.g. 52.07 or 52.07.02.2001`);
    const { db } = this.database;
    const area = await findAreaByCode(db, code);
    if (!area) throw new NotFoundError(`No area has the code ${code}`);
    const [ancestors, children, counts] = await Promise.all([
      findAreaRefs(db, ancestorCodes(code)),
      listChildren(db, code),
      countDescendants(db, code),
    ]);
    return { code: area.code, name: area.name, level: area.level, kind: area.kind, parentCode: area.parent_code, ancestors, children, counts };
  }

  async search(query: AreaSearchQuery): Promise<AreaSearchResult> {
    const text = normalizeSearchText(query.q ?? '');
    const { db } = this.database;
    if (!text) return { items: await listAreasAtLevel(db, query.level ?? 1, query.limit) };
    const core = coreSearchText(query.q ?? '') || text;
    return { items: await searchAreas(db, { text, core, level: query.level, limit: query.limit }) };
  }

  /** True when the database holds no areas yet (a first start). */
  async isEmpty(): Promise<boolean> {
    return (await countAreas(this.database.db)) === 0;
  }

  /** The release of the area data last applied, if any. */
  async currentSource(): Promise<{ packageName: string; packageVersion: string; appliedAt: Date } | undefined> {
    const row = await findAreaSource(this.database.db);
    return row && { packageName: row.package_name, packageVersion: row.package_version, appliedAt: row.applied_at };
  }

  /**
   * Applies a release in one transaction: all of it or, on any error, none of it. A dry run
   * computes the same report and rolls back.
   */
  async importRelease(release: AreaRelease, options: { dryRun: boolean } = { dryRun: false }): Promise<AreaImportReport> {
    const started = performance.now();
    const incoming = release.areas.map((area) => ({
      ...area,
      searchName: normalizeSearchText(area.name),
      searchCore: coreSearchText(area.name),
    }));
    let changes: AreaChanges;
    try {
      changes = await this.database.bulkTransaction(async (trx, copyIn) => {
        const applied = await applyAreaRelease(trx, copyIn, incoming);
        await recordAreaSource(trx, release.packageName, release.packageVersion);
        if (options.dryRun) throw new DryRunRollback(applied);
        return applied;
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
      changes = error.changes;
    }
    return {
      ...changes,
      packageName: release.packageName,
      packageVersion: release.packageVersion,
      total: incoming.length,
      durationMs: Math.round(performance.now() - started),
    };
  }
}

/** Thrown inside the transaction to roll a dry run back while carrying its report out. */
class DryRunRollback extends Error {
  constructor(readonly changes: AreaChanges) {
    super('dry run: rolled back');
  }
}
