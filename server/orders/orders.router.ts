import { ACCOUNT_CREATORS } from "../auth/permissions";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { createOrder, findOrdersForAccount } from "./orders.queries";
import { createOrderInput, listOrdersInput } from "./orders.schemas";

export const ordersRouter = router({
  listForAccount: authedProcedure
    .input(listOrdersInput)
    .query(({ ctx, input }) => findOrdersForAccount(ctx.db, input)),
  create: roleProcedure(...ACCOUNT_CREATORS)
    .input(createOrderInput)
    .mutation(({ ctx, input }) => createOrder(ctx.db, ctx.user, input)),
});
