// Admin procedures for API keys (the admin API page).
import { z } from "zod";
import { roleProcedure, router } from "../trpc";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys.queries";
import { apiKeyIdInput, createApiKeyInput } from "./api-keys.schemas";

const admin = roleProcedure("admin");

export const apiKeysRouter = router({
  list: admin.input(z.object({}).optional()).query(({ ctx }) => listApiKeys(ctx.db)),
  create: admin.input(createApiKeyInput).mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.user, input)),
  revoke: admin.input(apiKeyIdInput).mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.user, input.id)),
});
