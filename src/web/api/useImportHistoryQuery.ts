import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { isFinished } from '../components/imports/wizard.ts';
import { fetchImportHistory } from './imports.ts';

/** While one of the listed imports still runs, the list is asked again this often (its status and rows move). */
const POLL_MS = 2_000;

/** A page of the caller's import history (`GET /api/imports`), newest first. */
export function useImportHistoryQuery(page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['imports', 'history', page.limit, page.offset],
    queryFn: ({ signal }) => fetchImportHistory(page, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((item) => !isFinished(item.status)) ? POLL_MS : false),
  });
}
