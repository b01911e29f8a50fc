import { z } from 'zod';
import { AREA_CODE_PATTERN, AREA_KINDS, AREA_LEVELS } from '../area-code.ts';

export const areaKindSchema = z.enum(AREA_KINDS);

export const areaCodeSchema = z
  .string()
  .regex(AREA_CODE_PATTERN, 'must be a Kemendagri area code such as 52, 52.07, 52.07.02 or 52.07.02.2001')
  .describe('Kemendagri area code');

export const areaRefSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: areaKindSchema,
});
export type AreaRef = z.infer<typeof areaRefSchema>;

export const areaDetailSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.literal(AREA_LEVELS),
  kind: areaKindSchema,
  parentCode: z.string().nullable(),
  ancestors: z.array(areaRefSchema).describe('From the province down to the parent'),
  children: z.array(areaRefSchema),
  counts: z.object({
    districts: z.number().int().describe('Kecamatan under this area, at any depth'),
    villages: z.number().int().describe('Desa and kelurahan under this area, at any depth'),
  }),
});
export type AreaDetail = z.infer<typeof areaDetailSchema>;

export const areaSearchQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('Name to search; case and punctuation are ignored'),
  level: z.coerce.number().pipe(z.literal(AREA_LEVELS)).optional().describe('1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type AreaSearchQuery = z.infer<typeof areaSearchQuerySchema>;

export const areaSearchItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: areaKindSchema,
  parentName: z.string().nullable(),
});
export type AreaSearchItem = z.infer<typeof areaSearchItemSchema>;

export const areaSearchResultSchema = z.object({ items: z.array(areaSearchItemSchema) });
export type AreaSearchResult = z.infer<typeof areaSearchResultSchema>;

/** Credit required by the ODbL licence of the area data, shown in the README and the UI. */
export const AREA_DATA_ATTRIBUTION = {
  name: 'idn-area-data',
  url: 'https://github.com/fityannugroho/idn-area-data',
  licence: 'Open Database License (ODbL) 1.0',
};
