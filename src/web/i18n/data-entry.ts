import '../styles/forms.css';
import '../styles/data-entry.css';
import i18n from './index.ts';
import { dataEntryEn } from './data-entry.en.ts';
import { dataEntryId } from './data-entry.id.ts';

/*
 * The editor's messages (and styles), merged into the one namespace when the editor loads, the
 * way accounts.ts does for the account pages: the area pages do not download them.
 */
i18n.addResourceBundle('id', 'translation', dataEntryId, true, true);
i18n.addResourceBundle('en', 'translation', dataEntryEn, true, true);
