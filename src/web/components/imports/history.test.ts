import { describe, expect, it } from 'vitest';
import { fileState, historyPage, reportPath } from './history.ts';

describe('import history', () => {
  it('pages ten at a time: rows shown, and whether there is a page before and after', () => {
    expect(historyPage(0, 10, 25)).toEqual({ from: 1, to: 10, total: 25, hasPrevious: false, hasNext: true, previousOffset: 0, nextOffset: 10 });
    expect(historyPage(20, 10, 25)).toMatchObject({ from: 21, to: 25, hasPrevious: true, hasNext: false, previousOffset: 10 });
    expect(historyPage(0, 10, 0)).toMatchObject({ from: 0, to: 0, hasPrevious: false, hasNext: false });
  });

  it('offers the file for download only while it is kept; says "deleted" once the retention policy deleted it', () => {
    expect(fileState({ fileKept: true, fileDeletedAt: null, format: 'stbm-recap' })).toBe('kept');
    expect(fileState({ fileKept: false, fileDeletedAt: '2026-12-07T21:00:00.000Z', format: 'stbm-recap' })).toBe('deleted');
    expect(fileState({ fileKept: false, fileDeletedAt: null, format: 'household' })).toBe('household');
    expect(fileState({ fileKept: false, fileDeletedAt: null, format: 'template' })).toBe('old');
  });

  it('links a report by the job id on the wizard page', () => {
    expect(reportPath('0b6f5d1e-8a8e-4a4e-9b1e-2f0c1d2e3f40')).toBe('/impor?laporan=0b6f5d1e-8a8e-4a4e-9b1e-2f0c1d2e3f40');
  });
});
