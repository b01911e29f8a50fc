import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPGliteTemplate, buildPostgresTemplate, dropDatabase, TEST_TMP } from './template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: { serverUrl: string; name: string } | null;
  }
}

/**
 * Prepares one migrated database with every area, once per run, on PGlite and, when
 * TEST_DATABASE_URL is set, on that PostgreSQL server. Test files clone it (see test-database.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pgliteTemplate = path.join(TEST_TMP, `template-${process.pid}.tar.gz`);
  const serverUrl = process.env.TEST_DATABASE_URL;
  const templateName = `kembar_template_${process.pid}`;
  await Promise.all([
    buildPGliteTemplate(pgliteTemplate),
    serverUrl ? buildPostgresTemplate(serverUrl, templateName) : Promise.resolve(),
  ]);
  project.provide('pgliteTemplate', pgliteTemplate);
  project.provide('postgresTemplate', serverUrl ? { serverUrl, name: templateName } : null);
  return async () => {
    if (serverUrl) await dropDatabase(serverUrl, templateName);
  };
}
