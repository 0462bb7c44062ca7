import { z } from "zod";
import { API_SCOPES } from "./api-keys.rules";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, { error: "required" }).max(80, { error: "tooLong" }),
  scopes: z.array(z.enum(API_SCOPES)).min(1, { error: "chooseScope" }).max(API_SCOPES.length),
  /** Days until the key stops working; null: it does not expire. */
  expiresInDays: z
    .number({ error: "wholeDays" })
    .int({ error: "wholeDays" })
    .min(1, { error: "wholeDays" })
    .max(3650, { error: "atMost3650" })
    .nullish(),
  /** Requests a minute this key may make. */
  requestsPerMinute: z
    .number({ error: "perMinute" })
    .int({ error: "perMinute" })
    .min(1, { error: "perMinute" })
    .max(100_000, { error: "perMinute" })
    .default(600),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const apiKeyIdInput = z.object({ id: z.string().min(1).max(100) });
