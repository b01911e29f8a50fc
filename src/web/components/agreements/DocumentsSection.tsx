import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail, CreateDocument } from '../../../common/api/agreements.ts';
import { DOCUMENT_KINDS } from '../../../common/agreements/vocabulary.ts';
import type { DocumentKind } from '../../../common/agreements/vocabulary.ts';
import { createDocument } from '../../api/agreements.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { TextField } from '../TextField.tsx';
import { DocumentCard } from './DocumentCard.tsx';
import { SelectField } from './fields.tsx';
import { Problems } from './Problems.tsx';
import { formProblems } from './server-errors.ts';

/** The naskah (KB, PKS, adendum…) and supporting documents, each with its numbers, signatories, clauses and file versions. */
export function DocumentsSection({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="documents-heading" className="workspace-section">
      <h2 id="documents-heading">{t('documents.heading')}</h2>
      <p className="hint">{t('documents.intro')}</p>
      {agreement.documents.length === 0 && <p className="empty">{t('documents.none')}</p>}
      {agreement.documents.length > 0 && (
        <ul className="cards" aria-labelledby="documents-heading">
          {agreement.documents.map((document) => (
            <DocumentCard key={document.id} agreement={agreement} document={document} />
          ))}
        </ul>
      )}
      {agreement.canEdit && (
        <details className="panel add-box">
          <summary>{t('documents.add')}</summary>
          <NewDocumentForm agreementId={agreement.id} />
        </details>
      )}
    </section>
  );
}

function NewDocumentForm({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<DocumentKind>('kb');
  const [title, setTitle] = useState('');
  const [signedOn, setSignedOn] = useState('');
  const [signedPlace, setSignedPlace] = useState('');
  const [checked, setChecked] = useState(false);
  const create = useAgreementWrite(agreementId, (input: CreateDocument) => createDocument(agreementId, input));
  const server = formProblems(create.error, ['kind', 'title', 'signedOn', 'signedPlace']);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!title.trim()) return;
    create.mutate(
      { kind, title: title.trim(), signedOn: signedOn || null, signedPlace: signedPlace.trim() || null },
      {
        onSuccess: () => {
          setTitle('');
          setSignedOn('');
          setSignedPlace('');
          setChecked(false);
        },
      },
    );
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <SelectField label={t('documents.kind')} value={kind} onChange={(value) => setKind(value as DocumentKind)} error={server.byField.kind}>
        {DOCUMENT_KINDS.map((value) => (
          <option key={value} value={value}>
            {t(`documents.kinds.${value}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('documents.title')} value={title} onChange={setTitle} error={checked && !title.trim() ? t('agreements.form.required') : server.byField.title} maxLength={300} />
      <TextField label={t('documents.signedOn')} type="date" value={signedOn} onChange={setSignedOn} error={server.byField.signedOn} />
      <TextField label={t('documents.signedPlace')} value={signedPlace} onChange={setSignedPlace} error={server.byField.signedPlace} maxLength={300} />
      <Problems items={server.general} />
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('documents.create')}
      </button>
    </form>
  );
}
