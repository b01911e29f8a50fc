import { z } from 'zod';

/** The one error body every endpoint answers with. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('Stable machine-readable code, e.g. not_found, invalid_request'),
    message: z.string().describe('What went wrong, naming the field or value'),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
