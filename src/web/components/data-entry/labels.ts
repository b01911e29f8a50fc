import type { TFunction } from 'i18next';
import type { Indicator } from '../../../common/api/indicators.ts';
import { dataEntryId } from '../../i18n/data-entry.id.ts';

const messages = dataEntryId.dataEntry;
type KnownUnit = keyof typeof messages.units;
type KnownStatus = keyof typeof messages.statusValues;

function isKnownUnit(unit: string): unit is KnownUnit {
  return Object.hasOwn(messages.units, unit);
}

function isKnownStatus(value: string): value is KnownStatus {
  return Object.hasOwn(messages.statusValues, value);
}

/** "Jumlah KK" in Indonesian, "Households (KK)" in English. */
export function indicatorName(indicator: Indicator, language: string): string {
  return language.startsWith('en') ? indicator.nameEn : indicator.nameId;
}

/** "KK" for `households`; a unit the catalogue adds later shows as it is written there. */
export function unitLabel(t: TFunction, unit: string): string {
  return isKnownUnit(unit) ? t(`dataEntry.units.${unit}`) : unit;
}

/** "SBS terverifikasi" for `SBS_TERVERIFIKASI`; an unknown value by its code. */
export function statusLabel(t: TFunction, value: string): string {
  return isKnownStatus(value) ? t(`dataEntry.statusValues.${value}`) : value;
}
