import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import type { CurrentUser } from '../../../common/api/auth.ts';
import { updateAgreement } from '../../api/agreements.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { WorkPlanSection } from '../programmes/WorkPlanSection.tsx';
import { ResultsSection } from '../results/ResultsSection.tsx';
import { Forbidden } from '../AccessDenied.tsx';
import { AgreementForm } from './AgreementForm.tsx';
import type { AgreementFormValues } from './AgreementForm.tsx';
import { DocumentsSection } from './DocumentsSection.tsx';
import { Overview } from './Overview.tsx';
import { ParticipantsSection } from './ParticipantsSection.tsx';
import { ScopeSection } from './ScopeSection.tsx';
import type { Section } from './sections.ts';
import { TimelineSection } from './TimelineSection.tsx';

interface WorkspaceSectionProps {
  agreement: AgreementDetail;
  section: Section | 'edit';
  user: CurrentUser | null;
}

/** The chosen section of the workspace. */
export function WorkspaceSection({ agreement, section, user }: WorkspaceSectionProps) {
  switch (section) {
    case 'overview':
      return <Overview agreement={agreement} />;
    case 'participants':
      return <ParticipantsSection agreement={agreement} />;
    case 'scope':
      return <ScopeSection agreement={agreement} />;
    case 'documents':
      return <DocumentsSection agreement={agreement} />;
    case 'timeline':
      return <TimelineSection agreement={agreement} />;
    case 'workplan':
      return <WorkPlanSection agreement={agreement} />;
    case 'results':
      return <ResultsSection agreement={agreement} user={user} />;
    case 'edit':
      return agreement.canEdit ? <EditAgreement agreement={agreement} /> : <Forbidden />;
  }
}

function EditAgreement({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const save = useAgreementWrite(agreement.id, (values: AgreementFormValues) => updateAgreement(agreement.id, values));
  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t('agreements.form.editTitle')}</h2>
      <AgreementForm
        agreement={agreement}
        pending={save.isPending}
        error={save.error}
        onSubmit={(values) => save.mutate(values, { onSuccess: () => navigate(`/kerja-sama/${agreement.id}`) })}
        onCancel={() => navigate(`/kerja-sama/${agreement.id}`)}
      />
    </section>
  );
}
