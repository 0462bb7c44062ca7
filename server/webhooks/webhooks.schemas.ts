import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/db/schema";

const url = z.string().trim().min(1, { error: "required" }).max(2000, { error: "tooLong" });

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

export const endpointIdInput = z.object({ id: z.number().int().positive() });

export const deliveriesInput = z.object({
  endpointId: z.number().int().positive(),
  status: z.enum(["pending", "succeeded", "failed"]).nullish(),
  /** The last delivery id of the previous page. */
  cursor: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const deliveryIdInput = z.object({ id: z.number().int().positive() });

export const webhookSettingsInput = z.object({ allowPrivateTargets: z.boolean() });
