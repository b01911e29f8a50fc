import { describe, expect, it } from 'vitest';
import { IMPORT_FORMATS } from '../../../common/api/imports.ts';
import type { ImportSummary } from '../../../common/api/imports.ts';
import { acceptFor, canConfirm, canImport, checkArea, checkPeriod, fileFits, isFinished, progressFraction, valuesToWrite } from './wizard.ts';

describe('files per format', () => {
  it('accepts spreadsheets for the recap, survey and template, JSON and CSV for DHIS2', () => {
    expect(acceptFor('stbm-recap')).toBe('.xlsx,.csv');
    expect(acceptFor('dhis2-json')).toBe('.json');
    expect(fileFits('stbm-recap', 'Rekap STBM Mei.XLSX')).toBe(true);
    expect(fileFits('stbm-recap', 'rekap.csv')).toBe(true);
    expect(fileFits('stbm-recap', 'rekap.json')).toBe(false);
    expect(fileFits('template', 'template.csv')).toBe(false);
    expect(fileFits('dhis2-csv', 'export.csv')).toBe(true);
    expect(fileFits('dhis2-json', 'export.csv')).toBe(false);
    expect(fileFits('household', 'survey.xlsx.exe')).toBe(false);
  });

  it('knows every format the API takes', () => {
    for (const format of IMPORT_FORMATS) expect(acceptFor(format).length).toBeGreaterThan(0);
  });
});

describe('job state', () => {
  it('is over when it succeeded or failed', () => {
    expect(isFinished('queued')).toBe(false);
    expect(isFinished('running')).toBe(false);
    expect(isFinished('succeeded')).toBe(true);
    expect(isFinished('failed')).toBe(true);
  });

  it('measures progress as rows done of total, unknown until the file has been read', () => {
    expect(progressFraction({ status: 'queued', processed: 0, total: 0 })).toBeNull();
    expect(progressFraction({ status: 'running', processed: 25, total: 100 })).toBe(0.25);
    expect(progressFraction({ status: 'running', processed: 120, total: 100 })).toBe(1);
    expect(progressFraction({ status: 'succeeded', processed: 0, total: 0 })).toBe(1);
  });

  it('offers the real import only after a clean, finished dry run', () => {
    expect(canConfirm(undefined)).toBe(false);
    expect(canConfirm({ dryRun: true, status: 'running', errorCount: 0 })).toBe(false);
    expect(canConfirm({ dryRun: true, status: 'succeeded', errorCount: 1 })).toBe(false);
    expect(canConfirm({ dryRun: true, status: 'failed', errorCount: 1 })).toBe(false);
    expect(canConfirm({ dryRun: false, status: 'succeeded', errorCount: 0 })).toBe(false);
    expect(canConfirm({ dryRun: true, status: 'succeeded', errorCount: 0 })).toBe(true);
  });

  it('counts new and changed cells as values to write', () => {
    const summary: ImportSummary = { rows: 10, imported: 6, updated: 3, unchanged: 1, deleted: 0, ignored: 0, areas: 2 };
    expect(valuesToWrite({ summary })).toBe(9);
    expect(valuesToWrite({ summary: null })).toBeNull();
  });
});

describe('optional fields', () => {
  it('takes an empty or DHIS2 period, and an empty or Kemendagri area code', () => {
    expect(checkPeriod('')).toBeNull();
    expect(checkPeriod(' 2026 ')).toBeNull();
    expect(checkPeriod('202611')).toBeNull();
    expect(checkPeriod('2026Q3')).toBeNull();
    expect(checkPeriod('Nov 2026')).toBe('period');
    expect(checkArea('')).toBeNull();
    expect(checkArea('52.07')).toBeNull();
    expect(checkArea('52.7')).toBe('area');
  });
});

describe('canImport', () => {
  it('offers the wizard to admins and data officers only', () => {
    expect(canImport({ roles: ['admin'] })).toBe(true);
    expect(canImport({ roles: ['data_officer'] })).toBe(true);
    expect(canImport({ roles: ['observer', 'coordinator'] })).toBe(false);
    expect(canImport(null)).toBe(false);
  });
});
