import { useQuery } from '@tanstack/react-query';
import { fetchDemoAccounts } from './auth.ts';

/** Accounts of the demo data (`GET /api/auth/demo-accounts`); empty unless demo data is loaded. */
export function useDemoAccountsQuery() {
  return useQuery({
    queryKey: ['demoAccounts'],
    queryFn: ({ signal }) => fetchDemoAccounts(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
