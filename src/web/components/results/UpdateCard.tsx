import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import type { CurrentUser } from '../../../common/api/auth.ts';
import type { ResultIndicator, ResultUpdate } from '../../../common/api/results.ts';
import type { UpdateAction } from '../../../common/result-update-workflow.ts';
import { moveUpdate } from '../../api/programmes.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { TextAreaField } from '../agreements/fields.tsx';
import { ErrorMessage } from '../Status.tsx';
import { useFormatDate } from '../useFormatDate.ts';
import { useIndicatorValue } from './useIndicatorValue.ts';

/**
 * One update with its status and the steps open to the reader: the submitter submits (again after a
 * return); the partner's coordinator returns (with a comment) or approves. Nobody reviews their own update.
 */
export function UpdateCard({ agreement, indicator, update, user, locked }: { agreement: AgreementDetail; indicator: ResultIndicator; update: ResultUpdate; user: CurrentUser | null; locked: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const value = useIndicatorValue(indicator);
  const [comment, setComment] = useState('');
  const step = useAgreementWrite(agreement.id, (action: UpdateAction) => moveUpdate(update.id, action, comment.trim() || null));
  const ownSubmission = update.submittedBy !== null && update.submittedBy === user?.email;
  const actions = locked || !user ? [] : update.nextActions.filter((action) => (action === 'submit' ? agreement.canEdit : !ownSubmission));
  const shown =
    indicator.measure === 'percentage' && update.numerator !== null && update.denominator
      ? `${value.format((100 * update.numerator) / update.denominator)} (${update.numerator}/${update.denominator})`
      : value.format(update.value);
  const labelId = `update-${update.id}`;

  return (
    <li className={`update update-${update.status}`} aria-labelledby={labelId}>
      <p id={labelId}>
        <span className={`badge update-status-${update.status}`}>{t(`results.updateStatuses.${update.status}`)}</span> {shown}
      </p>
      {update.narrative && <p className="prose">{update.narrative}</p>}
      <p className="card-meta">
        {update.submittedBy && update.submittedAt && `${t('results.submittedBy', { email: update.submittedBy })} · ${formatDate(update.submittedAt)}`}
        {update.reviewedBy && update.reviewedAt && ` · ${t('results.reviewedBy', { email: update.reviewedBy })} · ${formatDate(update.reviewedAt)}`}
      </p>
      {update.reviewComment && <p className="prose review-comment">{update.reviewComment}</p>}
      {actions.length > 0 && (
        <div className="stack">
          {actions.includes('return') && <TextAreaField label={t('results.comment')} hint={t('results.commentHint')} value={comment} onChange={setComment} rows={2} maxLength={2000} />}
          {step.isError && <ErrorMessage error={step.error} />}
          <div className="actions">
            {actions.map((action) => (
              <button key={action} type="button" className={action === 'approve' || action === 'submit' ? 'primary' : undefined} disabled={step.isPending} onClick={() => step.mutate(action)}>
                {t(`results.actions.${action}`)}
              </button>
            ))}
          </div>
        </div>
      )}
    </li>
  );
}
