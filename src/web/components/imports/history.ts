import type { ImportListItem } from '../../../common/api/imports.ts';

/** The history's pure parts: where a job's report lives, whether its file can be downloaded, and the pager's arithmetic. */

/**
 * What became of a job's uploaded file: kept (downloadable), deleted by the retention policy,
 * never kept (household survey files hold KK numbers and names), or from before files were kept.
 */
export type FileState = 'kept' | 'deleted' | 'household' | 'old';

export function fileState(job: Pick<ImportListItem, 'fileKept' | 'fileDeletedAt' | 'format'>): FileState {
  if (job.fileKept) return 'kept';
  if (job.fileDeletedAt) return 'deleted';
  return job.format === 'household' ? 'household' : 'old';
}

/** The report of one import on the wizard's page (`/impor?laporan=<id>`), linkable from the history. */
export function reportPath(id: string): string {
  return `/impor?${new URLSearchParams({ laporan: id }).toString()}`;
}

export interface HistoryPage {
  /** 1-based first and last row shown, of `total`. */
  from: number;
  to: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
  previousOffset: number;
  nextOffset: number;
}

export function historyPage(offset: number, limit: number, total: number): HistoryPage {
  return {
    from: total === 0 ? 0 : Math.min(offset + 1, total),
    to: Math.min(offset + limit, total),
    total,
    hasPrevious: offset > 0,
    hasNext: offset + limit < total,
    previousOffset: Math.max(0, offset - limit),
    nextOffset: offset + limit,
  };
}
