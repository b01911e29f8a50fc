import { z } from 'zod';
import { ORGANISATION_KINDS } from '../roles.ts';
import { areaCodeSchema } from './areas.ts';

export const organisationKindSchema = z.enum(ORGANISATION_KINDS);

/** Pemda are coded by their area code (`52.07`); other organisations by a short slug (`forkalim`). */
export const organisationCodeSchema = z
  .string()
  .regex(/^(?:\d{2}(?:\.\d{2})?|[a-z0-9][a-z0-9-]{1,39})$/, 'must be an area code (52.07) or a lower-case slug (dinkes-52-07)');

export const organisationSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  kind: organisationKindSchema,
  areaCode: z.string().nullable().describe('The area a pemda governs (also set on its OPDs)'),
  parentCode: z.string().nullable().describe('For an OPD: the pemda it belongs to'),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  kind: organisationKindSchema.optional(),
  area: areaCodeSchema.optional().describe('Organisations of this area and the areas under it'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const organisationListSchema = z.object({ items: z.array(organisationSchema) });

export const createOrganisationSchema = z.object({
  code: organisationCodeSchema,
  name: z.string().trim().min(3).max(200),
  kind: z.enum(['opd', 'operator', 'association', 'ministry', 'development_partner', 'other']).describe('Pemda are generated from the areas'),
  parentCode: organisationCodeSchema.optional().describe('Required for an OPD or a regional operator: the pemda it belongs to'),
});
export type CreateOrganisation = z.infer<typeof createOrganisationSchema>;

export const updateOrganisationSchema = z.object({ name: z.string().trim().min(3).max(200) });
