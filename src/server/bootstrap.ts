import { ensureFoundingAgreement } from './agreements/founding-agreement.seed.ts';
import { readAreaRelease } from './areas/area-source.ts';
import { AreasService, type AreaImportReport } from './areas/areas.service.ts';
import { systemContext } from './auth/actor.ts';
import type { Config } from './config.ts';
import { connect, type Database, type DatabaseTarget } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { IndicatorsService } from './indicators/indicators.service.ts';
import { OrganisationsService } from './organisations/organisations.service.ts';

/** What start-up steps report; the server logs it as JSON, the CLI prints it. */
export type BootstrapLog = (message: string, details?: Record<string, unknown>) => void;

export function databaseTarget(config: Config): DatabaseTarget {
  return config.databaseUrl ? { engine: 'postgres', url: config.databaseUrl } : { engine: 'pglite', dataDir: config.dataDir };
}

/** Connects (taking the data-folder lock on PGlite) and applies pending migrations. */
export async function openDatabase(config: Config, log: BootstrapLog): Promise<Database> {
  const started = performance.now();
  const database = await connect(databaseTarget(config));
  try {
    const { applied } = await migrateToLatest(database.db);
    log('database ready', {
      engine: database.engine,
      location: database.engine === 'pglite' ? config.dataDir : redactUrl(config.databaseUrl ?? ''),
      migrationsApplied: applied,
      durationMs: Math.round(performance.now() - started),
    });
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * The data every installation starts with: on a first start every Indonesian area from the
 * bundled area data, then the pemda of every province and kab/kota and the national bodies,
 * the built-in indicator catalogue, and the founding agreement (KSB – Kota Bekasi, 26 Oct 2021).
 * On later starts it only says when the installed area data is newer than the one applied
 * (`kembar areas import` applies it). `firstStart` is true when the areas were loaded just now:
 * the database was empty.
 */
export async function ensureReferenceData(database: Database, log: BootstrapLog): Promise<{ firstStart: boolean }> {
  const firstStart = (await ensureAreas(database, log)) !== null;
  const { added } = await new OrganisationsService(database).ensureDefaults(systemContext('areas'));
  if (added > 0) log('organisations added', { added });
  const catalogue = await new IndicatorsService(database).ensureCatalogue(systemContext('areas'));
  if (catalogue.added > 0) log('indicators added to the catalogue', { added: catalogue.added });
  const founding = await ensureFoundingAgreement(database, new OrganisationsService(database), systemContext('setup'));
  if (founding.added) log('founding agreement added (Sumbawa Barat – Kota Bekasi, 26 Oct 2021)');
  return { firstStart };
}

async function ensureAreas(database: Database, log: BootstrapLog): Promise<AreaImportReport | null> {
  const areas = new AreasService(database);
  if (await areas.isEmpty()) {
    const report = await areas.importRelease(readAreaRelease());
    log('areas loaded', { total: report.total, source: `${report.packageName}@${report.packageVersion}`, durationMs: report.durationMs });
    return report;
  }
  const source = await areas.currentSource();
  const installed = readAreaRelease();
  if (source && source.packageVersion !== installed.packageVersion) {
    log('newer area data installed: run `kembar areas import` to apply it', { applied: source.packageVersion, installed: installed.packageVersion });
  }
  return null;
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
