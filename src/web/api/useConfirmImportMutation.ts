import { useMutation, useQueryClient } from '@tanstack/react-query';
import { confirmImport } from './imports.ts';

/** Starts the real import of a clean dry run from the kept file (`POST /api/imports/{id}/confirm`). */
export function useConfirmImportMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dryRunId: string) => confirmImport(dryRunId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['imports', 'history'] }),
  });
}
