import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import * as indonesian from '@zxcvbn-ts/language-id';
import { PASSWORD_MIN_LENGTH } from '../../common/roles.ts';
import { InvalidRequestError } from '../errors.ts';

/** Lowest zxcvbn score accepted (0–4): 3 is "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;

const strength = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary, ...indonesian.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum recommendation). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Rejects short, common and guessable passwords (Indonesian and English dictionaries, keyboard
 * patterns, and the user's own name and email), with the reason in the message.
 */
export async function assertStrongPassword(password: string, userInputs: readonly string[]): Promise<void> {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new InvalidRequestError(`password: must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  const lowered = password.toLowerCase();
  const personal = userInputs.map((input) => input.trim().toLowerCase()).filter((input) => input.length >= 4);
  if (personal.some((input) => lowered.includes(input) || lowered.includes(input.split('@')[0] ?? input))) {
    throw new InvalidRequestError('password: must not contain your email address or name');
  }
  const inputs = userInputs.flatMap((input) => input.toLowerCase().split(/[^a-z0-9]+/)).filter((part) => part.length >= 3);
  const result = await strength.checkAsync(password, [...inputs, 'kembar', 'sanitasi', 'stbm']);
  if (result.score < MIN_SCORE) {
    const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
    throw new InvalidRequestError(`password: too easy to guess${hint ? ` (${hint})` : ''}; use a longer phrase of unrelated words`);
  }
}
