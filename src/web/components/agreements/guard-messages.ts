import type { GuardReasonDto } from '../../../common/api/agreements.ts';
import { ApiError } from '../../api/client.ts';
import { BlockedTransitionError } from '../../api/agreements.ts';

/**
 * The unmet guards of a refused transition, as the dialog lists them: every reason the 409
 * carried, or, for another refusal (403, 400), that one message as a single reason.
 */
export function refusalReasons(error: unknown): GuardReasonDto[] {
  if (error instanceof BlockedTransitionError && error.reasons.length > 0) return error.reasons;
  if (error instanceof ApiError) return [{ code: error.code, message: error.message, ruleId: null, source: null }];
  return [];
}

/**
 * A reason in the reader's words: our translation when we have one for its code, else the
 * server's message, which names the document, party or field at fault.
 */
export function guardText(reason: GuardReasonDto, translations: Readonly<Record<string, string>>): string {
  return Object.hasOwn(translations, reason.code) ? (translations[reason.code] ?? reason.message) : reason.message;
}

/** Where a rule comes from, for the line under a reason: "kb.signed · PP 28/2018 Pasal 2 …"; null when the reason names no rule. */
export function ruleLine(reason: GuardReasonDto): string | null {
  const parts = [reason.ruleId, reason.source].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' · ') : null;
}
