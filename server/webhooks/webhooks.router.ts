// Admin procedures for webhook endpoints and deliveries (the admin API page).
import { z } from "zod";
import { roleProcedure, router } from "../trpc";
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  getWebhookSettings,
  listDeliveries,
  listEndpoints,
  resendDelivery,
  rotateSecret,
  saveWebhookSettings,
  sendTestEvent,
  updateEndpoint,
} from "./webhooks.queries";
import {
  createEndpointInput,
  deliveriesInput,
  deliveryIdInput,
  endpointIdInput,
  updateEndpointInput,
  webhookSettingsInput,
} from "./webhooks.schemas";

const admin = roleProcedure("admin");

export const webhooksRouter = router({
  list: admin.input(z.object({}).optional()).query(({ ctx }) => listEndpoints(ctx.db)),
  get: admin.input(endpointIdInput).query(({ ctx, input }) => getEndpoint(ctx.db, input.id)),
  create: admin
    .input(createEndpointInput)
    .mutation(({ ctx, input }) => createEndpoint(ctx.db, ctx.user, input)),
  update: admin
    .input(updateEndpointInput)
    .mutation(({ ctx, input }) => updateEndpoint(ctx.db, ctx.user, input)),
  rotateSecret: admin
    .input(endpointIdInput)
    .mutation(({ ctx, input }) => rotateSecret(ctx.db, ctx.user, input.id)),
  delete: admin
    .input(endpointIdInput)
    .mutation(({ ctx, input }) => deleteEndpoint(ctx.db, ctx.user, input.id)),
  deliveries: admin.input(deliveriesInput).query(({ ctx, input }) => listDeliveries(ctx.db, input)),
  resend: admin
    .input(deliveryIdInput)
    .mutation(({ ctx, input }) => resendDelivery(ctx.db, ctx.user, input.id)),
  sendTest: admin
    .input(endpointIdInput)
    .mutation(({ ctx, input }) => sendTestEvent(ctx.db, ctx.user, input.id)),
  settings: admin.input(z.object({}).optional()).query(({ ctx }) => getWebhookSettings(ctx.db)),
  saveSettings: admin
    .input(webhookSettingsInput)
    .mutation(({ ctx, input }) => saveWebhookSettings(ctx.db, ctx.user, input)),
});
