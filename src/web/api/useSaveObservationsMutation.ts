import { useMutation, useQueryClient } from '@tanstack/react-query';
import { saveObservations } from './observations.ts';
import { observationsKey } from './useObservationsQuery.ts';

/**
 * `PUT /api/observations`. The answer is the sheet as stored, which goes into the cache at once;
 * it is then read again, so values another user saved meanwhile show too. Rolled-up figures
 * (`/api/values`) change with it in every ancestor, so they are read again when next shown.
 */
export function useSaveObservationsMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveObservations,
    onSuccess: async (sheet) => {
      const key = observationsKey(sheet.areaCode, sheet.period);
      queryClient.setQueryData(key, sheet);
      await Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: ['values'] })]);
    },
  });
}
