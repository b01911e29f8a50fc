import { useMutation } from '@tanstack/react-query';
import { startImport } from './imports.ts';

/** Uploads a file for a dry run or a real import (`POST /api/imports`). */
export function useStartImportMutation() {
  return useMutation({ mutationFn: startImport });
}
