import { useQuery } from '@tanstack/react-query';
import { isFinished } from '../components/imports/wizard.ts';
import { fetchImport } from './imports.ts';

/** How often a running import is asked for its progress: often enough for a moving bar, light on a phone. */
const POLL_MS = 700;

/** One import (`GET /api/imports/{id}`), asked again until it has finished. */
export function useImportJobQuery(id: string | null) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => fetchImport(id ?? '', signal),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data.status) ? false : POLL_MS),
  });
}
