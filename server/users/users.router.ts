import { authedProcedure, router } from "../trpc";
import { setUserLocale } from "./users.queries";
import { setLocaleInput } from "./users.schemas";

export const usersRouter = router({
  me: authedProcedure.query(({ ctx }) => ctx.user),
  setLocale: authedProcedure.input(setLocaleInput).mutation(({ ctx, input }) => {
    setUserLocale(ctx.db, ctx.user.id, input.locale);
    return { locale: input.locale };
  }),
});
