import { useTranslation } from 'react-i18next';
import type { AgreementDetail, AgreementDocument } from '../../../common/api/agreements.ts';
import { SIGNED_DOCUMENT_KINDS } from '../../../common/agreements/vocabulary.ts';
import type { ClauseKey } from '../../../common/agreements/vocabulary.ts';
import { removeSignatory } from '../../api/agreements.ts';
import { useFormatDate } from '../useFormatDate.ts';
import { DocumentEditForm } from './DocumentEditForm.tsx';
import { formatBytes, formatDay, shortHash } from './format.ts';
import { RemoveButton } from './RemoveButton.tsx';
import { SignatoryForm } from './SignatoryForm.tsx';
import { Sources } from './Sources.tsx';
import { UploadForm } from './UploadForm.tsx';

/** One document: kind and title, signing date and place, numbers per party, signatories, clause checklist and file versions. */
export function DocumentCard({ agreement, document }: { agreement: AgreementDetail; document: AgreementDocument }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const formatDate = useFormatDate();
  const signed = SIGNED_DOCUMENT_KINDS.has(document.kind);
  const titleId = `document-${document.id}`;
  const parties = agreement.participants.filter((participant) => participant.role === 'pihak');
  const clauseNames = (keys: readonly ClauseKey[]) => keys.map((key) => t(`documents.clauseNames.${key}`)).join(', ');

  return (
    <li className="card document-card" aria-labelledby={titleId}>
      <p className="badges">
        <span className="badge">{t(`documents.kinds.${document.kind}`)}</span>
      </p>
      <p className="card-title" id={titleId}>
        {document.title}
      </p>
      <p className="card-meta">
        {document.signedOn
          ? document.signedPlace
            ? t('documents.signedLine', { date: formatDay(document.signedOn, language), place: document.signedPlace })
            : t('documents.signedDateOnly', { date: formatDay(document.signedOn, language) })
          : t('documents.notSigned')}
      </p>
      {signed && (
        <>
          <h4>{t('documents.numbers')}</h4>
          <ul className="plain">
            {parties.map((party) => {
              const number = document.numbers.find((entry) => entry.organisation.code === party.organisation.code)?.number;
              return (
                <li key={party.id}>
                  {t('documents.numberOf', { name: party.organisation.name })}: {number ?? <em>{t('documents.noNumber')}</em>}
                </li>
              );
            })}
          </ul>
          <h4>{t('documents.signatories')}</h4>
          {document.signatories.length === 0 && <p className="empty">{t('documents.noSignatories')}</p>}
          <ul className="plain" aria-label={t('documents.signatories')}>
            {document.signatories.map((signatory) => (
              <li key={signatory.id}>
                {signatory.name ?? <em>{t('agreements.participants.nameUnknown')}</em>}, {signatory.position} ({signatory.organisation.name}) · {t(`documents.capacities.${signatory.capacity}`)}{' '}
                {agreement.canEdit && <RemoveButton agreementId={agreement.id} name={signatory.name ?? signatory.position} remove={() => removeSignatory(agreement.id, document.id, signatory.id)} />}
              </li>
            ))}
          </ul>
          {document.clauses.length > 0 && <p className="card-meta">{t('documents.presentClauses', { list: clauseNames(document.clauses) })}</p>}
          {document.missingClauses.length > 0 && <p className="hint warning-line">{t('documents.missingClauses', { list: clauseNames(document.missingClauses) })}</p>}
        </>
      )}
      <h4>{t('documents.files')}</h4>
      {document.versions.length === 0 && <p className="empty">{t('documents.noFiles')}</p>}
      <ul className="plain versions">
        {document.versions.map((version) => (
          <li key={version.version}>
            <a href={version.downloadUrl} download={version.fileName}>
              {t('documents.version', { version: version.version })}
            </a>{' '}
            {t('documents.versionLine', { name: version.fileName, size: formatBytes(version.sizeBytes, language), date: formatDate(version.uploadedAt) })}
            <br />
            <span className="hash" title={version.sha256}>
              {t('documents.sha256')} {shortHash(version.sha256)}
            </span>
          </li>
        ))}
      </ul>
      {document.note && <p className="prose">{document.note}</p>}
      <Sources sources={document.sources} />
      {agreement.canEdit && (
        <div className="document-tools">
          <UploadForm agreementId={agreement.id} document={document} />
          <details className="panel">
            <summary>{t('documents.details')}</summary>
            <DocumentEditForm agreement={agreement} document={document} />
          </details>
          {signed && (
            <details className="panel">
              <summary>{t('documents.addSignatory')}</summary>
              <SignatoryForm agreement={agreement} document={document} />
            </details>
          )}
        </div>
      )}
    </li>
  );
}
