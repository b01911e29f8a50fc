import type { ImportFormat } from '../../common/api/imports.ts';
import type { Database } from '../db/connect.ts';
import { dhis2ImportFormats } from './dhis2-format.ts';
import { householdFormat } from './household.ts';
import type { ImportFormatModule } from './import-format.ts';
import { stbmRecapFormat } from './stbm-recap.ts';
import { templateFormat } from './template-import.ts';

/**
 * Every format `POST /api/imports` and `kembar import` take, by name. A new format is a module
 * (reader + row schema + mapping to observation rows, see import-format.ts) added here.
 * The DHIS2 dataValueSets formats (dhis2-json, dhis2-csv) plug in the same way.
 */
export function createImportFormats(database: Database): Partial<Record<ImportFormat, ImportFormatModule>> {
  return {
    'stbm-recap': stbmRecapFormat,
    household: householdFormat(database),
    template: templateFormat,
    ...dhis2ImportFormats(database),
  };
}
