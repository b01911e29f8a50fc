import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { id } from './id.ts';
import type { Messages } from './id.ts';
import type { AccountMessages } from './accounts.id.ts';
import type { DataEntryMessages } from './data-entry.id.ts';
import type { IndicatorsMessages } from './indicators.id.ts';
import type { IndicatorBrowserMessages } from './indicator-browser.id.ts';
import type { ImportsMessages } from './imports.id.ts';
import type { AgreementsMessages } from './agreements.id.ts';
import type { AgreementWorkMessages } from './agreement-work.id.ts';
import type { OrganisationsMessages } from './organisations.id.ts';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'kembar.language';

// Typed keys: `t('area.childern')` is a compile error instead of a raw key on screen. The account,
// data-entry and indicator-panel messages are typed here too, though they load on demand (see accounts.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages & AccountMessages & DataEntryMessages & IndicatorsMessages & IndicatorBrowserMessages & ImportsMessages & AgreementsMessages & AgreementWorkMessages & OrganisationsMessages };
  }
}

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language === value);
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'id';
  } catch {
    // Storage can be disabled (private mode, strict settings); Indonesian is the default anyway.
    return 'id';
  }
}

/** Switches the UI language and remembers the choice for the next visit. */
export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but the switch itself still works for this visit.
  }
  void i18n.changeLanguage(language);
}

// Screen readers and the browser's hyphenation/translation offers read <html lang>.
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'id',
  supportedLngs: LANGUAGES,
  // React escapes text already.
  interpolation: { escapeValue: false },
});

export default i18n;
