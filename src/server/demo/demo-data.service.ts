import type { AreasService } from '../areas/areas.service.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import type { Database } from '../db/connect.ts';
import type { IndicatorsService } from '../indicators/indicators.service.ts';
import type { PublishedFiguresService } from '../published/published-figures.service.ts';
import { EXAMPLE_REGIONS, exampleCells, type ExampleRegion } from './example-data.ts';
import { upsertExampleObservations } from './example-observations.repo.ts';
import type { ExampleRegionsService } from './example-regions.service.ts';

export interface DemoDataReport {
  regions: Array<{ areaCode: string; villages: number }>;
  /** Example observation cells written (0 when loading again: nothing changed). */
  observationsWritten: number;
  rollupCells: number;
  publishedFigures: { changed: number; total: number };
  durationMs: number;
}

/**
 * Loads the demo: EXAMPLE village data for every village of Kabupaten Sumbawa Barat and Kota Bekasi
 * (source kind `example`, the regions recorded so every figure including them is marked example),
 * written period by period through the same rollup and village-status path as every other write,
 * and the REAL published figures of the research with their citations. Loading again is harmless.
 */
export class DemoDataService {
  constructor(
    private readonly database: Database,
    private readonly areas: AreasService,
    private readonly indicators: IndicatorsService,
    private readonly examples: ExampleRegionsService,
    private readonly published: PublishedFiguresService,
  ) {}

  async load(context: RequestContext, onProgress: (done: number, total: number) => void = () => undefined): Promise<DemoDataReport> {
    const started = performance.now();
    const publishedFigures = await this.published.ensureBuiltIn(context);
    const regions = await Promise.all((Object.keys(EXAMPLE_REGIONS) as ExampleRegion[]).map(async (code) => ({ code, villages: await this.villagesOf(code) })));
    await inActorTransaction(this.database.db, context, async (trx) => {
      for (const region of regions) await this.examples.mark(trx, region.code, EXAMPLE_REGIONS[region.code]);
    });
    const batches = regions.flatMap((region) => exampleCells(region.code, region.villages));
    let observationsWritten = 0;
    for (const [index, batch] of batches.entries()) {
      // One transaction per region and period: a short hold on the database, like one import file.
      observationsWritten += await inActorTransaction(this.database.db, context, async (trx) => (await upsertExampleObservations(trx, batch)).length);
      onProgress(index + 1, batches.length);
    }
    // Thousands of village cells at once: the set-based rebuild is far quicker than the per-write
    // path. The statuses derive from the rolled-up village cells, so: roll up, derive, roll up again.
    let rollupCells = 0;
    if (observationsWritten > 0) {
      rollupCells = (await this.indicators.rebuildRollups()).cells;
      if ((await this.indicators.rederiveVillageStatuses(context)) > 0) rollupCells = (await this.indicators.rebuildRollups()).cells;
    }
    return {
      regions: regions.map((region) => ({ areaCode: region.code, villages: region.villages.length })),
      observationsWritten,
      rollupCells,
      publishedFigures,
      durationMs: Math.round(performance.now() - started),
    };
  }

  private async villagesOf(regionCode: string): Promise<string[]> {
    const region = await this.areas.getArea(regionCode);
    const districts = await Promise.all(region.children.map((district) => this.areas.getArea(district.code)));
    return districts.flatMap((district) => district.children.map((village) => village.code)).sort();
  }
}
