import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { importFileUrl } from '../../api/imports.ts';
import { useConfirmImportMutation } from '../../api/useConfirmImportMutation.ts';
import { useImportJobQuery } from '../../api/useImportJobQuery.ts';
import { ErrorMessage } from '../Status.tsx';
import { useFormatDate } from '../useFormatDate.ts';
import { fileState, reportPath } from './history.ts';
import { ImportErrors } from './ImportErrors.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportSummary } from './ImportSummary.tsx';
import { canConfirm, isFinished } from './wizard.ts';

/**
 * One import's report, opened from the history (`/impor?laporan=<id>`): which file (to download
 * again when kept; when the retention policy deleted it), when and by whom, how it ended, its
 * counts and errors; a clean dry run whose file was kept can be imported from here.
 */
export function ImportJobReport({ id }: { id: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [, navigate] = useLocation();
  const query = useImportJobQuery(id);
  const confirm = useConfirmImportMutation();
  const job = query.data;
  /** Why a job's file cannot be downloaded: deleted by the retention policy (when), or never kept. */
  const fileNote = (shown: NonNullable<typeof job>) => {
    const state = fileState(shown);
    if (state === 'deleted') return t('imports.history.deletedByRetention', { when: formatDate(shown.fileDeletedAt ?? '') });
    return t(state === 'household' ? 'imports.history.notKeptHousehold' : 'imports.history.notKeptOld');
  };

  return (
    <section className="import-step" aria-labelledby="import-job-report-heading">
      <h2 id="import-job-report-heading">{t('imports.history.reportTitle', { name: job?.fileName ?? '' })}</h2>
      {query.isError && <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
      {job && (
        <>
          <p>
            {t(job.dryRun ? 'imports.history.madeDryRun' : 'imports.history.madeImport', { when: formatDate(job.createdAt), who: job.createdBy ?? 'kembar' })}{' '}
            {t('imports.status', { status: t(`imports.statuses.${job.status}`) })}
          </p>
          <p className="actions">
            {fileState(job) === 'kept' ? (
              <a className="button" href={importFileUrl(job.id)} download={job.fileName}>
                {t('imports.history.downloadFile')}
              </a>
            ) : (
              <span className="hint">{fileNote(job)}</span>
            )}
          </p>
          {!isFinished(job.status) && <ImportProgress job={job} label={t(job.dryRun ? 'imports.checking' : 'imports.importing')} />}
          {isFinished(job.status) && (
            <>
              <ImportSummary job={job} />
              <ImportErrors job={job} />
              {canConfirm(job) && job.fileKept && (
                <p className="actions">
                  <button
                    type="button"
                    className="primary"
                    disabled={confirm.isPending}
                    onClick={() => confirm.mutate(job.id, { onSuccess: ({ id: started }) => navigate(reportPath(started)) })}
                  >
                    {t('imports.confirm')}
                  </button>
                </p>
              )}
              {confirm.isError && <ErrorMessage error={confirm.error} />}
            </>
          )}
        </>
      )}
    </section>
  );
}
