import { z } from "zod";
import { DELIVERY_STATUSES, WEBHOOK_EVENTS } from "@/db/schema";

/**
 * An http(s) URL. What the browser can tell on its own (not a URL, another scheme) is checked here, so the form
 * says it before sending; credentials in the URL and private addresses are the server's checks (webhooks.rules),
 * since the latter depend on the admin setting. Codes, not sentences: the form has a sentence for each.
 */
const url = z
  .string()
  .trim()
  .min(1, { error: "required" })
  .max(2000, { error: "tooLong" })
  .superRefine((value, ctx) => {
    if (value.length === 0) return;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "url.invalid" });
      return;
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
      ctx.addIssue({ code: "custom", message: "url.scheme" });
  });

export const endpointFields = z.object({
  url,
  description: z
    .string()
    .trim()
    .max(200, { error: "tooLong" })
    .nullish()
    .transform((v) => (v ? v : null)),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, { error: "chooseEvent" }),
});

export const createEndpointInput = endpointFields;
export type CreateEndpointInput = z.infer<typeof createEndpointInput>;

export const updateEndpointInput = endpointFields.partial().extend({
  id: z.number().int().positive(),
  active: z.boolean().optional(),
});
export type UpdateEndpointInput = z.infer<typeof updateEndpointInput>;

/** The endpoint form on the endpoint's page: every field, and whether it receives deliveries. */
export const editEndpointInput = endpointFields.extend({ active: z.boolean() });

export const endpointIdInput = z.object({ id: z.number().int().positive() });

export const deliveriesInput = z.object({
  endpointId: z.number().int().positive(),
  status: z.enum(DELIVERY_STATUSES).nullish(),
  /** The last delivery id of the previous page. */
  cursor: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const deliveryIdInput = z.object({ id: z.number().int().positive() });

export const webhookSettingsInput = z.object({ allowPrivateTargets: z.boolean() });
