import { z } from 'zod';
import { indicatorSchema, INDICATOR_GROUPS, COLLECTION_LEVELS } from './indicators.ts';

export const indicatorListQuerySchema = z.object({
  group: z.enum(INDICATOR_GROUPS).optional(),
  level: z.enum(COLLECTION_LEVELS).optional().describe('Only indicators collected at this level'),
});
export const indicatorListSchema = z.object({ items: z.array(indicatorSchema) });
