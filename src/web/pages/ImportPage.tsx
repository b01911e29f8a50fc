import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import type { CurrentUser } from '../../common/api/auth.ts';
import type { ImportFormat } from '../../common/api/imports.ts';
import { useConfirmImportMutation } from '../api/useConfirmImportMutation.ts';
import { useImportJobQuery } from '../api/useImportJobQuery.ts';
import { useStartImportMutation } from '../api/useStartImportMutation.ts';
import { Forbidden } from '../components/AccessDenied.tsx';
import { FormatChoice } from '../components/imports/FormatChoice.tsx';
import { ImportFields } from '../components/imports/ImportFields.tsx';
import { ImportHistory } from '../components/imports/ImportHistory.tsx';
import { ImportJobReport } from '../components/imports/ImportJobReport.tsx';
import type { ImportFieldValues } from '../components/imports/ImportFields.tsx';
import { ImportReport, ImportResult } from '../components/imports/ImportOutcome.tsx';
import { UploadBar } from '../components/imports/ImportProgress.tsx';
import { canImport, checkArea, checkPeriod, fileFits } from '../components/imports/wizard.ts';
import { RequireSession } from '../components/RequireSession.tsx';
import { ErrorMessage } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import '../i18n/imports.ts';

/**
 * `/impor`: the import wizard. Choose the kind of file, the area and period, upload; a dry run
 * reports what would be written and every problem by row and column; only a clean dry run can be
 * confirmed (from the file the server kept: no second upload), and the real import then shows its
 * progress and result. `?wilayah=` preselects the area. Below, the user's import history;
 * `?laporan=<id>` opens one import's report from it.
 */
export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('imports.title'));
  return (
    <RequireSession>
      {({ user }) => (canImport(user) ? <ImportWizard user={user} /> : <Forbidden reason={t('imports.notAllowed')} />)}
    </RequireSession>
  );
}

function ImportWizard({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [format, setFormat] = useState<ImportFormat>('stbm-recap');
  const [values, setValues] = useState<ImportFieldValues>(() => ({
    area: params.get('wilayah') ?? user.organisation.areaCode ?? '',
    period: '',
    set: 'stbm',
    file: null,
  }));
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const start = useStartImportMutation();
  const confirm = useConfirmImportMutation();
  const dryRun = useImportJobQuery(dryRunId);
  const realImport = useImportJobQuery(importId);
  const report = params.get('laporan');

  const wrongFile = values.file !== null && !fileFits(format, values.file.name);
  const fieldsOk = checkArea(values.area) === null && checkPeriod(values.period) === null && !wrongFile;
  const busy = start.isPending || (dryRun.data !== undefined && !['succeeded', 'failed'].includes(dryRun.data.status) && importId === null);

  // A real import changes figures everywhere: area pages must ask again.
  const importDone = realImport.data?.status === 'succeeded';
  useEffect(() => {
    if (importDone) void queryClient.invalidateQueries({ queryKey: ['values'] });
  }, [importDone, queryClient]);
  // The history shows how the latest jobs ended.
  const finishedJobs = [dryRun.data, realImport.data].filter((job) => job && ['succeeded', 'failed'].includes(job.status)).length;
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: ['imports', 'history'] });
  }, [finishedJobs, dryRunId, importId, queryClient]);

  /** Any change to what would be sent makes the last check stale. */
  function reset() {
    setDryRunId(null);
    setImportId(null);
    start.reset();
    confirm.reset();
  }

  /** The clean dry run's file is on the server already: import that one; a file it did not keep (household) goes up again. */
  function confirmDryRun() {
    if (dryRunId !== null && dryRun.data?.fileKept) confirm.mutate(dryRunId, { onSuccess: ({ id }) => setImportId(id) });
    else upload(false);
  }

  function upload(asDryRun: boolean) {
    if (!values.file) return;
    start.mutate(
      { file: values.file, format, dryRun: asDryRun, period: values.period.trim() || undefined, area: values.area.trim() || undefined },
      { onSuccess: ({ id }) => (asDryRun ? setDryRunId(id) : setImportId(id)) },
    );
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setDryRunId(null);
    setImportId(null);
    upload(true);
  }

  return (
    <>
      <h1>{t('imports.title')}</h1>
      <p className="lead">{t('imports.intro')}</p>
      {report !== null && <ImportJobReport key={report} id={report} />}
      <form className="stack import-form" onSubmit={handleSubmit} noValidate>
        <FormatChoice
          format={format}
          onChange={(next) => {
            setFormat(next);
            reset();
          }}
        />
        <ImportFields
          format={format}
          values={values}
          wrongFile={wrongFile}
          onChange={(next) => {
            setValues(next);
            reset();
          }}
        />
        <p className="actions">
          <button type="submit" className="primary" disabled={!values.file || !fieldsOk || busy || importId !== null}>
            {t('imports.dryRun')}
          </button>
        </p>
        {start.isPending && start.upload && <UploadBar loaded={start.upload.loaded} total={start.upload.total} />}
        {start.isError && <ErrorMessage error={start.error} />}
      </form>
      {dryRunId !== null && (
        <ImportReport
          query={dryRun}
          confirmed={importId !== null}
          starting={start.isPending || confirm.isPending}
          onConfirm={confirmDryRun}
        />
      )}
      {confirm.isError && <ErrorMessage error={confirm.error} />}
      {importId !== null && <ImportResult query={realImport} areaCode={values.area.trim()} />}
      <ImportHistory />
    </>
  );
}
