import { useTranslation } from 'react-i18next';

/** "Data contoh": the figure includes example (demo) values, invented for trying Kembar out, never real. */
export function ExampleBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge example" title={t('indicators.exampleHint')}>
      {t('indicators.example')}
    </span>
  );
}
