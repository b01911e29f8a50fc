import '../styles/forms.css';
import '../styles/accounts.css';
import i18n from './index.ts';
import { accountsEn } from './accounts.en.ts';
import { accountsId } from './accounts.id.ts';
// Organisation kinds appear on the profile, user and audit pages too.
import './organisations.ts';

/*
 * The account pages' messages (and styles), merged into the one namespace when a module that needs
 * them loads: the area pages, which most visitors use, do not download them. Import this module
 * (for its effect) from every page that shows account texts, and from shared components that do.
 */
i18n.addResourceBundle('id', 'translation', accountsId, true, true);
i18n.addResourceBundle('en', 'translation', accountsEn, true, true);
