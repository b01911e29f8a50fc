import { ApiError } from '../../api/client.ts';

export interface FormProblems {
  /** The server's words about each field of the form, by field name. */
  byField: Record<string, string>;
  /** Problems that name no field of the form. */
  general: string[];
}

/**
 * Splits a refused write's message into problems per field, for showing each beside its field.
 * The server names fields as `body.endDate: Invalid date` (schema validation) or as
 * `endDate: … is before startDate` (domain rules); a nested path (`body.numbers.0.number`) counts
 * for its first part. Problems about other things (a party that is not a pemda) stay general.
 */
export function formProblems(error: unknown, fields: readonly string[]): FormProblems {
  const problems: FormProblems = { byField: {}, general: [] };
  if (!(error instanceof ApiError)) return problems;
  if (error.status !== 400 && error.status !== 409 && error.status !== 422) {
    problems.general.push(error.message);
    return problems;
  }
  const known = new Set(fields);
  for (const part of error.message.split(/; (?=[\w.[\]]+: )/)) {
    const match = /^(?:body\.|querystring\.)?([A-Za-z]\w*)[\w.[\]]*: ([\s\S]+)$/.exec(part);
    const field = match?.[1];
    const text = match?.[2];
    if (field && text && known.has(field)) {
      problems.byField[field] = problems.byField[field] ? `${problems.byField[field]}; ${text}` : text;
    } else {
      problems.general.push(part);
    }
  }
  return problems;
}
