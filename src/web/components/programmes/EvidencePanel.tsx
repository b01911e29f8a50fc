import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import { EVIDENCE_KINDS } from '../../../common/api/programmes.ts';
import type { Activity } from '../../../common/api/programmes.ts';
import { addEvidenceLink, uploadEvidence } from '../../api/programmes.ts';
import type { UploadProgress } from '../../api/upload.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { useEvidenceQuery } from '../../api/useEvidenceQuery.ts';
import { formatBytes, shortHash } from '../agreements/format.ts';
import { SelectField } from '../agreements/fields.tsx';
import { Problems } from '../agreements/Problems.tsx';
import { formProblems } from '../agreements/server-errors.ts';
import { ErrorMessage } from '../Status.tsx';
import { TextField } from '../TextField.tsx';

type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
type EvidenceInput = { kind: EvidenceKind; caption: string; file: File | null; url: string };

/** An activity's evidence (photos, attendance lists, documents, links), and a form to add more. */
export function EvidencePanel({ agreement, activity }: { agreement: AgreementDetail; activity: Activity }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const evidence = useEvidenceQuery(agreement.id, activity.id);
  const [kind, setKind] = useState<EvidenceKind>('photo');
  const [caption, setCaption] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const add = useAgreementWrite(agreement.id, (input: EvidenceInput) =>
    input.kind === 'link' ? addEvidenceLink(activity.id, { url: input.url, caption: input.caption }) : uploadEvidence(activity.id, { kind: input.kind, caption: input.caption, file: input.file ?? new File([], '') }, setProgress),
  );
  const server = formProblems(add.error, ['caption', 'url', 'kind', 'fileName']);
  const items = evidence.data?.items ?? [];
  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!caption.trim() || (kind === 'link' ? !url.trim() : !file)) return;
    const form = event.currentTarget;
    add.mutate(
      { kind, caption: caption.trim(), file, url: url.trim() },
      {
        onSuccess: () => {
          setCaption('');
          setUrl('');
          setFile(null);
          form.reset();
        },
      },
    );
  }

  return (
    <div className="evidence">
      <h4 id={`${id}-heading`}>{t('evidence.heading')}</h4>
      {evidence.isError && <ErrorMessage error={evidence.error} onRetry={() => void evidence.refetch()} />}
      {evidence.isSuccess && items.length === 0 && <p className="empty">{t('evidence.none')}</p>}
      {items.length > 0 && (
        <ul className="plain" aria-labelledby={`${id}-heading`}>
          {items.map((item) => (
            <li key={item.id}>
              <span className="badge">{t(`evidence.kinds.${item.kind}`)}</span>{' '}
              {item.url ? (
                <a href={item.url} rel="noreferrer noopener" target="_blank">
                  {item.caption}
                </a>
              ) : item.downloadUrl ? (
                <a href={item.downloadUrl}>{item.caption}</a>
              ) : (
                item.caption
              )}
              {item.file && (
                <span className="hint" title={item.file.sha256}>
                  {' '}
                  {item.file.name} · {formatBytes(item.file.size, i18n.language)} · SHA-256 {shortHash(item.file.sha256)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {agreement.canEdit && (
        <details className="panel">
          <summary>{t('evidence.add')}</summary>
          <form className="stack" onSubmit={handleSubmit} noValidate aria-label={`${t('evidence.add')}: ${activity.title}`}>
            <SelectField label={t('evidence.kind')} value={kind} onChange={(value) => setKind(value as EvidenceKind)}>
              {EVIDENCE_KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(`evidence.kinds.${value}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={t('evidence.caption')} value={caption} onChange={setCaption} error={server.byField.caption} maxLength={300} />
            {kind === 'link' ? (
              <TextField label={t('evidence.url')} hint={t('evidence.urlHint')} type="url" value={url} onChange={setUrl} error={server.byField.url} />
            ) : (
              <div className="field">
                <label htmlFor={`${id}-file`}>{t('evidence.file')}</label>
                <input id={`${id}-file`} type="file" accept="image/png,image/jpeg,image/webp,application/pdf,.docx" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
              </div>
            )}
            {add.isPending && kind !== 'link' && <progress max={100} value={percent} aria-label={t('documents.uploading', { percent })} />}
            <Problems items={server.general} />
            {add.isSuccess && (
              <p className="status" role="status">
                {t('evidence.saved')}
              </p>
            )}
            <button type="submit" className="primary" disabled={add.isPending}>
              {t('evidence.save')}
            </button>
          </form>
        </details>
      )}
    </div>
  );
}
