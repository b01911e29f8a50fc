import { describe, expect, it } from 'vitest';
import { dataValueSetImportQuerySchema, dhis2WebMessageSchema, type DataValueSetImportQuery, type ImportConflict } from '../../common/api/dhis2.ts';
import { EMPTY_ENVELOPE } from './dhis2-data-value.ts';
import { resolveImportOptions } from './dhis2-options.ts';
import { COMPLETED, failedSummary, importSummary, webMessage, type SummaryOptions } from './dhis2-summary.ts';

const OPTIONS: SummaryOptions = { idSchemes: { idScheme: 'CODE' }, dryRun: false, importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL' };
const conflict = (indexes: number[]): ImportConflict => ({ object: 'NOPE.X', value: 'row 2, column dataelement: Data element not found', errorCode: 'E7610', property: 'dataElement', indexes });

describe('the import summary', () => {
  it('counts per data value: a percentage cell counts its two values; everything not written is ignored', () => {
    const summary = importSummary({
      total: 7,
      outcomes: [{ outcome: 'imported', values: 2 }, { outcome: 'imported', values: 1 }, { outcome: 'updated', values: 1 }, { outcome: 'deleted', values: 1 }, { outcome: 'ignored', values: 1 }],
      conflicts: [],
      options: OPTIONS,
    });
    expect(summary).toEqual({
      responseType: 'ImportSummary', status: 'SUCCESS', importOptions: { ...OPTIONS, async: false }, description: COMPLETED,
      importCount: { imported: 3, updated: 1, ignored: 2, deleted: 1 }, conflicts: [], rejectedIndexes: [], dataSetComplete: 'false',
    });
    expect(webMessage(summary)).toEqual({ httpStatus: 'OK', httpStatusCode: 200, status: 'OK', message: 'Import was successful.', response: summary });
  });

  it('under atomicMode=ALL writes nothing on a conflict: status ERROR, every value ignored, how to proceed', () => {
    const summary = importSummary({ total: 10, outcomes: [{ outcome: 'imported', values: 8 }], conflicts: [conflict([3]), conflict([5, 3])], options: OPTIONS });
    expect(summary).toMatchObject({ status: 'ERROR', importCount: { imported: 0, updated: 0, ignored: 10, deleted: 0 }, rejectedIndexes: [3, 5] });
    expect(summary.description).toBe('Import process was aborted: 2 of 10 data values have conflicts, and atomicMode=ALL writes nothing then. Fix them and send the file again, or send atomicMode=NONE to import the other 8.');
    expect(webMessage(summary)).toMatchObject({ httpStatus: 'Conflict', httpStatusCode: 409, status: 'ERROR', message: 'An error occurred, please check import summary.' });
  });

  it('under atomicMode=NONE imports the rest, as DHIS2 does: status WARNING, HTTP 409', () => {
    const summary = importSummary({ total: 3, outcomes: [{ outcome: 'imported', values: 2 }], conflicts: [conflict([1])], options: { ...OPTIONS, atomicMode: 'NONE' } });
    expect(summary).toMatchObject({ status: 'WARNING', description: COMPLETED, importCount: { imported: 2, updated: 0, ignored: 1, deleted: 0 }, rejectedIndexes: [1] });
    expect(webMessage(summary)).toMatchObject({ httpStatus: 'Conflict', httpStatusCode: 409, status: 'WARNING', message: 'One more conflicts encountered, please check import summary.' });
  });

  it('reports a file that cannot be read as DHIS2 does: ERROR, "The import process failed: …"', () => {
    const summary = failedSummary(OPTIONS, 'The file is not valid JSON');
    expect(summary).toMatchObject({ status: 'ERROR', description: 'The import process failed: The file is not valid JSON', importCount: { imported: 0, updated: 0, ignored: 0, deleted: 0 } });
    expect(dhis2WebMessageSchema.parse(webMessage(summary))).toBeTruthy();
  });
});

describe('import options', () => {
  const query = (raw: Record<string, string>): DataValueSetImportQuery => dataValueSetImportQuerySchema.parse(raw);

  it('defaults to code ids, CREATE_AND_UPDATE, no dry run, all or nothing', () => {
    expect(resolveImportOptions(query({}), null)).toEqual({ ok: true, options: { idSchemes: { idScheme: 'CODE' }, dryRun: false, importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL' } });
  });

  it('reads the URL, with the payload winning (DHIS2 precedence), and DHIS2’s older strategy names', () => {
    const result = resolveImportOptions(query({ dryRun: 'false', importStrategy: 'NEW_AND_UPDATES', orgUnitIdScheme: 'code', atomicMode: 'NONE', firstRowIsHeader: 'false' }), {
      ...EMPTY_ENVELOPE, dryRun: true, strategy: 'update', idSchemes: { dataElementIdScheme: 'CODE' },
    });
    expect(result).toEqual({ ok: true, options: { idSchemes: { orgUnitIdScheme: 'CODE', dataElementIdScheme: 'CODE' }, dryRun: true, importStrategy: 'UPDATE', atomicMode: 'NONE', firstRowIsHeader: false } });
    expect(resolveImportOptions(query({ importStrategy: 'DELETES' }), null)).toMatchObject({ options: { importStrategy: 'DELETE' } });
  });

  it.each([
    [{ idScheme: 'uid' }, null, /idScheme=uid is not supported: Kembar identifies .* by code only\. Send idScheme=code\./],
    [{ orgUnitIdScheme: 'name' }, null, /orgUnitIdScheme=name is not supported/],
    [{ dataElementIdScheme: 'attribute:DnrLSdo4hMl' }, null, /dataElementIdScheme=attribute:DnrLSdo4hMl is not supported/],
    [{}, { ...EMPTY_ENVELOPE, idSchemes: { categoryOptionComboIdScheme: 'UID' } }, /categoryOptionComboIdScheme=UID is not supported/],
    [{ importStrategy: 'MERGE' }, null, /importStrategy=MERGE is not an import strategy: use CREATE_AND_UPDATE, CREATE, UPDATE, DELETE/],
    [{ async: 'true' }, null, /async=true is not supported/],
  ])('refuses %o (payload %o) and says why', (raw, envelope, message) => {
    const result = resolveImportOptions(query(raw), envelope);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(message);
  });

  it('accepts and ignores DHIS2 tuning flags Kembar has no use for', () => {
    expect(resolveImportOptions(query({ preheatCache: 'true', skipExistingCheck: 'true', skipAudit: 'true', force: 'true' }), null).ok).toBe(true);
  });
});
