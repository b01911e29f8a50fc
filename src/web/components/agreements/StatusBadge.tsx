import { useTranslation } from 'react-i18next';
import type { AgreementStatus } from '../../../common/agreements/vocabulary.ts';
import { statusTone } from './labels.ts';

/** The lifecycle status as a coloured badge, its name in the reader's language. */
export function StatusBadge({ status }: { status: AgreementStatus }) {
  const { t } = useTranslation();
  return <span className={`badge tone-${statusTone(status)}`}>{t(`agreements.statuses.${status}`)}</span>;
}
