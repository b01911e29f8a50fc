import type { z } from 'zod';
import {
  activityListSchema,
  activitySchema,
  evidenceListSchema,
  evidenceSchema,
  programmeSchema,
  programmeReminderListSchema,
  programmeTransitionResultSchema,
} from '../../common/api/programmes.ts';
import type { activityInputSchema, activityPatchSchema, EvidenceLinkInput, Programme, SaveProgramme } from '../../common/api/programmes.ts';
import {
  periodSchema,
  resultsFrameworkSchema,
  resultUpdateListSchema,
  resultUpdateSchema,
} from '../../common/api/results.ts';
import type { CreateIndicator, CreatePeriod, CreateResult, PatchPeriod, UpdateInput, createIndicatorSchema } from '../../common/api/results.ts';
import type { ProgrammeStage } from '../../common/programme-stages.ts';
import type { UpdateAction } from '../../common/result-update-workflow.ts';
import { programmePaths, resultPaths } from './agreement-paths.ts';
import { ApiError, getJson } from './client.ts';
import { uploadFile } from './upload.ts';
import type { UploadProgress } from './upload.ts';
import { writeJson } from './write.ts';

export type ActivityInput = z.input<typeof activityInputSchema>;
export type ActivityPatch = z.input<typeof activityPatchSchema>;
export type IndicatorInput = z.input<typeof createIndicatorSchema>;

// Programme and work plan ----------------------------------------------------------------------

/** The agreement's programme, or null while none was started (the API answers 404). */
export async function fetchProgramme(agreementId: string, signal?: AbortSignal): Promise<Programme | null> {
  try {
    return await getJson(programmePaths.programme(agreementId), programmeSchema, signal);
  } catch (error) {
    if (error instanceof ApiError && error.isNotFound) return null;
    throw error;
  }
}
export const saveProgramme = (agreementId: string, input: SaveProgramme) => writeJson('PUT', programmePaths.programme(agreementId), input, programmeSchema);
export const moveProgramme = (agreementId: string, to: ProgrammeStage, note: string | null) =>
  writeJson('POST', programmePaths.programmeTransitions(agreementId), { to, note }, programmeTransitionResultSchema);

export const fetchProgrammeReminders = (agreementId: string, signal?: AbortSignal) => getJson(programmePaths.programmeReminders(agreementId), programmeReminderListSchema, signal);

export const fetchActivities = (agreementId: string, signal?: AbortSignal) => getJson(programmePaths.activities(agreementId), activityListSchema, signal);
export const createActivity = (agreementId: string, input: ActivityInput) => writeJson('POST', programmePaths.activities(agreementId), input, activitySchema);
export const updateActivity = (activityId: string, input: ActivityPatch) => writeJson('PATCH', programmePaths.activity(activityId), input, activitySchema);

export const fetchEvidence = (activityId: string, signal?: AbortSignal) => getJson(programmePaths.evidence(activityId), evidenceListSchema, signal);
export const addEvidenceLink = (activityId: string, input: EvidenceLinkInput) => writeJson('POST', programmePaths.evidenceLinks(activityId), input, evidenceSchema);

/** A photo, attendance list or document: the file as the request body, kind, caption and name in the query. */
export function uploadEvidence(
  activityId: string,
  input: { kind: 'photo' | 'attendance_list' | 'document'; caption: string; file: File },
  onProgress?: (progress: UploadProgress) => void,
) {
  const query = new URLSearchParams({ kind: input.kind, caption: input.caption, fileName: input.file.name });
  return uploadFile({ path: `${programmePaths.evidence(activityId)}?${query.toString()}`, body: input.file, schema: evidenceSchema, onProgress });
}

// Results framework --------------------------------------------------------------------------

export const fetchResults = (agreementId: string, signal?: AbortSignal) => getJson(resultPaths.framework(agreementId), resultsFrameworkSchema, signal);
export const createResult = (agreementId: string, input: CreateResult) => writeJson('POST', resultPaths.framework(agreementId), input, resultsFrameworkSchema);
export const createIndicator = (resultId: string, input: IndicatorInput | CreateIndicator) => writeJson('POST', resultPaths.indicators(resultId), input, resultsFrameworkSchema);
export const createPeriod = (indicatorId: string, input: CreatePeriod) => writeJson('POST', resultPaths.periods(indicatorId), input, periodSchema);
export const patchPeriod = (periodId: string, input: PatchPeriod) => writeJson('PATCH', resultPaths.period(periodId), input, periodSchema);

export const fetchUpdates = (periodId: string, signal?: AbortSignal) => getJson(resultPaths.updates(periodId), resultUpdateListSchema, signal);
export const createUpdate = (periodId: string, input: UpdateInput) => writeJson('POST', resultPaths.updates(periodId), input, resultUpdateSchema);
export const editUpdate = (updateId: string, input: UpdateInput) => writeJson('PATCH', resultPaths.update(updateId), input, resultUpdateSchema);
export const moveUpdate = (updateId: string, action: UpdateAction, comment: string | null) =>
  writeJson('POST', resultPaths.updateTransitions(updateId), { action, comment }, resultUpdateSchema);
