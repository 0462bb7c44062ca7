import { z } from "zod";
import { authedProcedure, router } from "../trpc";
import { findLadderHistory } from "./ladder.queries";

export const ladderRouter = router({
  history: authedProcedure
    .input(z.object({ accountId: z.number().int().positive() }))
    .query(({ ctx, input }) => findLadderHistory(ctx.db, input.accountId)),
});
