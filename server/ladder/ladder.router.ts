import { z } from "zod";
import { ACCOUNT_CREATORS } from "../auth/permissions";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { boardColumn, boardCounts } from "./board.queries";
import { boardColumnInput, boardCountsInput } from "./board.schemas";
import { findLadderHistory } from "./ladder.queries";
import {
  allowedMoves,
  confirmEvidence,
  dismissEvidence,
  listEvidence,
  markLost,
  moveAccount,
  recordEvidence,
} from "./moves.queries";
import {
  allowedMovesInput,
  decideEvidenceInput,
  markLostInput,
  moveInput,
  recordEvidenceInput,
} from "./moves.schemas";

// Reads for every signed-in role; writes for the roles that edit accounts, and per account in the queries
// (an account manager only on accounts they own).
const writer = roleProcedure(...ACCOUNT_CREATORS);

export const ladderRouter = router({
  history: authedProcedure
    .input(z.object({ accountId: z.number().int().positive() }))
    .query(({ ctx, input }) => findLadderHistory(ctx.db, input.accountId)),
  boardCounts: authedProcedure.input(boardCountsInput).query(({ ctx, input }) => boardCounts(ctx.db, input)),
  column: authedProcedure
    .input(boardColumnInput)
    .query(({ ctx, input }) => boardColumn(ctx.db, ctx.user, input)),
  allowedMoves: authedProcedure
    .input(allowedMovesInput)
    .query(({ ctx, input }) => allowedMoves(ctx.db, ctx.user, input.accountId)),
  evidenceForAccount: authedProcedure
    .input(allowedMovesInput)
    .query(({ ctx, input }) => listEvidence(ctx.db, ctx.user, input.accountId)),
  move: writer.input(moveInput).mutation(({ ctx, input }) => moveAccount(ctx.db, ctx.user, input)),
  recordEvidence: writer
    .input(recordEvidenceInput)
    .mutation(({ ctx, input }) => recordEvidence(ctx.db, ctx.user, input)),
  confirmEvidence: writer
    .input(decideEvidenceInput)
    .mutation(({ ctx, input }) => confirmEvidence(ctx.db, ctx.user, input)),
  dismissEvidence: writer
    .input(decideEvidenceInput)
    .mutation(({ ctx, input }) => dismissEvidence(ctx.db, ctx.user, input)),
  markLost: writer.input(markLostInput).mutation(({ ctx, input }) => markLost(ctx.db, ctx.user, input)),
});
