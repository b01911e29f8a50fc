import type { TFunction } from 'i18next';
import { accountsId as messages } from '../../i18n/accounts.id.ts';

type KnownEntity = keyof typeof messages.audit.entities;
type KnownField = keyof typeof messages.audit.fields;

/** Tables the audit trail knows a name for; others (a newer feature's) show as they are called. */
export const KNOWN_ENTITIES = Object.keys(messages.audit.entities).filter(isKnownEntity);

function isKnownEntity(entity: string): entity is KnownEntity {
  return Object.hasOwn(messages.audit.entities, entity);
}

function isKnownField(field: string): field is KnownField {
  return Object.hasOwn(messages.audit.fields, field);
}

/** "Pengguna" for `app_user`; an unknown table by its own name. */
export function entityLabel(t: TFunction, entity: string): string {
  return isKnownEntity(entity) ? t(`audit.entities.${entity}`) : entity;
}

/** "Nama" for `name`; an unknown column by its own name. */
export function fieldLabel(t: TFunction, field: string): string {
  return isKnownField(field) ? t(`audit.fields.${field}`) : field;
}
