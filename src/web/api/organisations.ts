import { organisationListSchema } from '../../common/api/organisations.ts';
import type { Organisation } from '../../common/api/organisations.ts';
import { getJson } from './client.ts';

export interface OrganisationSearchParams {
  q?: string;
  limit?: number;
}

export function searchOrganisations(params: OrganisationSearchParams, signal?: AbortSignal): Promise<{ items: Organisation[] }> {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.limit) query.set('limit', String(params.limit));
  return getJson(`/api/organisations?${query.toString()}`, organisationListSchema, signal);
}
