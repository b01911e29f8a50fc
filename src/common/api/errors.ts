import { z } from 'zod';

/** The one error body every endpoint answers with. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('Stable machine-readable code, e.g. not_found, invalid_request'),
    message: z.string().describe('What went wrong, naming the field or value'),
    reasons: z
      .array(z.object({ code: z.string(), message: z.string(), ruleId: z.string().nullable(), source: z.string().nullable() }))
      .optional()
      .describe('Every reason, when a request is refused for several (e.g. the unmet guards of a blocked agreement transition)'),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
