import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ImportJob } from '../../../common/api/imports.ts';
import { useAreaQuery } from '../../api/useAreaQuery.ts';
import { ErrorMessage } from '../Status.tsx';
import { ImportErrors } from './ImportErrors.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportSummary } from './ImportSummary.tsx';
import { canConfirm, isFinished } from './wizard.ts';

/** Moves focus to a heading when it appears, so keyboard and screen-reader users land on the outcome. */
function useFocusOnShow(shown: boolean) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  return ref;
}

interface ImportReportProps {
  query: UseQueryResult<ImportJob>;
  /** The real import has been started from this report. */
  confirmed: boolean;
  starting: boolean;
  onConfirm: () => void;
}

/** Step 3: the dry run's progress, then its counts and problems; "Impor sekarang" only when it found none. */
export function ImportReport({ query, confirmed, starting, onConfirm }: ImportReportProps) {
  const { t } = useTranslation();
  const job = query.data;
  const finished = job !== undefined && isFinished(job.status);
  const heading = useFocusOnShow(finished);

  return (
    <section className="import-step" aria-labelledby="import-report-heading">
      <h2 id="import-report-heading" ref={heading} tabIndex={-1}>
        {t('imports.steps.check')}
      </h2>
      {query.isError && <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
      {!finished && !query.isError && <ImportProgress job={job} label={t('imports.checking')} />}
      {finished && (
        <>
          <h3>{t('imports.report')}</h3>
          <ImportSummary job={job} />
          {job.errorCount > 0 ? (
            <p className="import-verdict bad" role="alert">
              {t('imports.errorCount', { count: job.errorCount })}
            </p>
          ) : job.status === 'failed' ? (
            <p className="import-verdict bad" role="alert">
              {t('imports.failed')}
            </p>
          ) : (
            <p className="import-verdict good">{t('imports.noErrors')}</p>
          )}
          <ImportErrors job={job} />
          {canConfirm(job) && !confirmed && (
            <p className="actions">
              <button type="button" className="primary" disabled={starting} onClick={onConfirm}>
                {t('imports.confirm')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** Step 4: the real import's progress bar, then what it wrote and a way to the area's figures. */
export function ImportResult({ query, areaCode }: { query: UseQueryResult<ImportJob>; areaCode: string }) {
  const { t } = useTranslation();
  const job = query.data;
  const finished = job !== undefined && isFinished(job.status);
  const heading = useFocusOnShow(finished);
  const code = job?.areaCode ?? areaCode;

  return (
    <section className="import-step" aria-labelledby="import-result-heading">
      <h2 id="import-result-heading" ref={heading} tabIndex={-1}>
        {t('imports.steps.import')}
      </h2>
      {query.isError && <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
      {!finished && !query.isError && <ImportProgress job={job} label={t('imports.importing')} />}
      {finished && (
        <>
          <h3>{t('imports.result')}</h3>
          <p className={job.status === 'succeeded' ? 'import-verdict good' : 'import-verdict bad'} role="status">
            {job.status === 'succeeded' ? t('imports.done') : t('imports.failed')}
          </p>
          <ImportSummary job={job} />
          <ImportErrors job={job} />
          {job.status === 'succeeded' && code && <FiguresLink code={code} />}
        </>
      )}
    </section>
  );
}

function FiguresLink({ code }: { code: string }) {
  const { t } = useTranslation();
  const area = useAreaQuery(code);
  return (
    <p>
      <Link href={`/wilayah/${code}`} className="button primary">
        {t('imports.seeFigures', { area: area.data?.name ?? code })}
      </Link>
    </p>
  );
}
