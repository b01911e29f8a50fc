import { useQuery } from '@tanstack/react-query';
import { fetchReminders } from './agreements.ts';

export const REMINDERS_KEY = ['reminders'] as const;

/** `GET /api/reminders` (signed in): ending soon, KB without PKS, DPRD, overdue activities, reports due. */
export function useRemindersQuery(enabled = true) {
  return useQuery({ queryKey: REMINDERS_KEY, queryFn: ({ signal }) => fetchReminders(signal), enabled });
}
