import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AuditEntry } from '../../../common/api/audit.ts';
import { useFormatDate } from '../useFormatDate.ts';
import { fieldChanges } from './audit-diff.ts';
import type { FieldChange } from './audit-diff.ts';
import { AuditValue } from './AuditValue.tsx';
import { entityLabel, fieldLabel } from './labels.ts';

/** One audited change: when, who, what happened to which record, and field by field what changed. */
export function AuditEntryCard({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const changes = fieldChanges(entry);
  const entity = entityLabel(t, entry.entity);
  const actor = entry.actor.email ?? entry.actor.label;
  const recordHref = `/riwayat?entity=${encodeURIComponent(entry.entity)}&id=${encodeURIComponent(entry.entityId)}`;

  return (
    <li className="card audit-entry">
      <p className="card-meta">
        <time dateTime={entry.at}>{formatDate(entry.at)}</time> · {t('audit.by', { actor })}
      </p>
      <p className="card-title">
        <span className={`badge action-${entry.action}`}>{t(`audit.actions.${entry.action}`)}</span> {entity} <code className="record-id">{entry.entityId}</code>
      </p>
      {changes.length === 0 ? (
        <p className="empty">{t('audit.noChanges')}</p>
      ) : (
        <dl className="diff" aria-label={t('audit.changes')}>
          {changes.map((change) => (
            <ChangeRow key={change.field} change={change} />
          ))}
        </dl>
      )}
      <p className="card-links">
        <Link href={recordHref}>{t('audit.onlyRecord')}</Link>
        {entry.actor.userId && <Link href={`/riwayat?user=${encodeURIComponent(entry.actor.userId)}`}>{t('audit.onlyActor', { actor })}</Link>}
      </p>
    </li>
  );
}

function ChangeRow({ change }: { change: FieldChange }) {
  const { t } = useTranslation();
  const { field } = change;
  const hasBefore = 'before' in change;
  const hasAfter = 'after' in change;
  return (
    <div>
      <dt>{fieldLabel(t, field)}</dt>
      <dd>
        {hasBefore && (
          <del>
            <span className="visually-hidden">{t('audit.before')}: </span>
            <AuditValue field={field} value={change.before} />
          </del>
        )}
        {hasBefore && hasAfter && <span aria-hidden="true"> → </span>}
        {hasAfter && (
          <ins>
            <span className="visually-hidden">{t('audit.after')}: </span>
            <AuditValue field={field} value={change.after} />
          </ins>
        )}
      </dd>
    </div>
  );
}
