import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { startImport } from './imports.ts';
import type { StartImport } from './imports.ts';
import type { UploadProgress } from './upload.ts';

/** Uploads a file for a dry run or a real import (`POST /api/imports`), with the upload's progress. */
export function useStartImportMutation() {
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (input: StartImport) => startImport(input, setUpload),
    onSettled: () => setUpload(null),
  });
  return { ...mutation, upload };
}
