import { useTranslation } from 'react-i18next';
import type { GuardReasonDto } from '../../../common/api/agreements.ts';
import { guardText, ruleLine } from './guard-messages.ts';

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Unmet guards or warnings, each in the reader's words when we have them, with the rule and its source. */
export function GuardList({ reasons, label, tone }: { reasons: readonly GuardReasonDto[]; label: string; tone: 'unmet' | 'warning' }) {
  const { i18n } = useTranslation();
  if (reasons.length === 0) return null;
  // Translations by reason code, when the agreement messages carry them; else the server's own message.
  const translations = stringRecord(i18n.getResource(i18n.language, 'translation', 'agreementGuards'));
  return (
    <ul className={`guard-list guard-${tone}`} aria-label={label}>
      {reasons.map((reason, index) => {
        const rule = ruleLine(reason);
        return (
          <li key={`${reason.code}-${index}`}>
            <span>{guardText(reason, translations)}</span>
            {/* Our words summarise; the server's names the document, party or date at fault. */}
            {Object.hasOwn(translations, reason.code) && <span className="guard-detail">{reason.message}</span>}
            {rule && <span className="guard-rule">{rule}</span>}
          </li>
        );
      })}
    </ul>
  );
}
