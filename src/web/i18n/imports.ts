import '../styles/forms.css';
import '../styles/imports.css';
import i18n from './index.ts';
import './data-entry.ts';
import { importsEn } from './imports.en.ts';
import { importsId } from './imports.id.ts';

/* The import wizard's messages (and styles), merged into the one namespace when /impor loads; group names come from the editor's. */
i18n.addResourceBundle('id', 'translation', importsId, true, true);
i18n.addResourceBundle('en', 'translation', importsEn, true, true);
