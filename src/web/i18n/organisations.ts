import '../styles/forms.css';
import '../styles/organisation-picker.css';
import i18n from './index.ts';
import { organisationsEn } from './organisations.en.ts';
import { organisationsId } from './organisations.id.ts';

/*
 * Organisation kinds and the organisation picker's messages (and its styles), merged into the one namespace by the
 * modules that show them (the picker itself, accounts.ts): a page that uses the picker gets its
 * texts without loading the whole account bundle.
 */
i18n.addResourceBundle('id', 'translation', organisationsId, true, true);
i18n.addResourceBundle('en', 'translation', organisationsEn, true, true);
