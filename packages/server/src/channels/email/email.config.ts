import { z } from 'zod';

/** An email channel: the support addresses mail arrives at, and how replies are signed. */
export const EmailConfig = z.strictObject({
  addresses: z.array(z.email().max(254).transform((a) => a.toLowerCase())).min(1).max(10)
    .describe('Support addresses: mail to any of them (and to their +tagged reply addresses) lands here; replies go out from the first'),
  senderName: z.string().trim().min(1).max(120).default('Support').describe('The name replies are sent under'),
  footer: z.string().max(2000).default('').describe('Plain text added under every reply (a signature, a link)'),
});
export type EmailConfig = z.infer<typeof EmailConfig>;

export const EMAIL_SECRET_FIELDS = [] as const;
