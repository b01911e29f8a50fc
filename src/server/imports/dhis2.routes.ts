import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dataValueSetImportQuerySchema, dataValueSetQuerySchema, dhis2DataValueSetSchema, dhis2WebMessageSchema } from '../../common/api/dhis2.ts';
import { errorBodySchema } from '../../common/api/errors.ts';
import { contextOf } from '../auth/request-auth.ts';
import { toDataValueCsv, toDataValueSet } from './dhis2-export.ts';
import { webMessage } from './dhis2-summary.ts';
import type { Dhis2Service } from './dhis2.service.ts';

/** DHIS2 payloads are whole data sets: far above the app's 1 MB default, for this route only. */
export const DATA_VALUE_SET_BODY_LIMIT = 50 * 1024 * 1024;
const CSV_TYPES = ['application/csv', 'text/csv'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/**
 * DHIS2's `/api/dataValueSets` with code ids (docs/decisions/0007-dhis2-data-values.md):
 * POST a data value set as JSON or CSV → DHIS2's WebMessage with its ImportSummary;
 * GET (and `.json`, `.csv`) → the stored values, public like every other value read.
 * The body is taken as text here (this plugin's own parsers) so the DHIS2 readers can name the
 * row and column of every problem instead of a generic 400.
 */
export const dhis2Routes: FastifyPluginAsyncZod<{ dhis2: Dhis2Service }> = async (app, { dhis2 }) => {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(['application/json', ...CSV_TYPES], { parseAs: 'string', bodyLimit: DATA_VALUE_SET_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post(
    '/api/dataValueSets',
    {
      bodyLimit: DATA_VALUE_SET_BODY_LIMIT,
      config: { policy: 'observations.write' },
      schema: {
        tags: ['dhis2'],
        summary: 'Import a DHIS2 data value set (JSON or application/csv) with code ids; answers with DHIS2’s import summary',
        description:
          'dataElement = indicator code, orgUnit = Kemendagri area code, period = DHIS2 period code; a percentage is two values, ' +
          'categoryOptionCombo NUMERATOR and DENOMINATOR. atomicMode=ALL (default) writes nothing when any value has a conflict.',
        querystring: dataValueSetImportQuerySchema,
        body: z.string().describe('The data value set: JSON ({ dataValues: [...] }) or DHIS2 CSV (columns by position)'),
        response: { 200: dhis2WebMessageSchema, 409: z.union([dhis2WebMessageSchema, errorBodySchema]), 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 413: errorBodySchema, 415: errorBodySchema },
      },
    },
    async (request, reply) => {
      const format = CSV_TYPES.some((type) => (request.headers['content-type'] ?? '').toLowerCase().startsWith(type)) ? 'csv' : 'json';
      const message = webMessage(await dhis2.importDataValueSet(contextOf(request), request.body, format, request.query));
      return reply.status(message.httpStatusCode).send(message);
    },
  );

  const exportRoute = (url: string, summary: string, as: 'negotiate' | 'json' | 'csv') =>
    app.get(
      url,
      {
        config: { policy: 'public' },
        schema: {
          tags: ['dhis2'],
          summary,
          querystring: dataValueSetQuerySchema,
          response: { 200: as === 'csv' ? z.string() : as === 'json' ? dhis2DataValueSetSchema : z.union([dhis2DataValueSetSchema, z.string()]), ...errors },
        },
      },
      async (request, reply) => {
        const observations = await dhis2.exportDataValues(request.query);
        reply.header('cache-control', 'no-store');
        if ((as === 'negotiate' ? (wantsCsv(request) ? 'csv' : 'json') : as) === 'json') return toDataValueSet(observations);
        reply.type('application/csv; charset=utf-8');
        return toDataValueCsv(observations);
      },
    );
  exportRoute('/api/dataValueSets', 'Stored values as a DHIS2 data value set (JSON; CSV with Accept: application/csv)', 'negotiate');
  exportRoute('/api/dataValueSets.json', 'Stored values as a DHIS2 data value set in JSON', 'json');
  exportRoute('/api/dataValueSets.csv', 'Stored values as DHIS2 CSV (its header and column order)', 'csv');
};

function wantsCsv(request: FastifyRequest): boolean {
  const accept = (request.headers.accept ?? '').toLowerCase();
  return CSV_TYPES.some((type) => accept.includes(type));
}
