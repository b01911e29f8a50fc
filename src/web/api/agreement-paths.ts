/**
 * The agreement, programme and results endpoints the web calls, in one place (the server's
 * routes are in src/server/agreements, programmes and results). Ids are encoded here once.
 */
const e = encodeURIComponent;
const agreement = (id: string) => `/api/agreements/${e(id)}`;

export const agreementPaths = {
  list: '/api/agreements',
  rules: '/api/agreement-rules',
  reminders: '/api/reminders',
  agreement,
  participants: (id: string) => `${agreement(id)}/participants`,
  participant: (id: string, participantId: string) => `${agreement(id)}/participants/${e(participantId)}`,
  people: (id: string) => `${agreement(id)}/people`,
  person: (id: string, personId: string) => `${agreement(id)}/people/${e(personId)}`,
  scopeItems: (id: string) => `${agreement(id)}/scope-items`,
  scopeItem: (id: string, itemId: string) => `${agreement(id)}/scope-items/${e(itemId)}`,
  documents: (id: string) => `${agreement(id)}/documents`,
  document: (id: string, documentId: string) => `${agreement(id)}/documents/${e(documentId)}`,
  documentFiles: (id: string, documentId: string) => `${agreement(id)}/documents/${e(documentId)}/files`,
  signatories: (id: string, documentId: string) => `${agreement(id)}/documents/${e(documentId)}/signatories`,
  signatory: (id: string, documentId: string, signatoryId: string) => `${agreement(id)}/documents/${e(documentId)}/signatories/${e(signatoryId)}`,
  transitions: (id: string) => `${agreement(id)}/transitions`,
  timeline: (id: string) => `${agreement(id)}/timeline`,
  template: (id: string) => `${agreement(id)}/template`,
};

export const programmePaths = {
  programme: (agreementId: string) => `${agreement(agreementId)}/programme`,
  programmeTransitions: (agreementId: string) => `${agreement(agreementId)}/programme/transitions`,
  programmeReminders: (agreementId: string) => `${agreement(agreementId)}/programme/reminders`,
  activities: (agreementId: string) => `${agreement(agreementId)}/activities`,
  activity: (activityId: string) => `/api/activities/${e(activityId)}`,
  evidence: (activityId: string) => `/api/activities/${e(activityId)}/evidence`,
  evidenceLinks: (activityId: string) => `/api/activities/${e(activityId)}/evidence/links`,
};

export const resultPaths = {
  framework: (agreementId: string) => `${agreement(agreementId)}/results`,
  indicators: (resultId: string) => `/api/results/${e(resultId)}/indicators`,
  periods: (indicatorId: string) => `/api/result-indicators/${e(indicatorId)}/periods`,
  period: (periodId: string) => `/api/result-periods/${e(periodId)}`,
  updates: (periodId: string) => `/api/result-periods/${e(periodId)}/updates`,
  update: (updateId: string) => `/api/result-updates/${e(updateId)}`,
  updateTransitions: (updateId: string) => `/api/result-updates/${e(updateId)}/transitions`,
};
