import '../styles/indicator-browser.css';
import i18n from './index.ts';
import './indicators.ts';
import { indicatorBrowserEn } from './indicator-browser.en.ts';
import { indicatorBrowserId } from './indicator-browser.id.ts';

/*
 * The indicator browser's messages (and styles), merged into the one namespace when /indikator
 * loads; group, unit and status names come with the indicator panel's and editor's bundles.
 */
i18n.addResourceBundle('id', 'translation', indicatorBrowserId, true, true);
i18n.addResourceBundle('en', 'translation', indicatorBrowserEn, true, true);
