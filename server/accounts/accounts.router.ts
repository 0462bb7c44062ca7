import { z } from "zod";
import { ACCOUNT_CREATORS } from "../auth/permissions";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { bulkChangeAccounts } from "./accounts.bulk";
import { findAccounts } from "./accounts.list";
import { createAccount, findFilterOptions, getAccount, updateAccount } from "./accounts.queries";
import {
  accountFilter,
  accountIdInput,
  bulkChangeInput,
  createAccountInput,
  listAccountsInput,
  updateAccountInput,
} from "./accounts.schemas";
import { countAccounts } from "./accounts.selection";

// Every signed-in role reads every account; writes are gated here by role and per account in the queries.
export const accountsRouter = router({
  list: authedProcedure
    .input(listAccountsInput)
    .query(({ ctx, input }) => findAccounts(ctx.db, input, ctx.user)),
  count: authedProcedure
    .input(accountFilter)
    .query(({ ctx, input }) => countAccounts(ctx.db, ctx.user, input)),
  // Owners only by sales leads and admins; account managers on their own accounts (checked in the query).
  bulkChange: roleProcedure(...ACCOUNT_CREATORS)
    .input(bulkChangeInput)
    .mutation(({ ctx, input }) => bulkChangeAccounts(ctx.db, ctx.user, input)),
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
