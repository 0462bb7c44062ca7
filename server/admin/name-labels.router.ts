import { z } from "zod";
import { LOCALES, NAME_KINDS } from "@/db/schema";
import { roleProcedure, router } from "../trpc";
import { listNameLabels, saveNameLabels } from "./name-labels.queries";

const label = z.string().trim().max(60, "Keep the label to 60 characters.");
export const saveNameLabelsInput = z.object({
  kind: z.enum(NAME_KINDS),
  name: z.string().trim().min(1).max(100),
  labels: z.object(
    Object.fromEntries(LOCALES.map((l) => [l, label.optional()])) as Record<
      (typeof LOCALES)[number],
      z.ZodOptional<typeof label>
    >,
  ),
});

// Readers get the labels with every signed-in page (the layout); admins list and edit them in settings.
const admin = roleProcedure("admin");

export const nameLabelsRouter = router({
  list: admin.input(z.object({}).optional()).query(({ ctx }) => listNameLabels(ctx.db)),
  save: admin
    .input(saveNameLabelsInput)
    .mutation(({ ctx, input }) => saveNameLabels(ctx.db, ctx.user, input)),
});
