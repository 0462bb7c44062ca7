import { z } from "zod";
import { ACCOUNT_CREATORS } from "../auth/permissions";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { findAccounts } from "./accounts.list";
import { createAccount, findFilterOptions, getAccount, updateAccount } from "./accounts.queries";
import {
  accountIdInput,
  createAccountInput,
  listAccountsInput,
  updateAccountInput,
} from "./accounts.schemas";

// Every signed-in role reads every account; writes are gated here by role and per account in the queries.
export const accountsRouter = router({
  list: authedProcedure.input(listAccountsInput).query(({ ctx, input }) => findAccounts(ctx.db, input)),
  get: authedProcedure
    .input(accountIdInput)
    .query(({ ctx, input }) => getAccount(ctx.db, ctx.user, input.id)),
  filterOptions: authedProcedure.input(z.object({}).optional()).query(({ ctx }) => findFilterOptions(ctx.db)),
  create: roleProcedure(...ACCOUNT_CREATORS)
    .input(createAccountInput)
    .mutation(({ ctx, input }) => createAccount(ctx.db, ctx.user, input)),
  update: roleProcedure(...ACCOUNT_CREATORS)
    .input(updateAccountInput)
    .mutation(({ ctx, input }) => updateAccount(ctx.db, ctx.user, input)),
});
