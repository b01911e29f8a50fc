import '../styles/forms.css';
import '../styles/accounts.css';
import '../styles/agreements.css';
import i18n from './index.ts';
import { agreementWorkEn } from './agreement-work.en.ts';
import { agreementWorkId } from './agreement-work.id.ts';
import { agreementsEn } from './agreements.en.ts';
import { agreementsId } from './agreements.id.ts';
// Account texts (role names, form words, organisation kinds) appear on the agreement pages too.
import './accounts.ts';

/*
 * The agreement pages' messages (and styles), merged into the one namespace when an agreement page
 * loads, the way accounts.ts does for the account pages: the area pages do not download them.
 */
i18n.addResourceBundle('id', 'translation', { ...agreementsId, ...agreementWorkId }, true, true);
i18n.addResourceBundle('en', 'translation', { ...agreementsEn, ...agreementWorkEn }, true, true);
