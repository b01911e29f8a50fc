import '../styles/forms.css';
import '../styles/indicators.css';
import i18n from './index.ts';
import './data-entry.ts';
import { indicatorsEn } from './indicators.en.ts';
import { indicatorsId } from './indicators.id.ts';

/*
 * The indicator panel's messages (and styles), merged into the one namespace when the panel loads,
 * the way data-entry.ts does for the editor; group, unit and status names come from there.
 */
i18n.addResourceBundle('id', 'translation', indicatorsId, true, true);
i18n.addResourceBundle('en', 'translation', indicatorsEn, true, true);
