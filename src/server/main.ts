import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { systemContext } from './auth/actor.ts';
import { ensureReferenceData, openDatabase, type BootstrapLog } from './bootstrap.ts';
import { scheduleImportFileRetention } from './imports/import-file-retention.ts';
import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import { PACKAGE_VERSION, WEB_BUILD_DIR } from './paths.ts';
import { ensureWebBuild } from './web-build.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/**
 * The composition root: database (locked, migrated, areas loaded) → web build → HTTP app → listen.
 * Logs are JSON lines (pino) with a request id on every request line.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  const started = performance.now();
  const database = await openDatabase(config, bootLog());
  try {
    const { firstStart } = await ensureReferenceData(database, bootLog());
    if (!config.skipWebBuild) await ensureWebBuild((message) => bootLog()(message));
    const app = await buildApp({
      database,
      version: PACKAGE_VERSION,
      webDir: WEB_BUILD_DIR,
      publicUrl: config.publicUrl,
      trustProxy: config.trustProxy,
      files: { dir: config.filesDir, maxBytes: config.uploadMaxBytes },
      logger: { level: config.logLevel },
    });
    scheduleImportFileRetention(app, database, config.importFileRetentionDays);
    // The quick start: a first start on an empty embedded database shows example data at once.
    if (firstStart && database.engine === 'pglite' && config.demoOnFirstStart) await loadDemo(app);
    const url = await app.listen({ port: config.port, host: config.host });
    app.log.info({ url, engine: database.engine, startupMs: Math.round(performance.now() - started) }, 'Kembar is ready');
    const setup = await app.services.links.setupLinkIfNoAdmin();
    // Printed whatever the log level: without it nobody can sign in to a new installation.
    if (setup) bootLog()('no admin yet: open this one-time link to create the first admin', { url: setup.url, expiresAt: setup.expiresAt });
    return {
      app,
      database,
      url,
      stop: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function loadDemo(app: FastifyInstance): Promise<void> {
  bootLog()('first start: loading EXAMPLE village data for Sumbawa Barat and Kota Bekasi (KEMBAR_DEMO=0 skips it)');
  const report = await app.services.demo.load(systemContext('demo'));
  bootLog()('example data loaded (marked as example in the API and UI), with the real published figures and their sources', {
    regions: report.regions,
    observations: report.observationsWritten,
    rollupCells: report.rollupCells,
    publishedFigures: report.publishedFigures.total,
    durationMs: report.durationMs,
  });
}

/** Start-up messages before the HTTP logger exists, in the same JSON-lines shape as pino's. */
function bootLog(): BootstrapLog {
  return (message, details) => {
    process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg: message, ...details })}\n`);
  };
}
