import type { z } from 'zod';
import {
  agreementDetailSchema,
  agreementListSchema,
  agreementRulesSchema,
  reminderListSchema,
  timelineSchema,
  transitionBlockedSchema,
  transitionOptionsSchema,
  transitionResultSchema,
} from '../../common/api/agreements.ts';
import type {
  createAgreementSchema,
  CreateDocument,
  GuardReasonDto,
  NewParticipant,
  NewPerson,
  NewScopeItem,
  NewSignatory,
  TransitionRequest,
  UpdateAgreement,
  UpdateDocument,
} from '../../common/api/agreements.ts';
import { CSRF_HEADER } from '../../common/roles.ts';
import { agreementPaths as paths } from './agreement-paths.ts';
import { ApiError, CLIENT_ERROR_CODES, getJson } from './client.ts';
import { currentSession } from './queryClient.ts';
import { uploadFile } from './upload.ts';
import type { UploadProgress } from './upload.ts';
import { writeJson } from './write.ts';

export type CreateAgreementInput = z.input<typeof createAgreementSchema>;

export interface AgreementFilters {
  q?: string;
  status?: string;
  area?: string;
  role?: string;
}

export function fetchAgreements(filters: AgreementFilters, signal?: AbortSignal) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  query.set('limit', '100');
  return getJson(`${paths.list}?${query.toString()}`, agreementListSchema, signal);
}

export const fetchAgreement = (id: string, signal?: AbortSignal) => getJson(paths.agreement(id), agreementDetailSchema, signal);
export const fetchAgreementRules = (signal?: AbortSignal) => getJson(paths.rules, agreementRulesSchema, signal);
export const fetchReminders = (signal?: AbortSignal) => getJson(paths.reminders, reminderListSchema, signal);
export const fetchTimeline = (id: string, signal?: AbortSignal) => getJson(paths.timeline(id), timelineSchema, signal);
export const fetchTransitionOptions = (id: string, signal?: AbortSignal) => getJson(paths.transitions(id), transitionOptionsSchema, signal);

export const createAgreement = (input: CreateAgreementInput) => writeJson('POST', paths.list, input, agreementDetailSchema);
export const updateAgreement = (id: string, input: UpdateAgreement) => writeJson('PATCH', paths.agreement(id), input, agreementDetailSchema);

/** Writes inside an agreement answer with the whole agreement as it now is. */
export const addParticipant = (id: string, input: NewParticipant) => writeJson('POST', paths.participants(id), input, agreementDetailSchema);
export const removeParticipant = (id: string, participantId: string) => writeJson('DELETE', paths.participant(id, participantId), undefined, agreementDetailSchema);
export const addPerson = (id: string, input: NewPerson) => writeJson('POST', paths.people(id), input, agreementDetailSchema);
export const removePerson = (id: string, personId: string) => writeJson('DELETE', paths.person(id, personId), undefined, agreementDetailSchema);
export const addScopeItem = (id: string, input: NewScopeItem) => writeJson('POST', paths.scopeItems(id), input, agreementDetailSchema);
export const removeScopeItem = (id: string, itemId: string) => writeJson('DELETE', paths.scopeItem(id, itemId), undefined, agreementDetailSchema);

export const createDocument = (id: string, input: CreateDocument) => writeJson('POST', paths.documents(id), input, agreementDetailSchema);
export const updateDocument = (id: string, documentId: string, input: UpdateDocument) => writeJson('PATCH', paths.document(id, documentId), input, agreementDetailSchema);
export const addSignatory = (id: string, documentId: string, input: NewSignatory) => writeJson('POST', paths.signatories(id, documentId), input, agreementDetailSchema);
export const removeSignatory = (id: string, documentId: string, signatoryId: string) =>
  writeJson('DELETE', paths.signatory(id, documentId, signatoryId), undefined, agreementDetailSchema);

/** A new version of a document's file, sent as raw bytes with its name in the query. */
export function uploadDocumentFile(id: string, documentId: string, file: File, onProgress?: (progress: UploadProgress) => void, signal?: AbortSignal) {
  const path = `${paths.documentFiles(id, documentId)}?fileName=${encodeURIComponent(file.name)}`;
  return uploadFile({ path, body: file, schema: agreementDetailSchema, onProgress, signal });
}

export const createFromTemplate = (id: string, input: { parties: string[]; title?: string }) => writeJson('POST', paths.template(id), input, agreementDetailSchema);

/** A transition the lifecycle refused (409): every unmet guard, for the dialog to list. */
export class BlockedTransitionError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly reasons: GuardReasonDto[],
  ) {
    super(status, code, message);
    this.name = 'BlockedTransitionError';
  }
}

/**
 * `POST /api/agreements/{id}/transitions`. Read by hand rather than through `writeJson`, because
 * the 409 body carries `error.reasons`, which the shared error schema leaves out.
 */
export async function postTransition(id: string, input: TransitionRequest) {
  const token = currentSession()?.csrfToken;
  let response: Response;
  try {
    response = await fetch(paths.transitions(id), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json', ...(token ? { [CSRF_HEADER]: token } : {}) },
      body: JSON.stringify(input),
    });
  } catch (error) {
    throw new ApiError(0, CLIENT_ERROR_CODES.network, error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return transitionResultSchema.parse(await response.json());
  const blocked = transitionBlockedSchema.safeParse(await response.json().catch(() => undefined));
  if (!blocked.success) throw new ApiError(response.status, CLIENT_ERROR_CODES.http, `HTTP ${response.status}`);
  const { code, message, reasons = [] } = blocked.data.error;
  throw new BlockedTransitionError(response.status, code, message, reasons);
}
