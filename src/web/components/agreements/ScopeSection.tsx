import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail, NewScopeItem, ScopeItem } from '../../../common/api/agreements.ts';
import { addScopeItem, removeScopeItem } from '../../api/agreements.ts';
import { useAgreementRulesQuery } from '../../api/useAgreementRulesQuery.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { TextField } from '../TextField.tsx';
import { CheckboxField, SelectField, TextAreaField } from './fields.tsx';
import { Problems } from './Problems.tsx';
import { RemoveButton } from './RemoveButton.tsx';
import { formProblems } from './server-errors.ts';

/** The fields of cooperation, each mapped to an urusan pemerintahan or flagged for TKKSD legal review. */
export function ScopeSection({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="scope-heading" className="workspace-section">
      <h2 id="scope-heading">{t('agreements.scope.heading')}</h2>
      <p className="hint">{t('agreements.scope.intro')}</p>
      {agreement.scopeItems.length === 0 && <p className="empty">{t('agreements.scope.none')}</p>}
      {agreement.scopeItems.length > 0 && (
        <ol className="cards scope-list" aria-labelledby="scope-heading">
          {agreement.scopeItems.map((item) => (
            <ScopeCard key={item.id} item={item} agreement={agreement} />
          ))}
        </ol>
      )}
      {agreement.canEdit && (
        <details className="panel add-box">
          <summary>{t('agreements.scope.add')}</summary>
          <ScopeItemForm agreementId={agreement.id} />
        </details>
      )}
    </section>
  );
}

function ScopeCard({ item, agreement }: { item: ScopeItem; agreement: AgreementDetail }) {
  const { t } = useTranslation();
  return (
    <li className="card" aria-label={item.label}>
      <p className="card-title">{item.label}</p>
      <p className="card-meta">{item.urusanName ? t('agreements.scope.urusanLine', { name: item.urusanName }) : t('agreements.scope.noUrusan')}</p>
      {item.needsLegalReview && (
        <p className="badges">
          <span className="badge severity-warning">{t('agreements.scope.legalReview')}</span>
        </p>
      )}
      {item.description && <p>{item.description}</p>}
      {item.reviewNote && <p className="hint">{item.reviewNote}</p>}
      {agreement.canEdit && <RemoveButton agreementId={agreement.id} name={item.label} remove={() => removeScopeItem(agreement.id, item.id)} />}
    </li>
  );
}

function ScopeItemForm({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const rules = useAgreementRulesQuery();
  const [label, setLabel] = useState('');
  const [urusanCode, setUrusanCode] = useState('');
  const [description, setDescription] = useState('');
  const [needsLegalReview, setNeedsLegalReview] = useState(false);
  const [checked, setChecked] = useState(false);
  const add = useAgreementWrite(agreementId, (input: NewScopeItem) => addScopeItem(agreementId, input));
  const server = formProblems(add.error, ['label', 'urusanCode', 'description']);
  const groups = ['wajib_pelayanan_dasar', 'wajib_non_pelayanan_dasar', 'pilihan'] as const;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!label.trim()) return;
    add.mutate(
      { label: label.trim(), urusanCode: urusanCode || null, description: description.trim() || null, needsLegalReview: needsLegalReview || undefined },
      {
        onSuccess: () => {
          setLabel('');
          setUrusanCode('');
          setDescription('');
          setNeedsLegalReview(false);
          setChecked(false);
        },
      },
    );
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <TextField label={t('agreements.scope.label')} value={label} onChange={setLabel} error={checked && !label.trim() ? t('agreements.form.required') : server.byField.label} maxLength={200} />
      <SelectField label={t('agreements.scope.urusan')} value={urusanCode} onChange={setUrusanCode} error={server.byField.urusanCode}>
        <option value="">{t('agreements.scope.noUrusan')}</option>
        {groups.map((group) => (
          <optgroup key={group} label={t(`agreements.scope.groups.${group}`)}>
            {(rules.data?.urusan ?? [])
              .filter((urusan) => urusan.group === group)
              .map((urusan) => (
                <option key={urusan.code} value={urusan.code}>
                  {urusan.name}
                </option>
              ))}
          </optgroup>
        ))}
      </SelectField>
      <TextAreaField label={t('agreements.scope.description')} value={description} onChange={setDescription} error={server.byField.description} maxLength={2000} />
      <CheckboxField label={t('agreements.scope.legalReviewBox')} checked={needsLegalReview} onChange={setNeedsLegalReview} />
      <Problems items={server.general} />
      <button type="submit" className="primary" disabled={add.isPending}>
        {t('agreements.scope.save')}
      </button>
    </form>
  );
}
