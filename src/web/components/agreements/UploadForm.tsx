import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDocument } from '../../../common/api/agreements.ts';
import { uploadDocumentFile } from '../../api/agreements.ts';
import type { UploadProgress } from '../../api/upload.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { useErrorText } from '../Status.tsx';

/** Uploads a document's file (a new version each time), with a progress bar; the server checks the type by content. */
export function UploadForm({ agreementId, document }: { agreementId: string; document: AgreementDocument }) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const upload = useAgreementWrite(agreementId, (chosen: File) => uploadDocumentFile(agreementId, document.id, chosen, setProgress));
  const errorText = useErrorText(upload.error);
  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  const latest = upload.data?.documents.find((entry) => entry.id === document.id)?.versions.at(-1);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    const form = event.currentTarget;
    setProgress({ loaded: 0, total: file.size });
    upload.mutate(file, {
      onSuccess: () => {
        setFile(null);
        form.reset();
      },
    });
  }

  return (
    <form className="stack upload-form" onSubmit={handleSubmit} aria-label={`${document.versions.length > 0 ? t('documents.uploadNew') : t('documents.upload')}: ${document.title}`}>
      <div className="field">
        <label htmlFor={id}>{t('documents.chooseFile')}</label>
        <p id={`${id}-hint`} className="hint">
          {t('documents.fileHint')}
        </p>
        <input
          id={id}
          type="file"
          accept="application/pdf,image/png,image/jpeg,image/webp,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          aria-describedby={upload.isError ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={upload.isError ? true : undefined}
        />
        {upload.isError && (
          <p id={`${id}-error`} className="field-error">
            {errorText}
          </p>
        )}
      </div>
      {upload.isPending && (
        <>
          <progress max={100} value={percent} aria-label={t('documents.uploading', { percent })} />
          <p className="status" role="status">
            {t('documents.uploading', { percent })}
          </p>
        </>
      )}
      {upload.isSuccess && latest && (
        <p className="status" role="status">
          {t('documents.uploaded', { version: latest.version })}
        </p>
      )}
      <button type="submit" disabled={!file || upload.isPending}>
        {document.versions.length > 0 ? t('documents.uploadNew') : t('documents.upload')}
      </button>
    </form>
  );
}
