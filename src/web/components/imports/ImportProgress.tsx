import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../common/api/imports.ts';
import { progressFraction } from './wizard.ts';

/** A bar with rows done of total while a job runs; an indeterminate bar until the file has been read. */
export function ImportProgress({ job, label }: { job: ImportJob | undefined; label: string }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const fraction = job ? progressFraction(job) : null;
  const text = job
    ? job.total > 0
      ? t('imports.progress', { done: number.format(job.processed), total: number.format(job.total) })
      : t('imports.progressUnknown', { done: number.format(job.processed) })
    : label;

  return (
    <div className="import-progress" role="status">
      <p>{label}</p>
      {fraction === null ? <progress aria-label={label} /> : <progress aria-label={label} value={fraction} max={1} aria-valuetext={text} />}
      <p className="hint">{text}</p>
    </div>
  );
}

/** The upload itself, which is what takes time on a slow phone link: kilobytes sent of the file's size. */
export function UploadBar({ loaded, total }: { loaded: number; total: number }) {
  const { t, i18n } = useTranslation();
  const kilobytes = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const label = t('imports.uploading');
  const text = t('imports.uploaded', { done: kilobytes.format(loaded / 1024), total: kilobytes.format(total / 1024) });
  return (
    <div className="import-progress" role="status">
      <p>{label}</p>
      {total > 0 ? <progress aria-label={label} value={loaded} max={total} aria-valuetext={text} /> : <progress aria-label={label} />}
      {total > 0 && <p className="hint">{text}</p>}
    </div>
  );
}
